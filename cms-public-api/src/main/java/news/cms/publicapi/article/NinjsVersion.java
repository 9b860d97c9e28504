package news.cms.publicapi.article;

import java.util.List;
import java.util.Locale;
import news.cms.publicapi.config.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * The ninjs versions we serve, and how a client picks one: {@code ?ninjs=3.1}, or a {@code profile}
 * parameter naming the schema in Accept, e.g. {@code Accept: application/json;
 * profile="http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"}. The query parameter wins; the
 * default is 2.2.
 */
public enum NinjsVersion {
    V2_2("2.2"),
    V3_1("3.1");

    private final String number;

    NinjsVersion(String number) {
        this.number = number;
    }

    String number() {
        return number;
    }

    /** The schema's {@code $id} without its empty fragment, as IPTC publishes it. */
    String schema() {
        return "http://www.iptc.org/std/ninjs/ninjs-schema_" + number + ".json";
    }

    /** The Content-Type of this version's bytes served as {@code application/json}. */
    String jsonType() {
        return "application/json;profile=\"" + schema() + "\"";
    }

    /** The Content-Type of this version's bytes served as {@code application/ninjs+json}. */
    String ninjsType() {
        return "application/ninjs+json;profile=\"" + schema() + "\"";
    }

    /**
     * The version a {@code ninjs} query parameter names.
     *
     * @throws InvalidInput for a version we do not serve
     */
    public static NinjsVersion of(String number) {
        for (NinjsVersion v : values()) {
            if (v.number.equals(number.strip())) {
                return v;
            }
        }
        throw InvalidInput.parameter(
                "ninjs",
                "unsupported ninjs version \"" + (number.length() > 20 ? number.substring(0, 20) + "…" : number)
                        + "\"; use 2.2 or 3.1");
    }

    /** The version a {@code profile} parameter names, if it names one of ours. */
    static @Nullable NinjsVersion ofProfile(@Nullable String profile) {
        if (profile == null) {
            return null;
        }
        String p = profile.strip();
        if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
            p = p.substring(1, p.length() - 1);
        }
        p = p.toLowerCase(Locale.ROOT);
        if (p.endsWith("#")) {
            p = p.substring(0, p.length() - 1);
        }
        for (NinjsVersion v : values()) {
            if (p.equals(v.schema()) || p.equals(v.schema().replace("http://", "https://"))) {
                return v;
            }
        }
        return null;
    }

    /** The version chosen by the query parameter, else by the first acceptable type naming a profile. */
    static NinjsVersion choose(@Nullable String query, List<MediaType> accepted) {
        if (query != null && !query.isBlank()) {
            return of(query);
        }
        return accepted.stream()
                .map(t -> ofProfile(t.getParameter("profile")))
                .filter(v -> v != null)
                .findFirst()
                .orElse(V2_2);
    }
}
