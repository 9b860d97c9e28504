package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.FieldDirections;
import news.cms.core.article.PublicArticle;
import news.cms.core.article.Slug;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NinjsMapperTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-11-25T09:30:00.123456Z");

    @Test
    void aLiveArabicArticleIsValidNinjsInBothVersions() {
        var live = new PublicArticle.Live(article(), T.plusSeconds(60), "تصحيح: كان العدد خمسة");
        for (NinjsVersion v : NinjsVersion.values()) {
            String out = json.writeValueAsString(NinjsMapper.map(live, v));
            assertThat(NinjsSchemas.errors(v, out)).as(v + ": " + out).isEmpty();
        }
        JsonNode n22 = json.readTree(json.writeValueAsString(NinjsMapper.map(live, NinjsVersion.V2_2)));
        assertThat(n22.path("located").asString()).isEqualTo("أربيل، كوردستان");
        assertThat(n22.path("by").asString()).isEqualTo("رزان أحمد، Selin Kaya");
        assertThat(n22.path("descriptions").get(2).path("value").asString())
                .isEqualTo("رزان أحمد (مراسل)، Selin Kaya (Photographer)");
        assertThat(n22.path("ednote").asString()).isEqualTo("Correction: تصحيح: كان العدد خمسة");
        assertThat(n22.path("urgency").asInt()).as("the newsroom's default").isEqualTo(5);
        assertThat(n22.path("copyrightholder").asString()).isEqualTo("Newsroom CMS");
        assertThat(n22.path("places").get(0).path("literal").asString()).isEqualTo("iso3166-1a2:IQ");
        assertThat(n22.path("places").get(0).path("name").asString()).isEqualTo("العراق");
        // politics → medtop:11000000 by the bundled section mapping, named in the story's language
        JsonNode topic = n22.path("subjects").get(1);
        assertThat(topic.path("uri").asString()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic/11000000");
        assertThat(topic.path("literal").asString()).isEqualTo("medtop:11000000");
        assertThat(topic.path("name").asString()).isEqualTo("السياسة");
        assertThat(n22.path("versioncreated").asString()).isEqualTo("2026-11-25T09:31:00.123456Z");
        assertThat(n22.path("bodies").get(0).path("value").asString())
                .startsWith("<div lang=\"ar\" dir=\"rtl\"><p dir=\"auto\">فقرة أولى &lt;script&gt;x&lt;/script&gt;")
                .contains("<p dir=\"auto\">فقرة \"ثانية\"</p>")
                .doesNotContain("<script")
                .endsWith("</div>");
        assertThat(n22.path("bodies").get(1).path("wordcount").asInt()).isEqualTo(8);
        assertThat(n22.path("descriptions").findValuesAsString("role"))
                .containsExactly("summary", "correction", "byline");
        JsonNode n31 = json.readTree(json.writeValueAsString(NinjsMapper.map(live, NinjsVersion.V3_1)));
        assertThat(n31.path("pubStatus").asString()).isEqualTo("usable");
        assertThat(n31.path("bodies").get(0).path("contentType").asString()).isEqualTo("text/html");
        assertThat(n31.path("altIds").get(0).path("value").asString())
                .isEqualTo(article().id().toString());
    }

    @Test
    void subjectsUrgencyAndRightsAStorySetsOverrideTheNewsroomsInBothVersions() {
        Article a = article();
        Article chosen = withContent(
                a,
                a.content()
                        .withDistribution(new news.cms.core.article.Distribution(
                                List.of("medtop:16000000", "06000000", "11000000"),
                                2,
                                "Rûdaw Ajansı",
                                null,
                                "Yalnızca çevrimiçi.")));
        var live = new PublicArticle.Live(chosen, T.plusSeconds(60), null);
        for (NinjsVersion v : NinjsVersion.values()) {
            String out = json.writeValueAsString(NinjsMapper.map(live, v));
            assertThat(NinjsSchemas.errors(v, out)).as(v + ": " + out).isEmpty();
        }
        JsonNode n22 = json.readTree(json.writeValueAsString(NinjsMapper.map(live, NinjsVersion.V2_2)));
        assertThat(n22.path("subjects").findValuesAsString("literal"))
                .as("the section's topic first, each topic once")
                .containsExactly("medtop:11000000", "medtop:16000000", "medtop:06000000");
        assertThat(n22.path("urgency").asInt()).isEqualTo(2);
        assertThat(n22.path("copyrightholder").asString()).isEqualTo("Rûdaw Ajansı");
        assertThat(n22.path("copyrightnotice").asString())
                .as("default")
                .isEqualTo("© Newsroom CMS. All rights reserved.");
        assertThat(n22.path("usageterms").asString()).isEqualTo("Yalnızca çevrimiçi.");
        assertThat(n22.has("ednote")).as("no correction, no ednote").isFalse();
        JsonNode n31 = json.readTree(json.writeValueAsString(NinjsMapper.map(live, NinjsVersion.V3_1)));
        assertThat(n31.path("urgency").asInt()).isEqualTo(2);
        assertThat(n31.path("copyrightHolder").asString()).isEqualTo("Rûdaw Ajansı");
        assertThat(n31.path("usageTerms").asString()).isEqualTo("Yalnızca çevrimiçi.");
        assertThat(n31.path("subjects").get(2).path("name").asString()).isEqualTo("النزاعات والحرب والسلام");
    }

    @Test
    void anEndedEmbargoIsLeftOutAndTheVersionCountsFromTheRelease() {
        Article a = article();
        Instant lifted = T.plusSeconds(7200);
        Article embargoed = new Article(
                a.id(),
                a.slug(),
                a.content(),
                a.state(),
                a.version(),
                a.authors(),
                null,
                lifted,
                a.publicVersion(),
                null,
                a.createdAt(),
                a.createdBy(),
                a.updatedAt(),
                a.updatedBy(),
                a.publishedAt(),
                null);
        var live = new PublicArticle.Live(embargoed, T.plusSeconds(60), null);
        for (NinjsVersion v : NinjsVersion.values()) {
            String before = json.writeValueAsString(NinjsMapper.map(live, v, lifted.minusSeconds(1)));
            String after = json.writeValueAsString(NinjsMapper.map(live, v, lifted.plusSeconds(1)));
            assertThat(NinjsSchemas.errors(v, before)).as(before).isEmpty();
            assertThat(NinjsSchemas.errors(v, after)).as(after).isEmpty();
            assertThat(before)
                    .contains("\"" + (v == NinjsVersion.V2_2 ? "embargoed" : "embargoedUntil") + "\":\"" + lifted);
            assertThat(after).doesNotContain("mbargoed").contains(":\"" + lifted + "\"");
        }
    }

    @Test
    void badSubjectsAndUrgenciesAreRefusedByTheDomain() {
        assertThatThrownBy(() -> new news.cms.core.article.Distribution(List.of("99000000"), null, null, null, null))
                .isInstanceOf(news.cms.core.language.InvalidText.class)
                .hasMessageContaining("99000000");
        for (int urgency : new int[] {0, 10, -1}) {
            assertThatThrownBy(() -> new news.cms.core.article.Distribution(List.of(), urgency, null, null, null))
                    .isInstanceOf(news.cms.core.language.InvalidText.class)
                    .hasMessageContaining("urgency");
        }
    }

    private static Article withContent(Article a, ArticleContent c) {
        return new Article(
                a.id(),
                a.slug(),
                c,
                a.state(),
                a.version(),
                a.authors(),
                a.scheduledAt(),
                a.embargoUntil(),
                a.publicVersion(),
                a.killReason(),
                a.createdAt(),
                a.createdBy(),
                a.updatedAt(),
                a.updatedBy(),
                a.publishedAt(),
                a.killedAt());
    }

    @Test
    void withdrawnAndKilledAreValidPartialItemsWithoutText() {
        ArticleId id = article().id();
        var withdrawn = new PublicArticle.Withdrawn(id, LanguageTag.SORANI, 2, T);
        var killed = new PublicArticle.Killed(id, LanguageTag.TURKISH, 3, "legal advice", T);
        for (NinjsVersion v : NinjsVersion.values()) {
            for (PublicArticle a : List.of(withdrawn, killed)) {
                String out = json.writeValueAsString(NinjsMapper.map(a, v));
                assertThat(NinjsSchemas.errors(v, out)).as(out).isEmpty();
                assertThat(out).doesNotContain("bodies", "headlines");
            }
        }
        assertThat(json.readTree(json.writeValueAsString(NinjsMapper.map(killed, NinjsVersion.V2_2)))
                        .path("pubstatus")
                        .asString())
                .isEqualTo("canceled");
        assertThat(json.readTree(json.writeValueAsString(NinjsMapper.map(withdrawn, NinjsVersion.V3_1)))
                        .path("pubStatus")
                        .asString())
                .isEqualTo("withheld");
    }

    @Test
    void theValidatorIsNotVacuous() {
        assertThat(NinjsSchemas.errors(NinjsVersion.V2_2, "{\"uri\":\"x\",\"pubStatus\":\"usable\"}"))
                .isNotEmpty();
        assertThat(NinjsSchemas.errors(NinjsVersion.V3_1, "{\"uri\":\"urn:a:b\",\"versioncreated\":\"now\"}"))
                .isNotEmpty();
        assertThat(NinjsSchemas.errors(NinjsVersion.V2_2, "{\"uri\":\"urn:a:b\",\"versioncreated\":\"yesterday\"}"))
                .as("format assertions are on")
                .isNotEmpty();
    }

    @Test
    void versionAndMediaTypeFromQueryAndAccept() throws Exception {
        String profile31 = "application/json; profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#\"";
        assertThat(NinjsVersion.choose(null, ArticleController.accepted(null))).isEqualTo(NinjsVersion.V2_2);
        assertThat(NinjsVersion.choose(null, ArticleController.accepted(profile31)))
                .isEqualTo(NinjsVersion.V3_1);
        assertThat(NinjsVersion.choose("2.2", ArticleController.accepted(profile31)))
                .isEqualTo(NinjsVersion.V2_2);
        assertThatThrownBy(() -> NinjsVersion.choose("4.0", List.of()))
                .isInstanceOf(news.cms.publicapi.config.InvalidInput.class);

        assertThat(ArticleController.negotiate(ArticleController.accepted(null)))
                .isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(ArticleController.negotiate(ArticleController.accepted("application/ninjs+json")))
                .isEqualTo(ArticleController.NINJS);
        assertThat(ArticleController.negotiate(
                        ArticleController.accepted("application/ninjs+json;q=0.5, application/json")))
                .isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(ArticleController.negotiate(ArticleController.accepted("text/html, */*;q=0.1")))
                .isEqualTo(MediaType.APPLICATION_JSON);
        assertThatThrownBy(() -> ArticleController.negotiate(ArticleController.accepted("text/html")))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThat(HttpHeaders.ACCEPT).isEqualTo("Accept");
    }

    private static Article article() {
        var content = new ArticleContent(
                LanguageTag.ARABIC,
                "politics",
                "افتتاح مكتبة جديدة في أربيل",
                "المكتبة تضم عشرة آلاف كتاب.",
                "فقرة أولى <script>x</script>\nسطر\n\nفقرة \"ثانية\"",
                List.of(new Byline("رزان أحمد", "مراسل"), new Byline("Selin Kaya", "Photographer")),
                new Dateline("أربيل", "كوردستان", "IQ", LocalDate.of(2026, 11, 25)),
                List.of("ثقافة", "كتب"),
                FieldDirections.FROM_LANGUAGE);
        return new Article(
                new ArticleId(java.util.UUID.fromString("6f1c1d3e-8a51-4c1e-9d2b-1b5a3f0c7e42")),
                new Slug("افتتاح-مكتبة-جديدة-في-أربيل"),
                content,
                ArticleState.PUBLISHED,
                7,
                Set.of("rezan"),
                null,
                null,
                2,
                null,
                T.minusSeconds(3600),
                "rezan",
                T.plusSeconds(60),
                "layla",
                T,
                null);
    }
}
