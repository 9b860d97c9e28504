package news.cms.core.article;

import static news.cms.testsupport.Newsroom.asEditor;
import static news.cms.testsupport.Newsroom.asReporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.TextDirection;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import news.cms.core.workflow.IllegalTransition;
import news.cms.core.workflow.NotPermitted;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Drafts are stored whole in any script; the workflow, versions, revisions and audit hold. */
@CmsIntegrationTest
class ArticleServiceIT {

    @Autowired
    ArticleService articles;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReporterFilesADraftThatReadsBackUnchanged() {
        ArticleContent content = new ArticleContent(
                LanguageTag.ARABIC,
                "politics",
                "البرلمان يناقش قانون الموازنة للعام 2027",
                "الجلسة تبدأ صباح الأحد.",
                "ناقش النواب **المادة 12** من مشروع القانون.",
                List.of(new Byline("ليلى حسن", "مراسلة"), new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline("بغداد", null, "iq", LocalDate.of(2026, 11, 25)),
                List.of("البرلمان", "budget"),
                new FieldDirections(null, null, null));

        Article draft = asReporter(() -> articles.createDraft(content));
        Article stored = asReporter(() -> articles.find(draft.id()).orElseThrow());

        assertThat(stored).isEqualTo(draft);
        assertThat(stored.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(stored.createdBy()).isEqualTo(Newsroom.REPORTER);
        assertThat(stored.bylines()).extracting(Byline::name).containsExactly("ليلى حسن", "Rezan Ahmed");
        assertThat(stored.dateline().countryCode()).isEqualTo("IQ");
        assertThat(stored.slug().value()).isEqualTo("البرلمان-يناقش-قانون-الموازنة-للعام-2027");
    }

    /** Each draft reads back with its own direction overrides, read again after others were read. */
    @Test
    void directionOverridesReadBackAsStoredForEachStory() {
        List<FieldDirections> forms = List.of(
                new FieldDirections(TextDirection.LTR, null, null),
                new FieldDirections(null, TextDirection.RTL, TextDirection.LTR),
                FieldDirections.FROM_LANGUAGE,
                new FieldDirections(TextDirection.LTR, null, null));
        List<Article> drafts = forms.stream()
                .map(d -> asReporter(() -> articles.createDraft(new ArticleContent(
                        LanguageTag.SORANI,
                        "news",
                        "Erbil Marathon: ڕاکردن لە هەولێر",
                        "پێشبڕکێکە بەیانی دەست پێ دەکات.",
                        "ڕاکەران لە **شەقامی ١٠٠ مەتری** کۆ دەبنەوە.",
                        List.of(new Byline("ژیان عومەر", "پەیامنێر")),
                        new Dateline("هەولێر", null, "IQ", LocalDate.of(2026, 12, 7)),
                        List.of(),
                        d))))
                .toList();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < forms.size(); i++) {
                Article draft = drafts.get(i);
                Article stored = asReporter(() -> articles.find(draft.id()).orElseThrow());
                assertThat(stored.content().directions()).as("story %d", i).isEqualTo(forms.get(i));
            }
        }
        Article first = asReporter(() -> articles.find(drafts.get(0).id()).orElseThrow());
        assertThat(first.content().directions().headline(LanguageTag.SORANI)).isEqualTo(TextDirection.LTR);
        assertThat(first.content().directions().body(LanguageTag.SORANI)).isEqualTo(TextDirection.RTL);
    }

    @Test
    void aReporterCannotApproveOrPublishAndNothingChanges() {
        Article submitted = asReporter(() -> {
            Article draft = articles.createDraft(
                    Newsroom.story(LanguageTag.TURKISH, "Muhabir onaylamaya çalışıyor", "Metin.", "Ankara"));
            return articles.submit(draft.id(), draft.version());
        });

        assertThatThrownBy(() -> asReporter(() -> articles.approve(submitted.id(), submitted.version())))
                .isInstanceOf(NotPermitted.class);
        assertThat(asReporter(() -> articles.find(submitted.id()).orElseThrow()).state())
                .isEqualTo(ArticleState.SUBMITTED);
    }

    @Test
    void aModeratorCannotReachTheNewsroomAtAll() {
        assertThatThrownBy(() -> Newsroom.as("karwan", () -> articles.count(), Role.MODERATOR))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void publishingTwiceIsAnIllegalTransitionAndChangesNothing() {
        Article published = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Published once", "Body.", "Erbil"));

        assertThatThrownBy(() -> asEditor(() -> articles.publish(published.id(), published.version())))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("cannot publish an article that is published");
        assertThat(asEditor(() -> articles.find(published.id()).orElseThrow())).isEqualTo(published);
    }

    @Test
    void aStaleVersionIsAConflictNotAnOverwrite() {
        Article draft = asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.SORANI, "وەشانی کۆن", "دەق.", "هەولێر")));
        Article saved = asReporter(() -> articles.save(
                draft.id(), draft.version(), Newsroom.story(LanguageTag.SORANI, "وەشانی نوێ", "دەقی نوێ.", "هەولێر")));

        assertThatThrownBy(() -> asReporter(() -> articles.save(
                        draft.id(),
                        draft.version(),
                        Newsroom.story(LanguageTag.SORANI, "وەشانی سێیەم", "دەق.", "هەولێر"))))
                .isInstanceOf(StaleVersion.class);
        assertThat(asReporter(() -> articles.find(draft.id()).orElseThrow())).isEqualTo(saved);
    }

    @Test
    void everyCommandKeepsARevisionAnAuditEntryAndOneEvent() {
        Article published = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ENGLISH, "Erbil bus lanes open", "The first lane opens on Monday.", "Erbil"));
        Article corrected = asEditor(() -> articles.correct(
                published.id(),
                published.version(),
                Newsroom.story(
                        LanguageTag.ENGLISH, "Erbil bus lanes open", "The first lane opens on Tuesday.", "Erbil"),
                "An earlier version gave the wrong day."));

        List<Revision> history = Newsroom.as(Newsroom.EDITOR, () -> articles.history(published.id()), Role.EDITOR);
        assertThat(history)
                .extracting(Revision::action)
                .containsExactly(Action.CREATE, Action.SUBMIT, Action.APPROVE, Action.PUBLISH, Action.CORRECT);
        assertThat(history).extracting(Revision::publicVersion).containsExactly(null, null, null, 1, 2);
        assertThat(history.getLast().note()).isEqualTo("An earlier version gave the wrong day.");
        assertThat(history.get(3).content().body()).isEqualTo("The first lane opens on Monday.");
        assertThat(corrected.publicVersion()).isEqualTo(2);

        assertThat(Newsroom.as(
                        Newsroom.EDITOR,
                        () -> audit.find(
                                AuditQuery.forTarget("article", published.id().toString())),
                        Role.EDITOR))
                .extracting(e -> e.action())
                .containsExactly(
                        "article.correct", "article.publish", "article.approve", "article.submit", "article.create");
        // Counted for one listener (the search indexer): each listener of an event has its own entry.
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?"
                                + " and listener_id like '%ArticleIndexer%'")
                        .param("%" + published.id() + "%")
                        .query(Integer.class)
                        .single())
                .as("one outbox event per command")
                .isEqualTo(5);
    }

    @Test
    void revisionsAndAuditEntriesCannotBeChanged() {
        Article draft = asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ENGLISH, "Immutable", "Body.", "Van")));

        assertThatThrownBy(() -> jdbc.sql("update article_revision set actor = 'someone' where article_id = ?")
                        .param(draft.id().value())
                        .update())
                .hasMessageContaining("append-only");
        // The apps' role may not even try (ADR 0009); the trigger stops every other role (DatabaseRolesIT).
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .rootCause()
                .hasMessageContaining("permission denied for table audit_event");
    }

    @Test
    void twoStoriesWithTheSameHeadlineGetDifferentSlugs() {
        Article first = asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ENGLISH, "Same headline", "Body.", "Erbil")));
        Article second = asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ENGLISH, "Same headline", "Body.", "Erbil")));

        assertThat(first.slug()).isNotEqualTo(second.slug());
        assertThat(second.slug().value()).startsWith("same-headline-");
    }
}
