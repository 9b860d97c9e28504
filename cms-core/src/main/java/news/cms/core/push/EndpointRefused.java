package news.cms.core.push;

/**
 * An endpoint may not be called: not https (unless allowed), not a plain URL, or a host whose
 * addresses are private, loopback, link-local or metadata addresses outside the allow-list.
 */
public class EndpointRefused extends IllegalArgumentException {

    public EndpointRefused(String reason) {
        super(reason);
    }
}
