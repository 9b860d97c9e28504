package news.cms.core.translation;

import static news.cms.testsupport.Newsroom.asEditor;
import static news.cms.testsupport.Newsroom.asReporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.article.StaleVersion;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Refusal;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each reason a translation is refused, with the stable code a UI keys its message by and the
 * values that message needs; after each, every table a translation touches (articles, bylines,
 * revisions, groups, audit, outbox, feed) reads exactly as before.
 */
@CmsIntegrationTest
class TranslationRefusalsIT {

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    JdbcClient jdbc;

    private Article original;
    private Article sorani;

    @BeforeEach
    void aStoryWithASoraniVersion() {
        original = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Diyarbakır surlarında restorasyon yeniden başladı",
                        "Çalışmalar kış boyunca sürecek; Dağkapı tarafı ziyaretçilere kapalı kalacak.",
                        "Diyarbakır"));
        sorani = asReporter(() -> translations.translate(original.id(), "ckb"));
    }

    @Test
    void intoItsOwnLanguage() {
        Refusal refused =
                refusedWithNothingStored(() -> asReporter(() -> translations.translate(original.id(), "tr-TR")));

        assertThat(refused).isInstanceOf(TranslationRefused.SameLanguage.class);
        assertThat(refused.code()).isEqualTo("translation.same-language");
        assertThat(refused.params()).containsExactly(Map.entry("language", "tr-TR"));
    }

    @Test
    void intoALanguageTheGroupHasAlreadyFromAnyVersion() {
        Refusal refused =
                refusedWithNothingStored(() -> asReporter(() -> translations.translate(original.id(), "ckb")));
        Refusal fromTheTranslation =
                refusedWithNothingStored(() -> asReporter(() -> translations.translate(sorani.id(), "tr")));

        assertThat(refused.code()).isEqualTo("translation.language-in-group");
        assertThat(refused.params())
                .containsExactly(
                        Map.entry("language", "ckb"),
                        Map.entry("existing", sorani.id().toString()));
        assertThat(((TranslationRefused.LanguageInGroup) fromTheTranslation).existing())
                .isEqualTo(original.id());
    }

    @Test
    void aSaveThatWouldPutASecondVersionOfALanguageInTheGroup() {
        ArticleContent c = sorani.content();
        Refusal refused = refusedWithNothingStored(() -> asReporter(() -> articles.save(
                sorani.id(),
                sorani.version(),
                new ArticleContent(
                        LanguageTag.TURKISH,
                        c.section(),
                        c.headline(),
                        c.standfirst(),
                        c.body(),
                        c.bylines(),
                        c.dateline(),
                        c.tags(),
                        c.directions()))));

        assertThat(refused.code()).isEqualTo("translation.language-in-group");
        assertThat(refused.params())
                .containsExactly(
                        Map.entry("language", "tr"),
                        Map.entry("existing", original.id().toString()));
    }

    @Test
    void intoAnUnknownOrMalformedLanguage() {
        Refusal unknown =
                refusedWithNothingStored(() -> asReporter(() -> translations.translate(original.id(), "qqx")));
        Refusal malformed =
                refusedWithNothingStored(() -> asReporter(() -> translations.translate(original.id(), "kurdî sorani")));

        assertThat(unknown.code()).isEqualTo("translation.unknown-language");
        assertThat(unknown.params()).containsExactly(Map.entry("language", "qqx"));
        assertThat(malformed.code()).isEqualTo("translation.unknown-language");
        assertThat(malformed.params()).containsExactly(Map.entry("language", "kurdî sorani"));
    }

    @Test
    void ofAKilledOrSpikedSource() {
        Article killed = asEditor(() -> articles.kill(original.id(), original.version(), "Yanlış fotoğraf kullanıldı"));
        Article spiked = asReporter(() -> articles.spike(sorani.id(), sorani.version()));

        Refusal ofKilled = refusedWithNothingStored(() -> asReporter(() -> translations.translate(killed.id(), "ar")));
        Refusal ofSpiked = refusedWithNothingStored(() -> asReporter(() -> translations.translate(spiked.id(), "en")));

        assertThat(ofKilled.code()).isEqualTo("translation.source-not-translatable");
        assertThat(ofKilled.params()).containsExactly(Map.entry("language", "ar"), Map.entry("state", "killed"));
        assertThat(ofSpiked.params()).containsExactly(Map.entry("language", "en"), Map.entry("state", "spiked"));
    }

    @Test
    void aTranslatorsSaveOfAVersionSomeoneElseSavedSince() {
        Article translated = asReporter(() -> articles.save(
                sorani.id(),
                sorani.version(),
                Newsroom.story(
                        LanguageTag.SORANI,
                        "نۆژەنکردنەوەی شووراکانی ئامەد دەستی پێکردەوە",
                        "کارەکان هەموو زستان بەردەوام دەبن.",
                        "ئامەد")));

        Refusal refused = refusedWithNothingStored(() -> asReporter(() -> articles.save(
                sorani.id(),
                sorani.version(),
                Newsroom.story(LanguageTag.SORANI, "سەردێڕێکی کۆن", "دەقێکی کۆن.", "ئامەد"))));

        assertThat(refused).isInstanceOf(StaleVersion.class);
        assertThat(refused.code()).isEqualTo("article.stale-version");
        assertThat(refused.params()).containsExactly(Map.entry("version", sorani.version()));
        assertThat(translated.version()).isGreaterThan(sorani.version());
    }

    /** Runs the refused call and checks that no table a translation touches has changed. */
    private Refusal refusedWithNothingStored(Runnable call) {
        List<List<Object>> before = stored();
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(Refusal.class);
        assertThat(stored()).isEqualTo(before);
        return (Refusal) thrown;
    }

    private List<List<Object>> stored() {
        return List.of(
                rows("select id, version, language, state, headline, body from article order by id"),
                rows("select article_id, position, name from article_byline order by article_id, position"),
                rows("select count(*) from article_revision"),
                rows("select article_id, group_id, language, text_hash, text_version, source_id, source_version,"
                        + " source_hash, stale, notice from translation order by article_id"),
                rows("select count(*) from audit_event"),
                rows("select count(*) from event_publication"),
                rows("select count(*) from feed_entry"));
    }

    private List<Object> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows().stream()
                .map(row -> (Object) new java.util.ArrayList<>(row.values()))
                .toList();
    }
}
