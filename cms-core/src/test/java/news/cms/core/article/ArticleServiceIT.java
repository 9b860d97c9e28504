package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Drafts are stored whole, in any script; roles are checked by the service itself. */
@CmsIntegrationTest
class ArticleServiceIT {

    @Autowired
    ArticleService articles;

    @Test
    @WithMockUser(username = "rezan", roles = "REPORTER")
    void aReporterFilesADraftThatReadsBackUnchanged() {
        ArticleContent content = new ArticleContent(
                LanguageTag.ARABIC,
                "politics",
                "البرلمان يناقش قانون الموازنة للعام 2027",
                "الجلسة تبدأ صباح الأحد.",
                "ناقش النواب **المادة 12** من مشروع القانون.",
                List.of(new Byline("ليلى حسن", "مراسلة"), new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline("بغداد", null, "iq", LocalDate.of(2026, 11, 25)));

        Article draft = articles.createDraft(content);
        Article stored = articles.find(draft.id()).orElseThrow();

        assertThat(stored).isEqualTo(draft);
        assertThat(stored.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(stored.createdBy()).isEqualTo("rezan");
        assertThat(stored.bylines()).extracting(Byline::name).containsExactly("ليلى حسن", "Rezan Ahmed");
        assertThat(stored.dateline().countryCode()).isEqualTo("IQ");
        assertThat(stored.slug().value()).isEqualTo("البرلمان-يناقش-قانون-الموازنة-للعام-2027");
    }

    @Test
    @WithMockUser(username = "rezan", roles = "REPORTER")
    void aReporterCannotPublish() {
        Article draft = articles.createDraft(story("Reporter tries to publish"));

        assertThatThrownBy(() -> articles.publish(draft.id())).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(articles.find(draft.id()).orElseThrow().state()).isEqualTo(ArticleState.DRAFT);
    }

    @Test
    @WithMockUser(username = "layla", roles = "EDITOR")
    void publishingTwiceIsAnIllegalTransitionAndChangesNothing() {
        Article published =
                articles.publish(articles.createDraft(story("Published once")).id());

        assertThatThrownBy(() -> articles.publish(published.id())).isInstanceOf(IllegalTransition.class);
        assertThat(articles.find(published.id()).orElseThrow().version()).isEqualTo(published.version());
    }

    @Test
    @WithMockUser(username = "layla", roles = "EDITOR")
    void twoStoriesWithTheSameHeadlineGetDifferentSlugs() {
        Article first = articles.createDraft(story("Same headline"));
        Article second = articles.createDraft(story("Same headline"));

        assertThat(first.slug()).isNotEqualTo(second.slug());
        assertThat(second.slug().value()).startsWith("same-headline-");
    }

    private static ArticleContent story(String headline) {
        return new ArticleContent(
                LanguageTag.ENGLISH,
                "news",
                headline,
                "",
                "Body text.",
                List.of(new Byline("Selin Kaya", null)),
                new Dateline("Ankara", null, "TR", LocalDate.of(2026, 11, 25)));
    }
}
