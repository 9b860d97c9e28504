package news.cms.core.translation;

import static news.cms.testsupport.Newsroom.asEditor;
import static news.cms.testsupport.Newsroom.asReporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The editor's read side of translation groups on real PostgreSQL: memberships of a page, and the stale ones. */
@CmsIntegrationTest
class TranslationQueriesIT {

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    private static ArticleContent turkish(String body) {
        return new ArticleContent(
                LanguageTag.TURKISH,
                "economy",
                "Van'da yeni balık pazarı açıldı",
                "Göl kıyısındaki pazar haftada üç gün kurulacak.",
                body,
                List.of(new Byline("Selin Aydın", "Muhabir")),
                new Dateline("VAN", "Doğu Anadolu", "TR", LocalDate.of(2026, 12, 5)));
    }

    private static <T> T staff(java.util.function.Supplier<T> query) {
        return Newsroom.as(Newsroom.EDITOR, query, Role.EDITOR);
    }

    @Test
    void aPageLearnsItsMembershipsAndTheDeskListsOnlyStaleTranslationsByLanguageAPageAtATime() {
        Article source = asReporter(() -> articles.createDraft(turkish("Pazar sabah altıda açılıyor.")));
        Article sorani = asReporter(() -> translations.translate(source.id(), "ckb"));
        Article arabic = asReporter(() -> translations.translate(source.id(), "ar"));
        Article english = asReporter(() -> translations.translate(source.id(), "en"));
        Article alone = asReporter(() -> articles.createDraft(turkish("Bu haberin çevirisi yok.")));

        assertThat(staff(() -> translations.findAll(List.of(sorani.id(), alone.id(), source.id()))))
                .extracting(Translation::articleId)
                .containsExactlyInAnyOrder(sorani.id(), source.id());
        assertThat(staff(() -> translations.findAll(List.of()))).isEmpty();
        assertThat(staff(() -> translations.toUpdate(null, null, 200)))
                .extracting(Translation::articleId)
                .doesNotContain(sorani.id(), arabic.id(), english.id());

        asReporter(() -> articles.save(
                source.id(), source.version(), source.content().withBody("Pazar sabah yedide açılıyor.")));
        // The English translator looks and saves: only Sorani and Arabic remain to update.
        Article englishNow = asEditor(() -> articles.find(english.id()).orElseThrow());
        asReporter(() -> articles.save(
                english.id(), englishNow.version(), englishNow.content().withBody("The market opens at seven.")));

        List<ArticleId> stale = new ArrayList<>();
        Translation after = null;
        do {
            Translation cursor = after;
            List<Translation> page = staff(() -> translations.toUpdate(null, cursor, 1));
            assertThat(page).hasSizeLessThanOrEqualTo(1);
            page.forEach(t -> assertThat(t.stale()).isTrue());
            page.forEach(t -> stale.add(t.articleId()));
            after = page.isEmpty() ? null : page.getLast();
        } while (after != null);
        assertThat(stale)
                .doesNotHaveDuplicates()
                .contains(sorani.id(), arabic.id())
                .doesNotContain(english.id());

        assertThat(staff(() -> translations.toUpdate("ckb", null, 200)))
                .extracting(Translation::articleId)
                .contains(sorani.id())
                .doesNotContain(arabic.id());
        assertThatThrownBy(() -> staff(() -> translations.toUpdate(null, null, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
