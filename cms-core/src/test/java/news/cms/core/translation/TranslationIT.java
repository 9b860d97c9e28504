package news.cms.core.translation;

import static news.cms.testsupport.Newsroom.asEditor;
import static news.cms.testsupport.Newsroom.asReporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.article.FieldDirections;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import news.cms.core.workflow.NotPermitted;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Translation groups on real PostgreSQL: the group rules, staleness, notices and the workflow. */
@CmsIntegrationTest
class TranslationIT {

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private static ArticleContent english(String headline, String standfirst, String body) {
        return new ArticleContent(
                LanguageTag.ENGLISH,
                "city",
                headline,
                standfirst,
                body,
                List.of(new Byline("Rezan Ahmed", "Staff reporter"), new Byline("Selin Aydın", "Photographer")),
                new Dateline("Sulaymaniyah", "Kurdistan Region", "IQ", LocalDate.of(2026, 12, 4)),
                List.of("water"),
                FieldDirections.FROM_LANGUAGE);
    }

    private static ArticleContent source() {
        return english(
                "Sulaymaniyah opens its first river footbridge",
                "The bridge links the old bazaar with the new park.",
                "The mayor cut the ribbon at noon. Cyclists must walk across.");
    }

    private static ArticleContent rewritten(Article a, LanguageTag language, String headline, String body) {
        ArticleContent c = a.content();
        return new ArticleContent(
                language,
                c.section(),
                headline,
                c.standfirst(),
                body,
                c.bylines(),
                c.dateline(),
                c.tags(),
                c.directions());
    }

    private Translation membership(Article a) {
        return Newsroom.as(Newsroom.EDITOR, () -> translations.find(a.id()).orElseThrow(), Role.EDITOR);
    }

    private Article reload(Article a) {
        return asEditor(() -> articles.find(a.id()).orElseThrow());
    }

    @Test
    void aTranslationIsADraftInTheTargetLanguageWithBylinesDatelineAndSectionCarriedOver() {
        Article original = Newsroom.publishedStory(articles, source());

        Article arabic = asReporter(() -> translations.translate(original.id(), "ar"));

        assertThat(arabic.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(arabic.language()).isEqualTo(LanguageTag.ARABIC);
        assertThat(arabic.section()).isEqualTo("city");
        assertThat(arabic.bylines()).isEqualTo(original.bylines());
        assertThat(arabic.dateline()).isEqualTo(original.dateline());
        assertThat(arabic.headline()).isEqualTo(original.headline()); // the source's text, for the translator
        assertThat(arabic.authors()).containsExactly(Newsroom.REPORTER);
        Translation t = membership(arabic);
        assertThat(t.source()).isEqualTo(original.id());
        assertThat(t.sourceVersion()).isEqualTo(original.version());
        assertThat(t.language()).isEqualTo("ar");
        assertThat(t.stale()).isFalse();
        assertThat(membership(original).isOriginal()).isTrue();
        assertThat(membership(original).group()).isEqualTo(t.group());
        assertThat(audit(arabic)).extracting(AuditEvent::action).contains("translation.create");
    }

    @Test
    void aGroupHoldsOneVersionPerLanguageAndAnyVersionCanBeTranslatedFurther() {
        Article original = Newsroom.publishedStory(articles, source());
        Article sorani = asReporter(() -> translations.translate(original.id(), "ckb"));
        Article turkish = asReporter(() -> translations.translate(sorani.id(), "tr"));
        int before = articles().size();

        TranslationRefused.LanguageInGroup refused =
                (TranslationRefused.LanguageInGroup) org.assertj.core.api.Assertions.catchThrowable(
                        () -> asReporter(() -> translations.translate(turkish.id(), "ckb")));

        assertThat(refused.existing()).isEqualTo(sorani.id());
        assertThat(refused.code()).isEqualTo("translation.language-in-group");
        assertThatThrownBy(() -> asReporter(() -> translations.translate(original.id(), "en-GB")))
                .isInstanceOf(TranslationRefused.SameLanguage.class);
        assertThat(articles()).hasSize(before);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> translations.group(turkish.id()), Role.EDITOR))
                .extracting(Translation::language)
                .containsExactly("en", "ckb", "tr");
        assertThat(membership(turkish).source()).isEqualTo(sorani.id());
    }

    @Test
    void badRequestsAreRefusedEachInItsOwnWayAndNothingIsStored() {
        Article original = Newsroom.publishedStory(articles, source());
        Article spiked = asReporter(() -> {
            Article d = articles.createDraft(english("Draft about the bridge", "", "Notes only."));
            return articles.spike(d.id(), d.version());
        });
        int before = articles().size();

        assertThatThrownBy(() -> asReporter(() -> translations.translate(original.id(), "en")))
                .isInstanceOf(TranslationRefused.SameLanguage.class);
        assertThatThrownBy(() -> asReporter(() -> translations.translate(original.id(), "qqx")))
                .isInstanceOf(TranslationRefused.UnknownLanguage.class)
                .hasCauseInstanceOf(InvalidLanguageTag.class);
        assertThatThrownBy(() -> asReporter(() -> translations.translate(original.id(), "not a language")))
                .isInstanceOf(TranslationRefused.UnknownLanguage.class);
        assertThatThrownBy(() -> asReporter(() -> translations.translate(spiked.id(), "tr")))
                .isInstanceOf(TranslationRefused.SourceNotTranslatable.class)
                .hasMessage("cannot translate an article that is spiked");
        Article killed = asEditor(() -> {
            Article k = articles.kill(original.id(), original.version(), "Wrong bridge in the photo");
            return k;
        });
        assertThatThrownBy(() -> asReporter(() -> translations.translate(killed.id(), "ar")))
                .isInstanceOf(TranslationRefused.SourceNotTranslatable.class);
        assertThatThrownBy(() -> Newsroom.as("karwan", () -> translations.translate(killed.id(), "ar"), Role.MODERATOR))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);

        assertThat(articles()).hasSize(before);
        assertThat(jdbc.sql("select count(*) from translation where article_id in (?, ?)")
                        .params(original.id().value(), spiked.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aBodyEditFlagsTheTranslationAndTheTranslatorsSaveClearsIt() {
        Article original = asReporter(() -> articles.createDraft(source()));
        Article arabic = asReporter(() -> translations.translate(original.id(), "ar"));
        Article translated = asReporter(() -> articles.save(
                arabic.id(),
                arabic.version(),
                rewritten(
                        arabic,
                        LanguageTag.ARABIC,
                        "السليمانية تفتتح أول جسر للمشاة فوق النهر",
                        "قصّ المحافظ الشريط ظهراً. على راكبي الدراجات عبور الجسر سيراً.")));
        assertThat(membership(translated).stale()).isFalse(); // the translator's own saves never flag

        Article edited = asReporter(() -> articles.save(
                original.id(),
                original.version(),
                rewritten(
                        original,
                        LanguageTag.ENGLISH,
                        original.headline(),
                        "The mayor cut the ribbon at noon. Cyclists may ride across after 8 pm.")));

        Translation flagged = membership(translated);
        assertThat(flagged.stale()).isTrue();
        assertThat(flagged.sourceVersion()).isEqualTo(original.version());
        assertThat(audit(translated)).extracting(AuditEvent::action).contains("translation.stale");

        Article updated = asReporter(() -> articles.save(
                translated.id(),
                translated.version(),
                rewritten(
                        translated,
                        LanguageTag.ARABIC,
                        translated.headline(),
                        "قصّ المحافظ الشريط ظهراً. يمكن لراكبي الدراجات العبور بعد الثامنة مساءً.")));

        Translation cleared = membership(updated);
        assertThat(cleared.stale()).isFalse();
        assertThat(cleared.sourceVersion()).isEqualTo(edited.version());
        assertThat(audit(updated)).extracting(AuditEvent::action).contains("translation.cleared");
    }

    @Test
    void aMinorEditAndABylineOnlyChangeLeaveTheTranslationUpToDate() {
        Article original = asReporter(() -> articles.createDraft(source()));
        Article turkish = asReporter(() -> translations.translate(original.id(), "tr"));

        Article typo = asReporter(() -> articles.save(
                original.id(),
                original.version(),
                rewritten(
                        original,
                        LanguageTag.ENGLISH,
                        original.headline(),
                        "The mayor cut the ribbon at noon.  Cyclists must walk across."),
                true));
        assertThat(membership(turkish).stale()).isFalse();
        assertThat(audit(original))
                .filteredOn(e -> e.action().equals("article.edit"))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("minor", "true"));

        ArticleContent c = typo.content();
        Article bylines = asReporter(() -> articles.save(
                typo.id(),
                typo.version(),
                new ArticleContent(
                        c.language(),
                        c.section(),
                        c.headline(),
                        c.standfirst(),
                        c.body(),
                        List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                        c.dateline(),
                        List.of("bridge"),
                        c.directions())));
        assertThat(bylines.bylines()).hasSize(1);
        assertThat(membership(turkish).stale()).isFalse();

        // A real change after the minor edit still flags: the minor edit moved the baseline, not the rule.
        asReporter(() -> articles.save(
                bylines.id(),
                bylines.version(),
                rewritten(bylines, LanguageTag.ENGLISH, "Sulaymaniyah's footbridge opens a day late", c.body())));
        assertThat(membership(turkish).stale()).isTrue();
    }

    @Test
    void aTranslationRunsTheWholeWorkflowOnItsOwnAndACorrectionOrKillOfTheSourceLeavesANotice() {
        Article original = Newsroom.publishedStory(articles, source());
        Article sorani = asReporter(() -> translations.translate(original.id(), "ckb"));
        Article written = asReporter(() -> articles.save(
                sorani.id(),
                sorani.version(),
                rewritten(
                        sorani,
                        LanguageTag.SORANI,
                        "سلێمانی یەکەم پردی پیادەڕەوی سەر ڕووبار دەکاتەوە",
                        "پارێزگار لە نیوەڕۆدا پەتەکەی بڕی.")));
        Article submitted = asReporter(() -> articles.submit(written.id(), written.version()));
        assertThat(reload(original).state()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(submitted.state()).isEqualTo(ArticleState.SUBMITTED);
        // Four eyes: the translator cannot approve their own translation, even as an editor.
        assertThatThrownBy(() -> Newsroom.as(
                        Newsroom.REPORTER, () -> articles.approve(submitted.id(), submitted.version()), Role.EDITOR))
                .isInstanceOf(NotPermitted.class);
        Article approved = asEditor(() -> articles.approve(submitted.id(), submitted.version()));
        Article published = asEditor(() -> articles.publish(approved.id(), approved.version()));
        assertThat(published.state()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(translations.publishedSiblings(original.id()))
                .extracting(Article::id)
                .containsExactly(published.id());

        Article corrected = asEditor(() -> articles.correct(
                original.id(),
                original.version(),
                rewritten(
                        original,
                        LanguageTag.ENGLISH,
                        original.headline(),
                        "The governor, not the mayor, cut the ribbon at noon. Cyclists must walk across."),
                "The ribbon was cut by the governor."));
        Translation noticed = membership(published);
        assertThat(noticed.notice()).isEqualTo(Translation.SourceNotice.CORRECTED);
        assertThat(noticed.stale()).isTrue();

        asEditor(() -> articles.kill(corrected.id(), corrected.version(), "The opening was postponed"));

        assertThat(membership(published).notice()).isEqualTo(Translation.SourceNotice.KILLED);
        assertThat(reload(published).state()).isEqualTo(ArticleState.PUBLISHED); // an editor decides, not us
        assertThat(translations.publishedSiblings(published.id())).isEmpty();
    }

    private List<AuditEvent> audit(Article a) {
        return Newsroom.as(
                Newsroom.EDITOR, () -> audit.find(AuditQuery.forTarget("article", a.id().toString())), Role.EDITOR);
    }

    private List<?> articles() {
        return jdbc.sql("select id from article").query().listOfRows();
    }
}
