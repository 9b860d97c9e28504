package news.cms.publicapi.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Applies {@link PublicApiRateLimits} to each {@code /v1} request, after its key (if any) was checked. */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final PublicApiRateLimits limits;

    public RateLimitFilter(PublicApiRateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limits.admit(request, response, PartnerAuthentication.current().orElse(null))) {
            chain.doFilter(request, response);
        }
    }
}
