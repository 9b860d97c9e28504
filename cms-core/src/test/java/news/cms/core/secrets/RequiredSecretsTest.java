package news.cms.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Real SpringApplication runs that refuse to start, and one that starts, with the secrets given. */
class RequiredSecretsTest {

    private static final String REQUIRED =
            "--cms.secrets.required=spring.datasource.password, spring.flyway.password, cms.comments.email-pepper";
    private static final String DB = "--spring.datasource.password=Kx9-app-role-secret";
    private static final String OWNER = "--spring.flyway.password=Qm4-owner-role-secret";

    @Configuration(proxyBeanMethods = false)
    @Import(RequiredSecrets.class)
    static class AnApp {}

    private static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(AnApp.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args);
    }

    @Test
    void aMissingSecretStopsTheStartAndIsNamed() {
        assertThatThrownBy(() -> run(REQUIRED, DB, OWNER))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret cms.comments.email-pepper is not set");
        assertThatThrownBy(() -> run(REQUIRED, OWNER, "--cms.comments.email-pepper=ﺏ-peppered-ئەمە-secret"))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret spring.datasource.password is not set");
    }

    @Test
    void aBlankSecretCountsAsMissing() {
        assertThatThrownBy(() -> run(REQUIRED, DB, OWNER, "--cms.comments.email-pepper=   "))
                .isInstanceOf(MissingSecret.class)
                .hasMessageContaining("cms.comments.email-pepper is not set");
    }

    @Test
    void aPublishedDefaultStopsTheStart() {
        assertThatThrownBy(() -> run(
                        REQUIRED, DB, OWNER, "--cms.comments.email-pepper=dev-only-comment-email-pepper-not-a-secret"))
                .isInstanceOf(MissingSecret.class)
                .hasMessage("the secret cms.comments.email-pepper is a default published in the CMS's repository:"
                        + " set one of your own");
        assertThatThrownBy(() -> run(REQUIRED, "--spring.datasource.password=Postgres", OWNER))
                .isInstanceOf(MissingSecret.class)
                .hasMessageContaining("spring.datasource.password is a default published");
    }

    @Test
    void withoutFlywayTheOwnersPasswordIsNotNeeded() {
        try (var context = run(
                REQUIRED, DB, "--spring.flyway.enabled=false", "--cms.comments.email-pepper=Şifre-için-uzun-biber-9")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void everySecretSetStarts() {
        try (var context = run(REQUIRED, DB, OWNER, "--cms.comments.email-pepper=بهار-peppered-secret-2026")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void theFailureAnalysisSaysWhatToSet() {
        FailureAnalysis analysis = new MissingSecretFailureAnalyzer()
                .analyze(new MissingSecret("cms.moderation.intake.cursor-secret", false));
        assertThat(analysis.getDescription()).contains("cms.moderation.intake.cursor-secret is not set");
        assertThat(analysis.getAction()).contains("CMS_MODERATION_INTAKE_CURSORSECRET");
    }
}
