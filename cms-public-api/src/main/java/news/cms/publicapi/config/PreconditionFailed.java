package news.cms.publicapi.config;

/** {@code If-Match} or {@code If-Unmodified-Since} did not hold for the current representation (412). */
public final class PreconditionFailed extends RuntimeException {

    public PreconditionFailed() {
        super("The representation no longer matches If-Match or If-Unmodified-Since: fetch it again.");
    }
}
