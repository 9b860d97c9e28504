package news.cms.core.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.cms.core.language.LanguageTag;

/**
 * The IPTC Media Topics an editor may give a story, bundled with the code ({@code media-topics.tsv}
 * next to this class): each with its name in English, Arabic, Sorani and Turkish.
 */
public final class MediaTopics {

    /** The scheme's concept URIs are this prefix and the code. */
    public static final String URI_PREFIX = "http://cv.iptc.org/newscodes/mediatopic/";

    /** One topic: its eight-digit code and its names by primary language subtag. */
    public record Topic(String code, Map<String, String> names) {

        /** The name in the language, English when we have none in it. */
        public String name(String language) {
            return names.getOrDefault(language, names.get("en"));
        }

        public String name(LanguageTag language) {
            return name(language.primary());
        }

        public String uri() {
            return URI_PREFIX + code;
        }

        /** The qualified code, as IPTC writes it: {@code medtop:04000000}. */
        public String qcode() {
            return "medtop:" + code;
        }
    }

    private static final Map<String, Topic> TOPICS = load();

    private MediaTopics() {}

    /** Every topic of the list, in its order. */
    public static List<Topic> all() {
        return List.copyOf(TOPICS.values());
    }

    public static Optional<Topic> find(String code) {
        return Optional.ofNullable(TOPICS.get(normalise(code)));
    }

    /** {@code medtop:04000000} and the bare code are the same topic. */
    static String normalise(String code) {
        String c = code.strip();
        return c.startsWith("medtop:") ? c.substring("medtop:".length()) : c;
    }

    private static Map<String, Topic> load() {
        Map<String, Topic> topics = new LinkedHashMap<>();
        try (InputStream in = MediaTopics.class.getResourceAsStream("media-topics.tsv")) {
            if (in == null) {
                throw new IllegalStateException("media-topics.tsv is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5 || !f[0].matches("[0-9]{8}")) {
                    throw new IllegalStateException("bad line in media-topics.tsv: " + line);
                }
                topics.put(f[0], new Topic(f[0], Map.of("en", f[1], "ar", f[2], "ckb", f[3], "tr", f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }
}
