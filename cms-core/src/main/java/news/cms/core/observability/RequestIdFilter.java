package news.cms.core.observability;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/**
 * Gives every request its {@link RequestId}: in the MDC (so on every log line written while it is
 * served), in the {@code X-Request-Id} response header, and as a request attribute that the error
 * dispatch following a failed request finds again. Runs first, before caches and security, so even a
 * request answered from a cache or refused by a rate limit has its id.
 */
public final class RequestIdFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        RequestId id = request.getAttribute(RequestId.ATTRIBUTE) instanceof RequestId earlier
                ? earlier
                : RequestId.from(request.getHeader(RequestId.HEADER));
        request.setAttribute(RequestId.ATTRIBUTE, id);
        if (!res.isCommitted()) {
            // Again on the error dispatch: the container may have reset the headers for its error page.
            ((HttpServletResponse) res).setHeader(RequestId.HEADER, id.value());
        }
        String outer = MDC.get(RequestId.KEY);
        MDC.put(RequestId.KEY, id.value());
        try {
            chain.doFilter(req, res);
        } finally {
            if (outer == null) {
                MDC.remove(RequestId.KEY);
            } else {
                MDC.put(RequestId.KEY, outer);
            }
        }
    }

    /** The id of the request being served on this thread, if any (for problem details). */
    public static @org.jspecify.annotations.Nullable String current() {
        return MDC.get(RequestId.KEY);
    }
}
