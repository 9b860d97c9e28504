package news.cms.core.push;

/**
 * An endpoint may not be called: not https (unless allowed), not a plain URL, or a host whose
 * addresses are private, loopback, link-local or metadata addresses outside the allow-list. The
 * {@link #reason()} lets a UI say which in its own language.
 */
public class EndpointRefused extends IllegalArgumentException {

    /** Why an endpoint was refused. */
    public enum Reason {
        /** Not an absolute URL with a host. */
        NOT_A_URL,
        /** Not https (or http where allowed). */
        SCHEME,
        /** A user name, password or fragment in the URL. */
        USER_INFO,
        /** The host does not resolve. */
        UNRESOLVED,
        /** The host resolves to a private, loopback, link-local, metadata or reserved address. */
        PRIVATE_ADDRESS
    }

    private final Reason reason;

    public EndpointRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public EndpointRefused(String message) {
        this(Reason.PRIVATE_ADDRESS, message);
    }

    public Reason reason() {
        return reason;
    }
}
