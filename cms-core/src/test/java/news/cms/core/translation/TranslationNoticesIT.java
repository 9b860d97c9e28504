package news.cms.core.translation;

import static news.cms.testsupport.Newsroom.asEditor;
import static news.cms.testsupport.Newsroom.asReporter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.TranslatedStory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a source's fate leaves on its translations, with the story in four languages (Arabic and
 * Turkish from the English, Sorani from the Arabic): a correction or a kill of the English marks
 * every version made from it, directly or not, with "source corrected" / "source killed", audited
 * and sent as events; none is killed with it. And each step of staleness leaves its audit entry.
 */
@CmsIntegrationTest
class TranslationNoticesIT {

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCorrectionOfTheSourceMarksEveryVersionMadeFromIt() {
        TranslatedStory.Versions story = TranslatedStory.publish(articles, translations);
        Article english = story.english();

        Article corrected = asEditor(() -> articles.correct(
                english.id(),
                english.version(),
                english.content()
                        .withBody("The library on the main square holds what survivors of the attack of 16 March"
                                + " 1988 gave it. Entry is free, and schools may book guided visits."),
                "The day of the attack is now given."));

        for (Article t : List.of(story.arabic(), story.turkish(), story.sorani())) {
            Translation place = place(t);
            assertThat(place.notice()).as(t.language().value()).isEqualTo(Translation.SourceNotice.CORRECTED);
            assertThat(place.noticeAt()).isNotNull();
            assertThat(audit(t))
                    .filteredOn(e -> e.action().equals("translation.source-corrected"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo(Newsroom.EDITOR);
                        assertThat(e.details())
                                .containsEntry("source", english.id().toString())
                                .containsEntry("sourceVersion", Long.toString(corrected.version()))
                                .containsEntry("group", place.group().toString());
                    });
        }
        // Only the direct translations follow the English text; the Sorani follows the Arabic's.
        assertThat(place(story.arabic()).stale()).isTrue();
        assertThat(place(story.turkish()).stale()).isTrue();
        assertThat(place(story.sorani()).stale()).isFalse();
        assertThat(place(english).notice()).isNull();
        assertThat(events("SOURCE_CORRECTED")).isEqualTo(3);
    }

    @Test
    void aKillOfTheSourceMarksEveryVersionMadeFromItAndKillsNone() {
        TranslatedStory.Versions story = TranslatedStory.publish(articles, translations);
        Article english = story.english();

        Article killed =
                asEditor(() -> articles.kill(english.id(), english.version(), "The library's opening was called off"));

        for (Article t : List.of(story.arabic(), story.turkish(), story.sorani())) {
            assertThat(place(t).notice()).as(t.language().value()).isEqualTo(Translation.SourceNotice.KILLED);
            assertThat(reload(t).state()).as("an editor decides").isEqualTo(ArticleState.PUBLISHED);
            assertThat(audit(t))
                    .filteredOn(e -> e.action().equals("translation.source-killed"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo(Newsroom.EDITOR);
                        assertThat(e.details())
                                .containsEntry("source", english.id().toString())
                                .containsEntry("sourceVersion", Long.toString(killed.version()));
                    });
        }
        assertThat(events("SOURCE_KILLED")).isEqualTo(3);
    }

    @Test
    void translateStaleAndClearedAreEachAuditedWithWhatTheyFollow() {
        Article english = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        news.cms.core.language.LanguageTag.ENGLISH,
                        "Dohuk's dam reaches its highest level in a decade",
                        "Engineers opened two spillways on Monday morning.",
                        "Dohuk"));
        Article turkish = asReporter(() -> translations.translate(english.id(), "tr"));
        Translation made = place(turkish);
        assertThat(audit(turkish))
                .filteredOn(e -> e.action().equals("translation.create"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(Newsroom.REPORTER);
                    assertThat(e.details())
                            .isEqualTo(Map.of(
                                    "source", english.id().toString(),
                                    "sourceVersion", Long.toString(english.version()),
                                    "language", "tr",
                                    "group", made.group().toString()));
                });

        Article updated = asEditor(() -> articles.update(
                english.id(),
                english.version(),
                english.content().withBody("Engineers opened three spillways on Monday.")));
        assertThat(audit(turkish))
                .filteredOn(e -> e.action().equals("translation.stale"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(Newsroom.EDITOR);
                    assertThat(e.details())
                            .containsEntry("source", english.id().toString())
                            .containsEntry("sourceVersion", Long.toString(updated.version()));
                });

        Article written = asReporter(() -> articles.save(
                turkish.id(),
                turkish.version(),
                turkish.content().withBody("Mühendisler pazartesi günü üç dolusavak kapağını açtı.")));
        assertThat(place(written).stale()).isFalse();
        assertThat(audit(turkish))
                .filteredOn(e -> e.action().equals("translation.cleared"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(Newsroom.REPORTER);
                    assertThat(e.details())
                            .containsEntry("source", english.id().toString())
                            .containsEntry("version", Long.toString(written.version()));
                });
        assertThat(events("CREATED")).isGreaterThanOrEqualTo(1);
        assertThat(events("STALE")).isGreaterThanOrEqualTo(1);
        assertThat(events("CLEARED")).isGreaterThanOrEqualTo(1);
    }

    private Translation place(Article a) {
        return Newsroom.as(Newsroom.EDITOR, () -> translations.find(a.id()).orElseThrow(), Role.EDITOR);
    }

    private Article reload(Article a) {
        return asEditor(() -> articles.find(a.id()).orElseThrow());
    }

    private List<AuditEvent> audit(Article a) {
        return Newsroom.as(
                Newsroom.EDITOR, () -> audit.find(AuditQuery.forTarget("article", a.id().toString())), Role.EDITOR);
    }

    /**
     * TranslationChanged events of this kind that went through the outbox (the event publication
     * registry), counted for one listener (the search indexer): each listener has its own entry.
     */
    private int events(String kind) {
        return jdbc.sql("select count(*) from event_publication where event_type like '%TranslationChanged'"
                        + " and listener_id like '%ArticleIndexer%' and serialized_event like ?")
                .param("%\"kind\":\"" + kind + "\"%")
                .query(Integer.class)
                .single();
    }
}
