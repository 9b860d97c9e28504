package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The index can always be rebuilt from PostgreSQL, the source of truth; only an administrator may. */
@CmsIntegrationTest
class IndexRebuildIT {

    @Autowired
    ArticleService articles;

    @Autowired
    SearchService search;

    @Autowired
    SearchAdmin admin;

    @Test
    void aRebuildRestoresEveryPublishedStoryAndNothingElse() {
        Article published = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.SORANI,
                        "پایتەختی ڕۆشنبیری",
                        "شارەکە ساڵی داهاتوو دەبێتە پایتەختی ڕۆشنبیری.",
                        "سلێمانی"));
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.SORANI, "ڕەشنووسی پایتەخت", "ئەم ڕەشنووسە بڵاو نەکراوەتەوە.", "سلێمانی")));
        SearchQuery query = new SearchQuery("پایتەختی", LanguageTag.SORANI, 10);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> search.search(query).hits().size() == 1);

        assertThatThrownBy(() -> Newsroom.as(Newsroom.EDITOR, admin::rebuild, Role.EDITOR))
                .isInstanceOf(AuthorizationDeniedException.class);
        int indexed = Newsroom.as("root", admin::rebuild, Role.ADMIN);

        assertThat(indexed).isEqualTo(1);
        assertThat(search.search(query).hits()).extracting(SearchHit::id).containsExactly(published.id());
        assertThat(search.search(query).hits()).extracting(SearchHit::id).doesNotContain(draft.id());
    }
}
