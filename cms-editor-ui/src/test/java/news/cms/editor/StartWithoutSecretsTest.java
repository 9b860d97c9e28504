package news.cms.editor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.cms.core.secrets.MissingSecret;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * The editor app, started as its image starts it, refuses to run without the database roles'
 * passwords or on a value published in the repository (ADR 0009).
 */
class StartWithoutSecretsTest {

    private static final String PORT = "--server.port=0";

    @Test
    void withoutTheDatabasePassword() {
        assertThatThrownBy(() -> SpringApplication.run(EditorApplication.class, PORT))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret spring.datasource.password is not set");
    }

    @Test
    void withThePublishedOwnerPassword() {
        assertThatThrownBy(() -> SpringApplication.run(
                        EditorApplication.class,
                        PORT,
                        "--spring.datasource.password=Vb3-app-role-only-here",
                        "--spring.flyway.password=cms_owner"))
                .isInstanceOf(MissingSecret.class)
                .hasMessageContaining("spring.flyway.password is a default published");
    }
}
