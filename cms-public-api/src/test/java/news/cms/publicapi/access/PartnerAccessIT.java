package news.cms.publicapi.access;

import static news.cms.publicapi.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Partner keys at the door of the public API: scopes, revocation, expiry, embargo, rate limits. */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PartnerAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void theChangeFeedNeedsAKeyWithTheFeedScope() throws Exception {
        JsonNode missing = assertProblem(api.get("/v1/feed"), 401, "api-key-required");
        assertThat(missing.path("detail").asString()).contains("X-API-Key");

        String searchOnly = Api.partnerKey(keys, 600);
        assertProblem(api.get("/v1/feed", "X-API-Key", searchOnly), 403, "scope-missing");

        String feed = Api.partnerKey(keys, 600, PartnerScope.FEED);
        HttpResponse<String> page = api.get("/v1/feed", "X-API-Key", feed);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Api.JSON.readTree(page.body()).has("next")).isTrue();
    }

    @Test
    void readerEndpointsAreOpenButABadKeyIsRefusedEverywhere() throws Exception {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "کتێبخانەی شار کرایەوە", "دەرگاکان کرانەوە.", "هەولێر"));
        for (String path :
                new String[] {"/v1/articles/" + story.id(), "/v1/search?q=x", "/v1/feed.atom", "/v1/feed.json"}) {
            assertThat(api.get(path).statusCode()).as(path).isEqualTo(200);
            assertProblem(api.get(path, "X-API-Key", "cmsk_abcdefgh_" + "A".repeat(43)), 401, "api-key-invalid");
            assertProblem(api.get(path, "X-API-Key", "not a key at all"), 401, "api-key-invalid");
        }
    }

    @Test
    void aRevokedKeyStopsWorkingOnTheNextRequest() throws Exception {
        String key = Api.partnerKey(keys, 600, PartnerScope.FEED);
        assertThat(api.get("/v1/feed", "X-API-Key", key).statusCode()).isEqualTo(200);
        var id = keys.verify(key) instanceof news.cms.core.partnerkey.KeyCheck.Valid v
                ? v.key().id()
                : null;

        Newsroom.as("hevi", () -> keys.revoke(id), Role.ADMIN);

        JsonNode problem = assertProblem(api.get("/v1/feed", "X-API-Key", key), 401, "api-key-revoked");
        assertThat(problem.path("detail").asString()).contains(key.substring(5, 13));
    }

    @Test
    void aKeyRevokedOrExpiredByAnotherAppIsRefusedHereToo() throws Exception {
        String revoked = Api.partnerKey(keys, 600, PartnerScope.FEED);
        String expired = Api.partnerKey(keys, 600, PartnerScope.FEED);
        assertThat(api.get("/v1/feed", "X-API-Key", revoked).statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/feed", "X-API-Key", expired).statusCode()).isEqualTo(200);

        // Written as another JVM would: only the database's change notice tells this app.
        jdbc.sql("update partner_key set revoked_at = now(), revoked_by = 'admin-elsewhere' where prefix = ?")
                .param(revoked.substring(5, 13))
                .update();
        jdbc.sql("update partner_key set expires_at = now() where prefix = ?")
                .param(expired.substring(5, 13))
                .update();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertProblem(api.get("/v1/feed", "X-API-Key", revoked), 401, "api-key-revoked");
            assertProblem(api.get("/v1/feed", "X-API-Key", expired), 401, "api-key-expired");
        });
    }

    @Test
    void embargoedStoriesReachOnlyKeysWithTheEmbargoScope() throws Exception {
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.ARABIC, "نتائج الانتخابات المحلية", "تعلن النتائج غداً.", "بغداد"));
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Article held = Newsroom.asEditor(() -> articles.embargo(approved.id(), approved.version(), until));
        Newsroom.asEditor(() -> articles.publish(held.id(), held.version()));
        String path = "/v1/articles/" + held.id();
        String embargoKey = Api.partnerKey(keys, 600, PartnerScope.FEED, PartnerScope.EMBARGOED);
        String feedKey = Api.partnerKey(keys, 600, PartnerScope.FEED);

        assertProblem(api.get(path), 404, "article-not-found");
        assertProblem(api.get(path, "X-API-Key", feedKey), 404, "article-not-found");

        HttpResponse<String> early = api.get(path, "X-API-Key", embargoKey);
        assertThat(early.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(
                        Api.JSON.readTree(early.body()).path("embargoed").asString()))
                .isEqualTo(until);
        assertThat(early.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store", "private"));
        // Asked again without the scope, the cached copy is not handed out.
        assertProblem(api.get(path), 404, "article-not-found");

        // Without the scope the entry still carries an item (ADR 0020), but a minimal one: which
        // version, and until when it is held, never a word of the story.
        JsonNode withheld = itemOf(feedKey, held);
        assertThat(withheld).as("feed item without the embargo scope").isNotNull();
        assertThat(withheld.toString()).doesNotContain("نتائج الانتخابات", "تعلن النتائج", "بغداد");
        assertThat(withheld.path("headline").isMissingNode()).isTrue();
        assertThat(withheld.path("embargoed").asString()).isEqualTo(until.toString());
        assertThat(itemOf(embargoKey, held)).isNotNull();
        assertThat(itemOf(embargoKey, held).toString()).contains("نتائج الانتخابات المحلية");
        assertThat(itemOf(embargoKey, held).path("embargoed").asString()).isEqualTo(until.toString());
    }

    private JsonNode itemOf(String key, Article article) throws Exception {
        HttpResponse<String> r = api.get("/v1/feed?limit=200", "X-API-Key", key);
        for (JsonNode entry : Api.JSON.readTree(r.body()).path("entries")) {
            if (entry.path("uri").asString().endsWith(article.id().toString())) {
                return entry.path("item").isMissingNode() || entry.path("item").isNull() ? null : entry.path("item");
            }
        }
        throw new AssertionError("no feed entry for " + article.id() + " in " + r.body());
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndItsStanding() throws Exception {
        String key = Api.partnerKey(keys, 3);
        for (int i = 3; i >= 1; i--) {
            HttpResponse<String> ok = api.get("/v1/search?q=kitap", "X-API-Key", key);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Limit")).hasValue("3");
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(i - 1));
            assertThat(ok.headers().firstValue("RateLimit-Policy")).hasValue("3;w=60");
        }

        HttpResponse<String> refused = api.get("/v1/search?q=kitap", "X-API-Key", key);
        JsonNode problem = assertProblem(refused, 429, "rate-limited");
        assertThat(problem.path("detail").asString()).contains("3 requests a minute");
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 20L);
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");

        // Another key, and readers without a key, are not held up by this partner.
        assertThat(api.get("/v1/search?q=kitap", "X-API-Key", Api.partnerKey(keys, 3))
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get("/v1/search?q=kitap").statusCode()).isEqualTo(200);
    }
}
