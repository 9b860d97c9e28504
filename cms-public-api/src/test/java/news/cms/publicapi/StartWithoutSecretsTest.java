package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.cms.core.secrets.MissingSecret;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * The public API, started as its image starts it, refuses to run without its secrets or on a value
 * published in the repository (ADR 0009); it stops before touching the database.
 */
class StartWithoutSecretsTest {

    private static final String PORTS = "--server.port=0";
    private static final String MANAGEMENT = "--management.server.port=0";
    private static final String APP_ROLE = "--spring.datasource.password=Rz7-app-role-only-here";
    private static final String OWNER = "--spring.flyway.password=Lw2-owner-only-here";

    @Test
    void withoutTheDatabasePassword() {
        assertThatThrownBy(() -> SpringApplication.run(PublicApiApplication.class, PORTS, MANAGEMENT))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret spring.datasource.password is not set");
    }

    @Test
    void withThePublishedDatabasePassword() {
        assertThatThrownBy(() -> SpringApplication.run(
                        PublicApiApplication.class, PORTS, MANAGEMENT, "--spring.datasource.password=postgres", OWNER))
                .isInstanceOf(MissingSecret.class)
                .hasMessageContaining("spring.datasource.password is a default published");
    }

    @Test
    void withoutTheCursorSecret() {
        assertThatThrownBy(() -> SpringApplication.run(PublicApiApplication.class, PORTS, MANAGEMENT, APP_ROLE, OWNER))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret cms.public-api.cursor-secret is not set");
    }

    @Test
    void withThePublishedCursorSecret() {
        assertThatThrownBy(() -> SpringApplication.run(
                        PublicApiApplication.class,
                        PORTS,
                        MANAGEMENT,
                        APP_ROLE,
                        OWNER,
                        "--cms.public-api.cursor-secret=dev-stack-only-cursor-secret-replace-in-production"))
                .isInstanceOf(MissingSecret.class)
                .hasMessageContaining("cms.public-api.cursor-secret is a default published");
    }

    @Test
    void withoutThePushSecretKey() {
        assertThatThrownBy(() -> SpringApplication.run(
                        PublicApiApplication.class,
                        PORTS,
                        MANAGEMENT,
                        APP_ROLE,
                        OWNER,
                        "--cms.public-api.cursor-secret=Qx9-a-cursor-key-of-this-test-only-4711"))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret cms.push.secret-key is not set");
    }
}
