package news.cms.publicapi.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * TRACE and methods HTTP does not define (BREW) get a 405 problem whose Allow names what the path
 * answers, ahead of everything: Tomcat refuses TRACE with an Allow listing every method the servlet
 * implements, Spring Security's firewall would call a made-up method a malformed request, and on the
 * error dispatch the servlet's own TRACE would echo the request, headers and all.
 */
final class UnknownMethodFilter extends OncePerRequestFilter {

    private static final Set<String> ROUTED = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");

    private final AllowedMethods allowed;
    private final JsonMapper json;

    UnknownMethodFilter(AllowedMethods allowed, JsonMapper json) {
        this.allowed = allowed;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // Tomcat's own TRACE refusal arrives as an error dispatch
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ROUTED.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
        Set<RequestMethod> methods = allowed.at(path);
        response.resetBuffer();
        if (methods.isEmpty()) {
            Problems.write(response, json, 404, "not-found", Problems.titleOf(404), Problems.detailOf(404, null));
            return;
        }
        response.setHeader(HttpHeaders.ALLOW, AllowedMethods.header(methods));
        Problems.write(
                response,
                json,
                405,
                "method-not-allowed",
                Problems.titleOf(405),
                Problems.detailOf(405, request.getMethod()));
    }
}
