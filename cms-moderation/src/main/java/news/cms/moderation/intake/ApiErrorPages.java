package news.cms.moderation.intake;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import news.cms.core.availability.Outage;
import news.cms.core.availability.Outages;
import news.cms.core.observability.RequestId;
import news.cms.core.observability.RequestIdFilter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's error page for the comment API. Whatever ends a {@code /v1} request in an
 * error dispatch (Tomcat refusing an over-long header, a query it cannot decode, no handler or no
 * such method, an exception) is answered here as a problem detail, before Spring Security or Vaadin
 * see the dispatch: an API client never gets the moderators' login redirect or an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorPages {

    static final String API = "/v1";

    @Bean
    FilterRegistrationBean<Filter> apiErrorPageFilter(JsonMapper json, Outages outages) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProblemPage(json, outages));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        // Right after the request-id filter, which puts the id back for the error dispatch.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    // Errors Tomcat answers before any servlet runs (a header over max-http-request-header-size) never
    // reach the error page above: its host's error report valve writes them, so it learns the API's form.
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    static boolean isApi(HttpServletRequest request, String path) {
        String api = request.getContextPath() + API;
        return path.equals(api) || path.startsWith(api + "/");
    }

    /** Writes the error dispatch of an API request as {@code application/problem+json}. */
    static final class ProblemPage implements Filter {

        private final JsonMapper json;
        private final Outages outages;

        ProblemPage(JsonMapper json, Outages outages) {
            this.json = json;
            this.outages = outages;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                    || !isApi(request, uri)) {
                chain.doFilter(req, res);
                return;
            }
            if (response.isCommitted()) {
                return;
            }
            // A filter (a rate limit, a ban check) met a database that is down: 503, not 500 (ADR 0013).
            Optional<Outage> outage = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
                    ? outages.of(t)
                    : Optional.empty();
            if (outage.isPresent()) {
                response.setHeader("Retry-After", Long.toString(outage.get().retryAfterSeconds()));
            }
            Map<String, Object> problem = outage.isPresent() ? unavailable(outage.get()) : problem(request);
            response.resetBuffer();
            response.setStatus((Integer) problem.get("status"));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.setHeader("Cache-Control", "no-store");
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(json.writeValueAsBytes(problem));
            }
        }

        private static Map<String, Object> unavailable(Outage outage) {
            Map<String, Object> problem = body(
                    503,
                    "database-unavailable",
                    "Service unavailable",
                    "the comment service cannot reach its database just now; send the same request again in "
                            + outage.retryAfterSeconds() + " s");
            problem.put("retryAfterSeconds", outage.retryAfterSeconds());
            return problem;
        }

        private static Map<String, Object> problem(HttpServletRequest request) {
            if (undecodableQuery(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
                IntakeRefused refused = IntakeRefused.invalidQuery();
                return body(refused.status().value(), refused.type(), refused.title(), refused.getMessage());
            }
            int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                    ? code
                    : HttpStatus.INTERNAL_SERVER_ERROR.value();
            return body(status);
        }

        static Map<String, Object> body(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            return body(status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(), detail(status));
        }

        private static Map<String, Object> body(int status, String type, String title, String detail) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", IntakeProblems.TYPE_BASE + type);
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            String requestId = RequestIdFilter.current();
            if (requestId != null) {
                problem.put(RequestId.KEY, requestId);
            }
            return problem;
        }

        // Fixed texts: nothing the client sent is echoed back.
        private static String detail(int status) {
            return switch (status) {
                case 400 -> "the request is malformed: a header, the path or the query cannot be read";
                case 404 -> "the comment API has no such resource";
                case 405 -> "this resource does not answer that method; see the Allow header";
                case 413, 431 -> "the request or one of its headers is too large";
                default ->
                    status >= 500 ? "the comment API failed to answer; the error is logged" : "the request failed";
            };
        }

        private static boolean undecodableQuery(Object exception) {
            for (Throwable t = exception instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
                if (t instanceof InvalidParameterException) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Tomcat's error report for the host, as a problem detail for API paths and as Tomcat's own
     * (without server details, as Spring Boot configures it) for the rest.
     */
    public static final class ProblemReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            int status = response.getStatus();
            if (uri == null || status < 400 || !isApi(request, uri)) {
                super.report(request, response, throwable);
                return;
            }
            if (response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(ProblemPage.body(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response was closed: nothing more to say.
            }
        }
    }
}
