package news.cms.moderation.intake;

import news.cms.core.observability.RequestId;
import news.cms.core.observability.RequestIdFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem detail the app's handlers answer carries the request's id (docs/adr/0017), the one
 * in its {@code X-Request-Id} header and its log lines, so a reader's report can be found in the logs.
 */
@ControllerAdvice
class RequestIdInProblems implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        String id = RequestIdFilter.current();
        if (body instanceof ProblemDetail problem && id != null) {
            problem.setProperty(RequestId.KEY, id);
        }
        return body;
    }
}
