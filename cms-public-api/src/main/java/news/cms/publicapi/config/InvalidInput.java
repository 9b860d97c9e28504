package news.cms.publicapi.config;

import org.jspecify.annotations.Nullable;

/**
 * A request this API refuses with 400 because of what the client sent (a parameter, a header, an
 * id); {@link #type()} is the stable problem type's last segment. A bug in our own code is never one
 * of these: it stays a 500 that is logged.
 */
public final class InvalidInput extends RuntimeException {

    private final String type;
    private final String title;
    private final @Nullable String parameter;

    private InvalidInput(String type, String title, @Nullable String parameter, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
        this.parameter = parameter;
    }

    /** A query parameter that is malformed or out of range. */
    public static InvalidInput parameter(String name, String detail) {
        return new InvalidInput("invalid-parameter", "Invalid parameter", name, detail);
    }

    /** A request body that is malformed or says something impossible. */
    public static InvalidInput body(String detail) {
        return new InvalidInput("invalid-body", "Invalid request body", null, detail);
    }

    /** A request header that is malformed, e.g. {@code Accept: garbage}. */
    public static InvalidInput header(String name, String detail) {
        return new InvalidInput("invalid-header", "Invalid header", name, detail);
    }

    /** Not an article id: only the canonical lowercase UUID (or its ninjs uri) names an article. */
    public static InvalidInput articleId(String given) {
        return new InvalidInput(
                "invalid-article-id",
                "Invalid article id",
                "id",
                "An article id is a lowercase UUID such as 0b6f3c1e-5a7d-4e2b-9c8f-1d2e3f4a5b6c, or"
                        + " urn:newsroom-cms:article: followed by one; \"" + shorten(given) + "\" is neither.");
    }

    private static String shorten(String given) {
        return given.length() <= 80 ? given : given.substring(0, 80) + "…";
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The parameter or header at fault. */
    public @Nullable String parameter() {
        return parameter;
    }
}
