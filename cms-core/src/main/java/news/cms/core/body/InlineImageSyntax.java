package news.cms.core.body;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A picture of ours placed in a Markdown body: {@code ![alt text](media:<uuid>)}, Markdown's image
 * form with the picture's id where a URL would be (docs/adr/0025). The editor writes it; the
 * renderers look the picture up by id and show its renditions, never a hot-linked address.
 */
public final class InlineImageSyntax {

    /** The scheme that marks one of our pictures, in place of an image URL. */
    public static final String SCHEME = "media:";

    // The alt text may hold anything but brackets and line breaks; the id is a UUID in any case.
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\[\\]\\r\\n]*)]\\(" + SCHEME
            + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\)");

    /**
     * One placed picture and where it stands in the source.
     *
     * @param start index of its {@code !} in the source
     * @param end index just after its closing parenthesis
     */
    public record InlineImage(UUID mediaId, String alt, int start, int end) {}

    private InlineImageSyntax() {}

    /** The pictures placed in the Markdown source, in order. */
    public static List<InlineImage> parse(String markdown) {
        List<InlineImage> found = new ArrayList<>();
        Matcher m = IMAGE.matcher(markdown);
        while (m.find()) {
            found.add(new InlineImage(UUID.fromString(m.group(2)), m.group(1).strip(), m.start(), m.end()));
        }
        return List.copyOf(found);
    }

    /**
     * The Markdown that places the picture; brackets and line breaks in the alt text become spaces
     * (they would end the syntax early).
     */
    public static String format(UUID mediaId, String alt) {
        String safe =
                alt.replaceAll("[\\[\\]\\r\\n]+", " ").replaceAll("\\s+", " ").strip();
        return "![" + safe + "](" + SCHEME + mediaId + ")";
    }
}
