package news.cms.publicapi.article;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import news.cms.core.article.ArticleChanged;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.article.ArticleService;
import news.cms.core.article.PublicArticle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readable articles as serialised ninjs bytes with their strong ETag, cached per article and ninjs
 * version, so that repeat reads do no database work and no serialisation.
 *
 * <p>An {@link ArticleChanged} event evicts the article, at once and again after its transaction
 * ends (a reader between the two would otherwise cache the old version). The listener is a plain
 * {@code @EventListener}: the cache lives in this JVM, so it must not have a publication in the
 * shared outbox. Events from the other apps' JVMs do not reach it; for those the entries' time to
 * live bounds how stale an entry can be.
 */
@Component
@EnableConfigurationProperties(ArticleCacheProperties.class)
class ArticleRepresentations {

    /** The bytes of one readable article in one ninjs version. */
    record Representation(byte[] bytes, String etag, Instant lastModified) {}

    private record Key(ArticleId id, NinjsVersion version) {}

    private record Entry(Representation representation, Instant expires) {}

    private final ArticleService articles;
    private final JsonMapper json;
    private final Clock clock;
    private final ArticleCacheProperties properties;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every eviction; a load that raced with one does not keep its result. */
    private final AtomicLong generation = new AtomicLong();

    ArticleRepresentations(ArticleService articles, JsonMapper json, Clock clock, ArticleCacheProperties properties) {
        this.articles = articles;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * @throws ArticleNotFound when there is no such article, or it is not readable now (never
     *     published, unpublished, or under embargo)
     * @throws ArticleGone when it was killed
     */
    Representation get(ArticleId id, NinjsVersion version) {
        Key key = new Key(id, version);
        Instant now = clock.instant();
        Entry cached = entries.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.representation();
        }
        long before = generation.get();
        Representation fresh = load(id, version, now);
        if (entries.size() >= properties.maxEntries()) {
            entries.clear(); // crude, but bounded; a full cache refills from hot articles first
        }
        Entry entry = new Entry(fresh, now.plus(properties.ttl()));
        entries.put(key, entry);
        if (generation.get() != before) {
            entries.remove(key, entry);
        }
        return fresh;
    }

    private Representation load(ArticleId id, NinjsVersion version, Instant now) {
        PublicArticle article = articles.findPublic(id).orElseThrow(() -> new ArticleNotFound(id));
        return switch (article) {
            case PublicArticle.Live live
            when live.article().isReadableAt(now) -> {
                byte[] bytes = json.writeValueAsBytes(NinjsMapper.map(live, version));
                yield new Representation(bytes, etag(bytes), live.article().updatedAt());
            }
            case PublicArticle.Live embargoed -> throw new ArticleNotFound(id);
            case PublicArticle.Withdrawn withdrawn -> throw new ArticleNotFound(id);
            case PublicArticle.Killed killed -> throw new ArticleGone(id, killed.reason(), killed.killedAt());
        };
    }

    @EventListener
    void on(ArticleChanged event) {
        evict(event.articleId());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict(event.articleId());
                }
            });
        }
    }

    void evict(ArticleId id) {
        generation.incrementAndGet();
        for (NinjsVersion v : NinjsVersion.values()) {
            entries.remove(new Key(id, v));
        }
    }

    /** A strong validator: the quoted, unpadded base64url SHA-256 of the bytes. */
    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
