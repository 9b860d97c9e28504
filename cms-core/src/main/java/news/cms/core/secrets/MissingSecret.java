package news.cms.core.secrets;

/** An app was started without one of its secrets, or with a value anyone can read in the repository. */
public final class MissingSecret extends RuntimeException {

    private final String property;
    private final boolean published;

    MissingSecret(String property, boolean published) {
        super(
                published
                        ? "the secret " + property
                                + " is a default published in the CMS's repository: set one of your own"
                        : "the secret " + property + " is not set");
        this.property = property;
        this.published = published;
    }

    /** The property that names the secret, e.g. {@code cms.public-api.cursor-secret}. */
    public String property() {
        return property;
    }

    /** Whether it was set to a published default rather than left out. */
    public boolean published() {
        return published;
    }
}
