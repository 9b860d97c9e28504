package news.cms.core.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start an app when a secret it needs ({@code cms.secrets.required}, listed in each app's
 * application.properties) is missing, blank or a value published in this repository: the old
 * defaults in code and properties, the compose file's examples, the usual database passwords. Runs
 * before any bean is made, so a missing database password is named as such rather than surfacing as
 * a refused connection. The dev stack and the tests make secrets of their own, so nothing here
 * tells them apart from production (ADR 0009).
 */
@Component
class RequiredSecrets implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    static final String REQUIRED = "cms.secrets.required";

    /** Values anyone can read in this repository or its history; compared case-insensitively. */
    static final Set<String> PUBLISHED = Set.of(
            "postgres",
            "cms",
            "cms_owner",
            "cms_app",
            "password",
            "secret",
            "changeme",
            "dev-stack-only-cursor-secret-replace-in-production",
            "dev-only-comment-cursor-secret-not-a-secret",
            "dev-only-comment-email-pepper-not-a-secret");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** @throws MissingSecret for the first secret, in the listed order, that is missing or published */
    static void check(Environment environment) {
        List<String> required = List.of(environment.getProperty(REQUIRED, String[].class, new String[0]));
        boolean flyway = environment.getProperty("spring.flyway.enabled", Boolean.class, true);
        for (String property : required) {
            String name = property.strip();
            if (name.isEmpty() || (!flyway && name.startsWith("spring.flyway."))) {
                continue;
            }
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new MissingSecret(name, false);
            }
            if (PUBLISHED.contains(value.strip().toLowerCase(Locale.ROOT))) {
                throw new MissingSecret(name, true);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
