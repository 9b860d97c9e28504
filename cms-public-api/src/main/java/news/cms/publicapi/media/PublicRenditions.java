package news.cms.publicapi.media;

import java.time.Clock;
import java.util.Optional;
import news.cms.core.article.ArticleChanged;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.media.PublicRendition;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The renditions everyone may fetch, remembered between requests (docs/adr/0032). Asking PostgreSQL
 * on every request (the picture, the stories featuring it, whether one is live: two transactions and
 * four or five queries) held the endpoint to a fraction of nginx's rate in bench/media; from memory
 * it is a map lookup. Any change to any article empties it, in every app at once: the media tables'
 * triggers announce a picture's change as a change of the articles featuring it (ADR 0021), and a
 * kill or an unpublish is an article change, so a picture leaves with its story at once. Only answers
 * for everyone are kept; a picture under embargo, or one no live story shows, is asked for each time.
 */
@Component
class PublicRenditions {

    private record Key(MediaId id, String name) {}

    private final MediaService media;
    private final NoticedCache<Key, PublicRendition> live;

    PublicRenditions(MediaService media, MediaProperties properties, Clock clock) {
        this.media = media;
        this.live = NoticedCache.<Key, PublicRendition>watching("article")
                .maxEntries(100_000)
                .maxSize(properties.renditionCache().toBytes(), r -> r.bytes().length)
                .clock(clock)
                .build();
    }

    /** The rendition everyone may see, if it is held; never loads. */
    @Nullable
    PublicRendition cached(MediaId id, String name) {
        return live.getIfPresent(new Key(id, name));
    }

    /** As {@link MediaService#publicRendition}, from memory when everyone may see it. */
    Optional<PublicRendition> find(MediaId id, String name, boolean mayReadEmbargoed) {
        Key key = new Key(id, name);
        PublicRendition cached = live.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long stamp = live.stamp(); // a notice that arrives while we read makes the answer not kept
        Optional<PublicRendition> found = media.publicRendition(id, name, mayReadEmbargoed);
        found.filter(r -> !r.embargoed()).ifPresent(r -> live.putIfUnchanged(key, r, stamp));
        return found;
    }

    @EventListener
    void on(ChangeNotice notice) {
        live.on(notice);
    }

    // A change committed by this JVM empties it at once, not only when its own notice comes back.
    @EventListener
    void on(ArticleChanged event) {
        NoticedCache.nowAndAfterTransaction(live::clear);
    }
}
