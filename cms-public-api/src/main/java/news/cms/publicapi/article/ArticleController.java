package news.cms.publicapi.article;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.article.ArticleService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One published article. */
@RestController
class ArticleController {

    private final ArticleService articles;

    ArticleController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping("/v1/articles/{id}")
    ArticleResponse article(@PathVariable String id) {
        ArticleId articleId = ArticleId.parse(id);
        return articles.findPublished(articleId)
                .filter(a -> a.isReadableAt(Instant.now()))
                .map(ArticleResponse::of)
                .orElseThrow(() -> new ArticleNotFound(articleId));
    }
}
