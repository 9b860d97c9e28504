package news.cms.publicapi.config;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import news.cms.publicapi.access.CachedReadFilter;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems for what is refused before the controllers: by Tomcat (its error report valve), by
 * Spring Security's firewall ({@code ;}, encoded {@code /} or {@code %}, control characters), and
 * for methods nobody routes (TRACE). See ADR 0016 for the list of problem types.
 */
@Configuration(proxyBeanMethods = false)
class HttpEdgeConfiguration {

    /** Runs after Boot's own customizer, which adds a plain error report valve, and replaces it. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(JsonMapper json) {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> useProblemValve(context, json));
            }
        };
    }

    /**
     * Tomcat writes a response to the socket in pieces the size of a connection's write buffer, 8 KB
     * by default: a 40 KB picture took five system calls, a 154 KB feed page nineteen. With {@code
     * cms.public-api.socket-write-buffer} (64 KB) they take one and three: bench/media measured the
     * rendition at 44 % of nginx's rate instead of 32 %. Each open connection holds its buffer, so
     * {@code server.tomcat.max-connections} is lowered to match (application.properties, ADR 0041).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer(
            @Value("${cms.public-api.socket-write-buffer:64KB}") DataSize size) {
        if (size.toBytes() < 8192 || size.toBytes() > 1024 * 1024) {
            throw new IllegalArgumentException(
                    "cms.public-api.socket-write-buffer must be from 8KB to 1MB, not " + size);
        }
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes())));
    }

    private static void useProblemValve(Context context, JsonMapper json) {
        Host host = (Host) context.getParent();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve(json));
        if (host instanceof StandardHost standard) {
            // The host adds a valve of this class on start unless one is there: ours is.
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }

    @Bean
    FilterRegistrationBean<UnknownMethodFilter> unknownMethods(AllowedMethods allowed, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new UnknownMethodFilter(allowed, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Boot's request observation ({@code http.server.requests}), registered by us so that it runs
     * after the cached-read filters ({@link CachedReadFilter#ORDER}), which time themselves: for a
     * read answered from memory the observation cost as much as the answer (bench/public-api, JFR).
     * Otherwise as Boot registers it.
     */
    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> requestObservations(
            ObservationRegistry registry,
            ObjectProvider<ServerRequestObservationConvention> convention,
            ObservationProperties properties) {
        String name = properties.getHttp().getServer().getRequests().getName();
        var filter = new ServerHttpObservationFilter(
                registry, convention.getIfAvailable(() -> new DefaultServerRequestObservationConvention(name)));
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(CachedReadFilter.ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /** What the firewall refuses becomes a 400 problem instead of a bare error page. */
    @Bean
    RequestRejectedHandler requestRejected(JsonMapper json) {
        return (request, response, rejected) -> {
            response.resetBuffer();
            Problems.write(
                    response,
                    json,
                    HttpStatus.BAD_REQUEST,
                    "request-rejected",
                    "Request rejected",
                    "The URL or a header holds what this API never accepts: a ';' path parameter, an encoded"
                            + " '/', '\\', '%' or '.', a control character, or a header or parameter name it cannot"
                            + " read.");
        };
    }
}
