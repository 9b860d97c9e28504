package news.cms.publicapi.article;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleChanged;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.article.ArticleService;
import news.cms.core.article.PublicArticle;
import news.cms.core.article.PublicArticle.Live;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
import news.cms.core.observability.Meters;
import news.cms.core.translation.TranslationService;
import news.cms.publicapi.config.Encoded;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readable articles as serialised ninjs bytes with their strong ETag, cached per article and ninjs
 * version, so that repeat reads do no database work and no serialisation.
 *
 * <p>Changes made in any app's JVM (the editor's publishes and kills, the scheduler's go-lives)
 * reach this one as {@link ChangeNotice}s on commit and evict the article. An {@link
 * ArticleChanged} in this JVM evicts it too, at once and again after its transaction ends. The
 * entries' time to live is only a safety net for notices lost while the database connection was
 * down (a lost connection empties the cache as well).
 *
 * <p>A story under embargo is served only to partners with the embargo scope, from entries of
 * its own that end when the embargo does.
 */
@Component
@EnableConfigurationProperties({ArticleCacheProperties.class, PublicLinks.class, NinjsNewsroom.class})
class ArticleRepresentations implements MeterBinder {

    /** The bytes of one readable article in one ninjs version (and their gzip form once asked for). */
    record Representation(Encoded body, Instant lastModified, boolean embargoed) {

        byte[] bytes() {
            return body.bytes();
        }

        String etag() {
            return body.etag();
        }
    }

    private record Key(ArticleId id, NinjsVersion version, boolean embargoed) {}

    private final ArticleService articles;
    private final TranslationService translations;
    private final LiveNinjs ninjs;
    private final JsonMapper json;
    private final Clock clock;
    private final ArticleCacheProperties properties;
    private final NoticedCache<Key, Representation> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    ArticleRepresentations(
            ArticleService articles,
            TranslationService translations,
            LiveNinjs ninjs,
            JsonMapper json,
            Clock clock,
            ArticleCacheProperties properties) {
        this.articles = articles;
        this.translations = translations;
        this.ninjs = ninjs;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.entries = NoticedCache.<Key, Representation>watching("article")
                .evictingKeys(id -> keysOfGroup(ArticleId.parse(id)))
                .maxEntries(properties.maxEntries())
                // Weighed when stored, before any gzip form exists: a quarter more leaves it room.
                .maxSize(properties.maxSize().toBytes(), r -> r.bytes().length + r.bytes().length / 4)
                .clock(clock)
                .build();
    }

    /** The cached bytes of a story anyone may read now, if they are cached; never loads. */
    @Nullable
    Representation cached(ArticleId id, NinjsVersion version) {
        Representation cached = entries.getIfPresent(new Key(id, version, false));
        if (cached != null) {
            hits.increment(); // a miss here goes on to get(), which counts it
        }
        return cached;
    }

    /** {@code cache.gets{cache="public-articles"}} (docs/adr/0017). */
    @Override
    public void bindTo(MeterRegistry registry) {
        Meters.bindCacheGets(registry, "public-articles", hits, misses);
    }

    /**
     * @param mayReadEmbargoed whether the caller may see a story before its embargo ends
     * @throws ArticleNotFound when there is no such article, or it is not readable now (never
     *     published, unpublished, or under embargo for this caller)
     * @throws ArticleGone when it was killed
     */
    Representation get(ArticleId id, NinjsVersion version, boolean mayReadEmbargoed) {
        Representation cached = entries.getIfPresent(new Key(id, version, false));
        if (cached == null && mayReadEmbargoed) {
            cached = entries.getIfPresent(new Key(id, version, true));
        }
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        Instant now = clock.instant();
        long stamp = entries.stamp();
        Live live = load(id, now);
        boolean embargoed = !live.article().isReadableAt(now);
        if (embargoed && !mayReadEmbargoed) {
            throw new ArticleNotFound(id);
        }
        // Siblings readers may see now are listed; one under embargo appears when the entry expires.
        LiveNinjs.Parts parts = ninjs.parts(live);
        List<Article> published = parts.publishedSiblings();
        List<Article> siblings = parts.readableSiblings(now);
        byte[] bytes = json.writeValueAsBytes(ninjs.map(live, version, now, parts));
        Instant modified = lastModified(live, now);
        // A caption or focal point changed after the story's last change is a change of this representation.
        Optional<Instant> picturesChanged = parts.pictures().lastChanged();
        if (picturesChanged.isPresent() && picturesChanged.get().isAfter(modified)) {
            modified = picturesChanged.get();
        }
        for (Article s : siblings) {
            Instant listed = s.embargoUntil() != null && s.embargoUntil().isAfter(s.updatedAt())
                    ? s.embargoUntil()
                    : s.updatedAt();
            modified = listed.isAfter(modified) ? listed : modified;
        }
        Representation fresh = new Representation(Encoded.of(bytes), modified, embargoed);
        Instant expires = now.plus(properties.ttl());
        for (Article s : published) {
            if (!s.isReadableAt(now)
                    && s.embargoUntil() != null
                    && s.embargoUntil().isBefore(expires)) {
                expires = s.embargoUntil();
            }
        }
        Instant embargoEnds = live.article().embargoUntil();
        if (embargoed && embargoEnds != null && embargoEnds.isBefore(expires)) {
            expires = embargoEnds;
        }
        entries.putIfUnchanged(new Key(id, version, embargoed), fresh, stamp, expires);
        return fresh;
    }

    /**
     * When what a reader gets last changed: the article's last change, or the end of its embargo if
     * that came later (the story appeared then), so an If-Modified-Since from before never gets 304.
     */
    static Instant lastModified(Live live, Instant now) {
        Instant changed = live.article().updatedAt();
        if (live.versionCreatedAt().isAfter(changed)) {
            changed = live.versionCreatedAt();
        }
        Instant embargoEnded = live.article().embargoUntil();
        return embargoEnded != null && !embargoEnded.isAfter(now) && embargoEnded.isAfter(changed)
                ? embargoEnded
                : changed;
    }

    private Live load(ArticleId id, Instant now) {
        PublicArticle article = articles.findPublic(id).orElseThrow(() -> new ArticleNotFound(id));
        return switch (article) {
            case Live live -> live;
            case PublicArticle.Withdrawn withdrawn -> throw new ArticleNotFound(id);
            case PublicArticle.Killed killed -> throw new ArticleGone(id, killed.reason(), killed.killedAt());
        };
    }

    @EventListener
    void on(ArticleChanged event) {
        // The group is read once, in the command's transaction: after it, its connection may still be held.
        List<Key> keys = keysOfGroup(event.articleId());
        NoticedCache.nowAndAfterTransaction(() -> entries.evictAll(keys));
    }

    @EventListener
    void on(ChangeNotice notice) {
        entries.on(notice);
    }

    void evict(ArticleId id) {
        entries.evictAll(keysOf(id));
    }

    /**
     * The article's entries and its translations' (which list it as a sibling); only its own when
     * the group cannot be read now, and then the siblings catch up when their entries expire.
     */
    private List<Key> keysOfGroup(ArticleId id) {
        List<Key> keys = keysOf(id);
        try {
            for (ArticleId member : translations.groupMembers(id)) {
                if (!member.equals(id)) {
                    keys.addAll(keysOf(member));
                }
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ArticleRepresentations.class)
                    .debug("translations of {} not evicted ({})", id, e.toString());
        }
        return keys;
    }

    /** Every entry an article may have: each ninjs version, open and under embargo. */
    private static List<Key> keysOf(ArticleId id) {
        List<Key> keys = new ArrayList<>();
        for (NinjsVersion v : NinjsVersion.values()) {
            keys.add(new Key(id, v, false));
            keys.add(new Key(id, v, true));
        }
        return keys;
    }
}
