package news.cms.core.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.SearchAdmin;
import news.cms.core.search.SearchHit;
import news.cms.core.search.SearchProperties;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.SearchService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An index made with an older mapping (here: without the Arabic and Sorani folded sub-fields) is
 * replaced on start by one of the current mapping and refilled from PostgreSQL, so that typing
 * variants work on an existing installation without an administrator's rebuild.
 */
@CmsIntegrationTest
class MappingUpgradeIT {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    SearchProperties properties;

    @Autowired
    SearchAdmin admin;

    @Autowired
    ArticleService articles;

    @Autowired
    SearchService search;

    @Test
    void anIndexOfTheOlderMappingIsReplacedAndRefilledOnStart() throws IOException {
        // "The Ranya bridge reopens": ڕ and ێ, which an Arabic keyboard lacks
        Article bridge = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.SORANI, "پردی ڕانیە دەکرێتەوە", "هاتوچۆ دەستی پێکردەوە.", "ڕانیە"));
        admin.ensureIndex();
        String alias = properties.index();
        String current = alias + "-" + ArticleIndex.MAPPING_VERSION;
        await().atMost(Duration.ofSeconds(20)).until(() -> found("پردی").contains(bridge.id()));

        // An installation of the previous version: its index, without the folded sub-fields, behind the alias.
        String older = alias + "-v3";
        String olderMapping = new String(mapping(), StandardCharsets.UTF_8)
                .replace(
                        ", \"fields\": { \"folded\": { \"type\": \"text\", \"analyzer\": \"cms_arabic_folded\" } }", "")
                .replace(
                        ", \"fields\": { \"folded\": { \"type\": \"text\", \"analyzer\": \"cms_sorani_folded\" } }",
                        "");
        assertThat(olderMapping).doesNotContain("cms_sorani_folded").contains("cms_turkish_folded");
        client.indices()
                .create(c -> c.index(older)
                        .withJson(new ByteArrayInputStream(olderMapping.getBytes(StandardCharsets.UTF_8))));
        client.indices()
                .updateAliases(u -> u.actions(a -> a.add(add -> add.index(older).alias(alias)))
                        .actions(a -> a.removeIndex(r -> r.index(current))));
        assertThat(found("پردی")).isEmpty();

        int refilled = admin.ensureIndex();

        assertThat(refilled).isPositive();
        assertThat(client.indices().getAlias(a -> a.name(alias)).aliases()).containsOnlyKeys(current);
        assertThat(client.indices().exists(e -> e.index(older)).value()).isFalse();
        assertThat(found("پردی")).contains(bridge.id());
        // "reopens" as typed on an Arabic keyboard (ي for ێ, ه for ە, ك for ک): only the folded sub-field has it
        assertThat(found("دهكريتهوه")).contains(bridge.id());
    }

    private java.util.List<news.cms.core.article.ArticleId> found(String text) {
        return search.search(new SearchQuery(text, LanguageTag.SORANI, 10)).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    private static byte[] mapping() throws IOException {
        try (InputStream in = ArticleIndex.class.getResourceAsStream("/search/articles-index.json")) {
            return in.readAllBytes();
        }
    }
}
