package news.cms.core.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.SearchProperties;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A write that arrives while the index behind the alias is gone (a rebuild, a mapping upgrade, a
 * test emptying the index) must fail and be retried, never auto-create a concrete index named like
 * the alias: such an index takes the alias's name, so the alias can't be made again, and its
 * dynamic mapping breaks every sorted search ("Fielddata is disabled on [id]").
 */
@CmsIntegrationTest
class AliasOnlyWritesIT {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    SearchProperties properties;

    @Autowired
    ArticleIndex index;

    @Autowired
    ArticleService articles;

    @AfterEach
    void restore() {
        index.recreate();
    }

    @Test
    void writesWhileTheAliasIsMissingCreateNoIndexUnderItsName() throws IOException {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Köprü yeniden açıldı", "Onarım üç ay sürdü.", "Van"));
        String alias = properties.index();
        var behind = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
        for (String concrete : behind) {
            client.indices().delete(d -> d.index(concrete));
        }

        assertThatThrownBy(() -> index.put(story)).isNotNull();
        assertThat(client.indices().exists(e -> e.index(alias)).value())
                .as("after the refused write")
                .isFalse();
        try {
            index.remove(story.id(), story.version() + 1);
        } catch (RuntimeException refused) {
            // index_not_found is the answer we want; the outbox retries the removal later
        }

        assertThat(client.indices().exists(e -> e.index(alias)).value())
                .as(
                        "no index was auto-created under the alias's name: %s",
                        client.indices()
                                .get(g -> g.index(alias).allowNoIndices(true).ignoreUnavailable(true))
                                .indices()
                                .keySet())
                .isFalse();
        assertThat(index.ensureExists()).isTrue();
        assertThat(client.indices().existsAlias(a -> a.name(alias)).value()).isTrue();
    }
}
