package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.PublicArticle;
import news.cms.core.article.Slug;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Siblings as ninjs associations validate against the official 2.2 and 3.1 schemas. */
class NinjsTranslationsTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void siblingsAreAssociationsWithLanguageAndInThreeOneTheAlternateRelation() {
        Article english = article(
                "0b7d5c3a-1f2e-4c1d-8e9f-000000000001", LanguageTag.ENGLISH, "Footbridge opens in Sulaymaniyah");
        Article sorani =
                article("0b7d5c3a-1f2e-4c1d-8e9f-000000000002", LanguageTag.SORANI, "پردی پیادەڕەو لە سلێمانی کرایەوە");
        Article turkish = article(
                "0b7d5c3a-1f2e-4c1d-8e9f-000000000003", LanguageTag.TURKISH, "Süleymaniye'de yaya köprüsü açıldı");
        var live = new PublicArticle.Live(
                article("0b7d5c3a-1f2e-4c1d-8e9f-000000000004", LanguageTag.ARABIC, "افتتاح جسر للمشاة في السليمانية"),
                T,
                null);

        for (NinjsVersion v : NinjsVersion.values()) {
            String out = json.writeValueAsString(NinjsTranslations.map(live, v, List.of(english, sorani, turkish)));
            assertThat(NinjsSchemas.errors(v, out)).as(v + ": " + out).isEmpty();
            JsonNode associations = json.readTree(out).path("associations");
            assertThat(associations.findValuesAsString("language")).containsExactly("en", "ckb", "tr");
            assertThat(associations.findValuesAsString("uri"))
                    .containsExactly(
                            "urn:newsroom-cms:article:" + english.id(),
                            "urn:newsroom-cms:article:" + sorani.id(),
                            "urn:newsroom-cms:article:" + turkish.id());
            assertThat(associations.get(1).path("name").asString()).isEqualTo("پردی پیادەڕەو لە سلێمانی کرایەوە");
            assertThat(associations.findValuesAsString("rel"))
                    .isEqualTo(v == NinjsVersion.V3_1 ? List.of("alternate", "alternate", "alternate") : List.of());
            assertThat(json.readTree(out).path("headlines").get(0).path("value").asString())
                    .isEqualTo("افتتاح جسر للمشاة في السليمانية");
        }
    }

    @Test
    void withoutSiblingsTheItemIsExactlyWhatTheMapperMakes() {
        var live = new PublicArticle.Live(
                article("0b7d5c3a-1f2e-4c1d-8e9f-000000000005", LanguageTag.TURKISH, "Köprü açılışı ertelendi"),
                T,
                null);
        for (NinjsVersion v : NinjsVersion.values()) {
            assertThat(json.writeValueAsString(NinjsTranslations.map(live, v, List.of())))
                    .isEqualTo(json.writeValueAsString(NinjsMapper.map(live, v)))
                    .doesNotContain("associations");
        }
    }

    @Test
    void anAssociationWithoutItsUriIsInvalidSoTheCheckAboveCanFail() {
        String item = "{\"uri\":\"urn:a:b\",\"associations\":[{\"name\":\"x\",\"language\":\"en\"}]}";
        assertThat(NinjsSchemas.errors(NinjsVersion.V2_2, item)).isNotEmpty();
        assertThat(NinjsSchemas.errors(NinjsVersion.V3_1, item)).isNotEmpty();
    }

    private static Article article(String id, LanguageTag language, String headline) {
        var content = new ArticleContent(
                language,
                "city",
                headline,
                "",
                headline + ".",
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline("Sulaymaniyah", "Kurdistan Region", "IQ", LocalDate.of(2026, 12, 4)));
        return new Article(
                new ArticleId(UUID.fromString(id)),
                new Slug("s-" + id.substring(id.length() - 4)),
                content,
                ArticleState.PUBLISHED,
                5,
                Set.of("rezan"),
                null,
                null,
                1,
                null,
                T.minusSeconds(600),
                "rezan",
                T,
                "layla",
                T,
                null);
    }
}
