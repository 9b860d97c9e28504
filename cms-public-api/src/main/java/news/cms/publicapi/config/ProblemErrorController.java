package news.cms.publicapi.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import news.cms.core.availability.Outage;
import news.cms.core.availability.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's error page ({@code /error}): what Tomcat refused (a bad encoding, an
 * encoded slash, TRACE) or a filter answered with {@code sendError}, as a problem typed after its
 * status. Asked for directly, {@code /error} is a path like any other that serves nothing: 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final JsonMapper json;
    private final AllowedMethods allowed;
    private final Outages outages;

    ProblemErrorController(JsonMapper json, AllowedMethods allowed, Outages outages) {
        this.json = json;
        this.allowed = allowed;
        this.outages = outages;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        if (response.isCommitted()) {
            return;
        }
        // A filter (a partner key looked up, say) met an engine that is down: 503, not a 500 (ADR 0013).
        Optional<Outage> outage = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
                ? outages.of(t)
                : Optional.empty();
        if (outage.isPresent()) {
            response.resetBuffer();
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, Long.toString(outage.get().retryAfterSeconds()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            Problems.write(response, Problems.bytes(json, Problems.unavailable(outage.get())), 503);
            return;
        }
        if (status >= 500) {
            log.error(
                    "error page for {} {}: {}",
                    request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    status,
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null);
        }
        if (status == 405 && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            Set<RequestMethod> methods = allowed.at(uri);
            if (methods.isEmpty()) {
                status = 404;
            } else {
                response.setHeader(HttpHeaders.ALLOW, AllowedMethods.header(methods));
            }
        }
        response.resetBuffer();
        Problems.write(
                response,
                json,
                status,
                Problems.typeOf(status),
                Problems.titleOf(status),
                Problems.detailOf(status, request.getMethod()));
    }
}
