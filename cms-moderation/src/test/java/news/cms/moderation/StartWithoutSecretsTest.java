package news.cms.moderation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.cms.core.secrets.MissingSecret;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * The moderation app, started as its image starts it, refuses to run without each of its secrets or
 * on a value published in the repository (ADR 0009); it stops before touching the database.
 */
class StartWithoutSecretsTest {

    private static final String PORT = "--server.port=0";
    private static final String APP_ROLE = "--spring.datasource.password=Tq8-app-role-only-here";
    private static final String OWNER = "--spring.flyway.password=Hn5-owner-only-here";
    private static final String CURSOR = "--cms.moderation.intake.cursor-secret=ژ-cursor-key-of-this-test-1";

    @Test
    void withoutTheOwnersPassword() {
        assertThatThrownBy(() -> SpringApplication.run(ModerationApplication.class, PORT, APP_ROLE))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret spring.flyway.password is not set");
    }

    @Test
    void withoutOrWithThePublishedCursorSecret() {
        assertThatThrownBy(() -> SpringApplication.run(ModerationApplication.class, PORT, APP_ROLE, OWNER))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret cms.moderation.intake.cursor-secret is not set");
        assertThatThrownBy(() -> SpringApplication.run(
                        ModerationApplication.class,
                        PORT,
                        APP_ROLE,
                        OWNER,
                        "--cms.moderation.intake.cursor-secret=dev-only-comment-cursor-secret-not-a-secret"))
                .isInstanceOf(MissingSecret.class)
                .hasMessageContaining("cms.moderation.intake.cursor-secret is a default published");
    }

    @Test
    void withoutOrWithThePublishedEmailPepper() {
        assertThatThrownBy(() -> SpringApplication.run(ModerationApplication.class, PORT, APP_ROLE, OWNER, CURSOR))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret cms.comments.email-pepper is not set");
        assertThatThrownBy(() -> SpringApplication.run(
                        ModerationApplication.class,
                        PORT,
                        APP_ROLE,
                        OWNER,
                        CURSOR,
                        "--cms.comments.email-pepper=dev-only-comment-email-pepper-not-a-secret"))
                .isInstanceOf(MissingSecret.class)
                .hasMessageContaining("cms.comments.email-pepper is a default published");
    }
}
