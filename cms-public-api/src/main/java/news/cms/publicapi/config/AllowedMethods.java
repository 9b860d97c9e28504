package news.cms.publicapi.config;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The methods that work on a path, read from the controllers' mappings: for {@code Allow} on 405s,
 * also those Tomcat or our filters answer before Spring MVC (TRACE), which would otherwise list
 * every method the servlet implements.
 */
@Component
public class AllowedMethods {

    private final ApplicationContext context;
    private volatile Set<Mapping> mappings;

    private record Mapping(PathPatternsRequestCondition paths, Set<RequestMethod> methods) {}

    AllowedMethods(ApplicationContext context) {
        this.context = context;
    }

    /**
     * The methods some route at this path answers (HEAD wherever GET, OPTIONS wherever any), empty
     * when no route matches.
     */
    public Set<RequestMethod> at(String path) {
        PathContainer container = PathContainer.parsePath(path);
        Set<RequestMethod> methods = EnumSet.noneOf(RequestMethod.class);
        for (Mapping m : mappings()) {
            if (m.paths().getPatterns().stream().anyMatch(p -> p.matches(container))) {
                methods.addAll(m.methods());
            }
        }
        if (methods.contains(RequestMethod.GET)) {
            methods.add(RequestMethod.HEAD);
        }
        if (!methods.isEmpty()) {
            methods.add(RequestMethod.OPTIONS);
        }
        return methods;
    }

    /** {@code GET, HEAD, OPTIONS}: the value of an Allow header. */
    public static String header(Collection<RequestMethod> methods) {
        return methods.stream().sorted().map(RequestMethod::name).collect(Collectors.joining(", "));
    }

    /** Read once the controllers are mapped; the error page, which takes any method, is left out. */
    private Set<Mapping> mappings() {
        Set<Mapping> known = mappings;
        if (known == null) {
            RequestMappingHandlerMapping handlers =
                    context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            known = handlers.getHandlerMethods().keySet().stream()
                    .filter(info -> !info.getMethodsCondition().getMethods().isEmpty())
                    .filter(info -> info.getPathPatternsCondition() != null)
                    .map(AllowedMethods::mapping)
                    .collect(Collectors.toUnmodifiableSet());
            mappings = known;
        }
        return known;
    }

    private static Mapping mapping(RequestMappingInfo info) {
        return new Mapping(
                info.getPathPatternsCondition(),
                Set.copyOf(info.getMethodsCondition().getMethods()));
    }
}
