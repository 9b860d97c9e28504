package news.cms.core.article;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import news.cms.core.article.internal.ArticleRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to change an article: a method per workflow action, each in one transaction that
 * stores the new state and records one domain event in the outbox.
 */
@Service
public class ArticleService {

    private final ArticleRepository articles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleService(ArticleRepository articles, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional
    public Article createDraft(ArticleContent content) {
        ArticleId id = ArticleId.random();
        Slug slug = Slug.fromHeadline(content.headline(), content.language().locale());
        if (articles.slugTaken(slug)) {
            slug = slug.withSuffix(id.value().toString().substring(0, 8));
        }
        Article draft = Article.draft(id, slug, content, actor(), clock.instant());
        articles.insert(draft);
        return draft;
    }

    @PreAuthorize("hasRole('EDITOR')")
    @Transactional
    public Article publish(ArticleId id) {
        Article current = articles.find(id).orElseThrow(() -> new ArticleNotFound(id));
        Article published = current.published(actor(), clock.instant());
        articles.update(published, current.version());
        events.publishEvent(new ArticlePublished(id, published.version()));
        return published;
    }

    @Transactional(readOnly = true)
    public Optional<Article> find(ArticleId id) {
        return articles.find(id);
    }

    /** A published article, as readers and partners may see it. */
    @Transactional(readOnly = true)
    public Optional<Article> findPublished(ArticleId id) {
        return articles.find(id).filter(Article::isPublished);
    }

    /** The newest articles first, a page at a time, for the desk. */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Article> latest(int offset, int limit) {
        return articles.latest(offset, limit);
    }

    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public int count() {
        return articles.count();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("no signed-in user");
        }
        return auth.getName();
    }
}
