package news.cms.publicapi.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word: a request that never reached the application (a request line or header
 * Tomcat could not parse or would not take) gets a problem instead of Tomcat's HTML page.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: only errors, only once, never over what the application wrote.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        byte[] problem = json.writeValueAsBytes(Problems.fields(
                Problems.TYPE_BASE + Problems.typeOf(status),
                Problems.titleOf(status),
                status,
                Problems.detailOf(status, request.getMethod())));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(problem, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was taken over: nothing left to tell.
        }
    }
}
