package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.article.Distribution;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/articles/{id}} with the story's distribution metadata (docs/adr/0030): Media Topic
 * subjects, urgency and rights (the story's own or the newsroom's configured defaults), a
 * correction's ednote, and an embargo that has ended, each valid ninjs 2.2 and 3.1.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.public-api.ninjs.urgency=4",
            "cms.public-api.ninjs.copyright-holder=Hawler Press",
            "cms.public-api.ninjs.section-topics.culture=01000000",
            "cms.public-api.ninjs.section-topics.weather=17000000"
        })
class DistributionNinjsIT {

    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Test
    void aStorysSubjectsUrgencyAndRightsAndTheNewsroomsDefaults() throws Exception {
        ArticleContent snow =
                Newsroom.story(LanguageTag.SORANI, "بەفر ڕێگای پێنجوێنی داخست", "ڕێگاکە دوو ڕۆژ داخرا.", "پێنجوێن");
        Article chosen = Newsroom.publishedStory(
                articles,
                withSection(snow, "weather")
                        .withDistribution(new Distribution(
                                List.of("medtop:03000000", "14000000"),
                                1,
                                null,
                                "© ئاژانسی هەواڵی هەولێر",
                                "تەنها بۆ ماڵپەڕ")));
        Article plain = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Van'da kitap fuarı açıldı", "Fuar beş gün sürecek.", "Van"));

        for (NinjsVersion v : NinjsVersion.values()) {
            String query = v == NinjsVersion.V2_2 ? "" : "?ninjs=3.1";
            for (Article a : List.of(chosen, plain)) {
                HttpResponse<String> r = get("/v1/articles/" + a.id() + query);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(NinjsSchemas.errors(v, r.body()))
                        .as(v + ": " + r.body())
                        .isEmpty();
            }
        }
        JsonNode own = json.readTree(get("/v1/articles/" + chosen.id()).body());
        assertThat(own.path("subjects").findValuesAsString("literal"))
                .as("weather's topic by the configured mapping, then the editor's")
                .containsExactly("medtop:17000000", "medtop:03000000", "medtop:14000000");
        // The section itself comes first (rel section, no code), so the topic is found by its code.
        JsonNode disaster = null;
        for (JsonNode s : own.path("subjects")) {
            if (s.path("literal").asString().equals("medtop:03000000")) {
                disaster = s;
            }
        }
        assertThat(disaster).as(own.path("subjects").toString()).isNotNull();
        assertThat(disaster.path("name").asString()).isEqualTo("کارەسات، ڕووداو و بارودۆخی لەناکاو");
        assertThat(disaster.path("uri").asString()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic/03000000");
        assertThat(own.path("urgency").asInt()).isEqualTo(1);
        assertThat(own.path("copyrightholder").asString())
                .as("the configured default")
                .isEqualTo("Hawler Press");
        assertThat(own.path("copyrightnotice").asString()).isEqualTo("© ئاژانسی هەواڵی هەولێر");
        assertThat(own.path("usageterms").asString()).isEqualTo("تەنها بۆ ماڵپەڕ");

        JsonNode defaults =
                json.readTree(get("/v1/articles/" + plain.id() + "?ninjs=3.1").body());
        assertThat(defaults.path("urgency").asInt())
                .as("cms.public-api.ninjs.urgency")
                .isEqualTo(4);
        assertThat(defaults.path("copyrightHolder").asString()).isEqualTo("Hawler Press");
        assertThat(defaults.path("by").asString()).as("names only").doesNotContain("(");
        assertThat(defaults.has("places")).as("no country in its dateline").isFalse();
        assertThat(own.path("places").get(0).path("literal").asString()).isEqualTo("iso3166-1a2:IQ");
        assertThat(own.path("located").asString()).isEqualTo("پێنجوێن، هەرێمی کوردستان");
    }

    @Test
    void aCorrectionCarriesItsNoteAsEdnoteInBothVersions() throws Exception {
        ArticleContent text = Newsroom.story(LanguageTag.ARABIC, "افتتاح سوق الكتب", "حضر ألف زائر.", "بغداد");
        Article published = Newsroom.publishedStory(articles, text);
        Article corrected = Newsroom.asEditor(() -> articles.correct(
                published.id(),
                published.version(),
                Newsroom.story(LanguageTag.ARABIC, "افتتاح سوق الكتب", "حضر ألفا زائر.", "بغداد"),
                "ذكرت نسخة سابقة عدداً خاطئاً من الزوار."));
        JsonNode n22 = json.readTree(get("/v1/articles/" + corrected.id()).body());
        assertThat(n22.path("ednote").asString()).isEqualTo("Correction: ذكرت نسخة سابقة عدداً خاطئاً من الزوار.");
        String v31 = get("/v1/articles/" + corrected.id() + "?ninjs=3.1").body();
        assertThat(NinjsSchemas.errors(NinjsVersion.V3_1, v31)).as(v31).isEmpty();
        assertThat(json.readTree(v31).path("edNote").asString()).startsWith("Correction: ");
    }

    /** Before the release a partner with the embargo scope sees the time; after it, no one does. */
    @Test
    void anEmbargoThatHasEndedIsLeftOutAndTheVersionDatesFromTheRelease() throws Exception {
        String embargoKey = Api.partnerKey(keys, 10_000, PartnerScope.EMBARGOED);
        Article approved = Newsroom.approvedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Dam report due at noon", "The report says…", "Mosul"));
        Instant release = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        Article held = Newsroom.asEditor(() -> articles.embargo(approved.id(), approved.version(), release));
        Article live = Newsroom.asEditor(() -> articles.publish(held.id(), held.version()));
        String path = "/v1/articles/" + live.id();

        for (NinjsVersion v : NinjsVersion.values()) {
            String query = v == NinjsVersion.V2_2 ? "" : "?ninjs=3.1";
            HttpResponse<String> before = get(path + query, "X-API-Key", embargoKey);
            assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
            assertThat(NinjsSchemas.errors(v, before.body())).isEmpty();
            String embargoed = v == NinjsVersion.V2_2 ? "embargoed" : "embargoedUntil";
            assertThat(Instant.parse(
                            json.readTree(before.body()).path(embargoed).asString()))
                    .isEqualTo(release);
        }
        assertThat(get(path).statusCode()).as("readers wait").isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).until(() -> get(path).statusCode() == 200);
        for (NinjsVersion v : NinjsVersion.values()) {
            String query = v == NinjsVersion.V2_2 ? "" : "?ninjs=3.1";
            for (String[] headers : List.of(new String[0], new String[] {"X-API-Key", embargoKey})) {
                HttpResponse<String> after = get(path + query, headers);
                assertThat(after.statusCode()).isEqualTo(200);
                assertThat(NinjsSchemas.errors(v, after.body()))
                        .as(after.body())
                        .isEmpty();
                JsonNode n = json.readTree(after.body());
                assertThat(after.body()).as("the embargo is over").doesNotContain("mbargoed");
                String created = v == NinjsVersion.V2_2 ? "versioncreated" : "versionCreated";
                assertThat(Instant.parse(n.path(created).asString()))
                        .as("the public got this version at its release")
                        .isEqualTo(release);
            }
        }
    }

    private static ArticleContent withSection(ArticleContent c, String section) {
        return new ArticleContent(
                c.language(),
                section,
                c.headline(),
                c.standfirst(),
                c.body(),
                c.bylines(),
                new news.cms.core.dateline.Dateline(
                        c.dateline().place(),
                        "هەرێمی کوردستان",
                        "IQ",
                        c.dateline().date()),
                c.tags(),
                c.directions(),
                c.distribution());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return new Api(port).get(path, headers);
    }
}
