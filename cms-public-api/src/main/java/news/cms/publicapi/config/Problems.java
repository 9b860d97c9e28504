package news.cms.publicapi.config;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written where Spring MVC's advice cannot reach: in servlet filters (an
 * invalid key, a rate limit) and past content negotiation (406).
 */
public final class Problems {

    /** Every type URI starts with this; the rest names the problem, e.g. {@code api-key-revoked}. */
    public static final String TYPE_BASE = "https://cms.example/problems/";

    private Problems() {}

    static Map<String, Object> fields(String type, String title, int status, String detail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("title", title);
        fields.put("status", status);
        fields.put("detail", detail);
        return fields;
    }

    public static void write(
            HttpServletResponse response, JsonMapper json, HttpStatus status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream()
                .write(json.writeValueAsBytes(fields(TYPE_BASE + type, title, status.value(), detail)));
    }
}
