package news.cms.publicapi.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.core.translation.TranslationService;
import news.cms.publicapi.Api;
import news.cms.publicapi.article.NinjsSchemas;
import news.cms.publicapi.article.NinjsVersion;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.TranslatedStory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The feeds and a story in four languages: each change-feed entry names the story's translation
 * group beside its ninjs item (which stays valid ninjs 2.2 and 3.1) and the item lists the story's
 * other versions as associations, as the article endpoint does; a story without translations names
 * none, and JSON Feed items carry their language.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedTranslationsIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    PartnerKeyService keys;

    @Test
    void everyEntryOfATranslatedStoryCarriesItsGroupAndStaysValidNinjs() throws Exception {
        Api api = new Api(port);
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        TranslatedStory.Versions halabja = TranslatedStory.publish(articles, translations);
        Article lone = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Van Gölü kıyısında kuş gözlem evi açıldı",
                        "Gözlemciler ilk gün kırk tür saydı.",
                        "Van"));
        String group = Newsroom.as(
                        Newsroom.EDITOR,
                        () -> translations.find(halabja.english().id()).orElseThrow(),
                        Role.EDITOR)
                .group()
                .toString();

        List<String> mine = new ArrayList<>(
                halabja.all().stream().map(FeedTranslationsIT::uri).toList());
        mine.add(uri(lone));
        for (NinjsVersion version : List.of(NinjsVersion.V2_2, NinjsVersion.V3_1)) {
            List<JsonNode> entries = entries(api, key, version).stream()
                    .filter(e -> mine.contains(e.path("uri").asString()))
                    .toList();
            Map<String, String> groupOf = entries.stream()
                    .collect(Collectors.toMap(
                            e -> e.path("uri").asString(),
                            e -> e.has("translationGroup")
                                    ? e.path("translationGroup").asString()
                                    : "none",
                            (a, b) -> a));
            for (Article a : halabja.all()) {
                assertThat(groupOf).as("%s in ninjs %s", a.language(), version).containsEntry(uri(a), group);
            }
            assertThat(groupOf).containsEntry(uri(lone), "none");
            // Each version's item lists the other three as the article endpoint does (3.1: rel alternate).
            for (Article a : halabja.all()) {
                JsonNode item = entries.stream()
                        .filter(e -> e.path("uri").asString().equals(uri(a)))
                        .findFirst()
                        .orElseThrow()
                        .path("item");
                List<String> siblings = new ArrayList<>();
                item.path("associations")
                        .forEach(s -> siblings.add(s.path("language").asString() + " "
                                + s.path("uri").asString()
                                + (s.has("rel") ? " " + s.path("rel").asString() : "")));
                String rel = version == NinjsVersion.V3_1 ? " alternate" : "";
                assertThat(siblings)
                        .as("siblings of the %s entry in ninjs %s", a.language(), version)
                        .containsExactlyInAnyOrderElementsOf(halabja.all().stream()
                                .filter(o -> !o.id().equals(a.id()))
                                .map(o -> o.language().value() + " " + uri(o) + rel)
                                .toList());
                JsonNode article = Api.JSON.readTree(
                        api.get("/v1/articles/" + a.id() + "?ninjs=" + (version == NinjsVersion.V2_2 ? "2.2" : "3.1"))
                                .body());
                assertThat(item.path("associations")).isEqualTo(article.path("associations"));
            }
            JsonNode loneItem = entries.stream()
                    .filter(e -> e.path("uri").asString().equals(uri(lone)))
                    .findFirst()
                    .orElseThrow()
                    .path("item");
            assertThat(loneItem.has("associations")).isFalse();
            assertThat(entries)
                    .hasSize(5)
                    .allSatisfy(e -> assertThat(
                                    NinjsSchemas.errors(version, e.path("item").toString()))
                            .as("%s in ninjs %s", e.path("uri"), version)
                            .isEmpty());
        }
    }

    @Test
    void jsonFeedItemsCarryTheirLanguage() throws Exception {
        Api api = new Api(port);
        TranslatedStory.Versions halabja = TranslatedStory.publish(articles, translations);

        JsonNode feed = Api.JSON.readTree(api.get("/v1/feed.json").body());

        Map<String, String> languageOf = new java.util.HashMap<>();
        feed.path("items")
                .forEach(i -> languageOf.put(
                        i.path("id").asString(), i.path("language").asString()));
        assertThat(languageOf)
                .containsEntry(uri(halabja.english()), "en")
                .containsEntry(uri(halabja.arabic()), "ar")
                .containsEntry(uri(halabja.sorani()), "ckb")
                .containsEntry(uri(halabja.turkish()), "tr");
    }

    private static List<JsonNode> entries(Api api, String key, NinjsVersion version) throws Exception {
        JsonNode page = Api.JSON.readTree(
                api.get("/v1/feed?limit=200&ninjs=" + (version == NinjsVersion.V2_2 ? "2.2" : "3.1"), "X-API-Key", key)
                        .body());
        List<JsonNode> entries = new ArrayList<>();
        page.path("entries").forEach(entries::add);
        return entries;
    }

    private static String uri(Article a) {
        return "urn:newsroom-cms:article:" + a.id();
    }
}
