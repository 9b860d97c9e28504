package news.cms.publicapi.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.PublicArticle;
import news.cms.core.body.BodyRenderer;
import news.cms.core.feed.ChangeFeed;
import news.cms.core.feed.FeedEntry;
import news.cms.publicapi.access.PartnerAuthentication;
import news.cms.publicapi.article.NinjsMapper;
import news.cms.publicapi.article.NinjsVersion;
import news.cms.publicapi.config.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1/feed}: every public change in commit order, {@value #DEFAULT_LIMIT} a page by default
 * and at most {@value #MAX_LIMIT}; {@code next} is the cursor to poll with, also when the page is
 * empty. An entry of a change that left the story live carries the story as ninjs (2.2, or 3.1 with
 * {@code ?ninjs=3.1}) as it is now, if it is still live and past its embargo (or under embargo,
 * for a key with the {@code EMBARGOED} scope); unpublish and kill entries carry no text, a kill
 * only its notice. When an embargo ends, an {@code embargo-lifted} entry follows, so that partners
 * who could not read the story at its publication get it then. Needs a key with the {@code FEED}
 * scope.
 *
 * <p>{@code /v1/feed.atom} and {@code /v1/feed.json}: the latest live stories readers may see, as
 * Atom 1.0 and JSON Feed 1.1; open.
 *
 * <p>Every page is served from {@link FeedPages} with a strong ETag and Last-Modified.
 */
@RestController
@EnableConfigurationProperties(FeedProperties.class)
class FeedController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType JSON_FEED = MediaType.parseMediaType("application/feed+json;charset=UTF-8");

    private final ChangeFeed feed;
    private final ArticleService articles;
    private final JsonMapper json;
    private final Clock clock;
    private final FeedProperties properties;
    private final FeedCursor cursors;
    private final FeedPages pages;
    private final BodyRenderer bodies;

    FeedController(
            ChangeFeed feed,
            ArticleService articles,
            JsonMapper json,
            Clock clock,
            FeedProperties properties,
            FeedPages pages,
            BodyRenderer bodies) {
        this.feed = feed;
        this.articles = articles;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.cursors = new FeedCursor(properties.cursorSecret());
        this.pages = pages;
        this.bodies = bodies;
    }

    @GetMapping(path = "/v1/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> changes(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(name = "ninjs", required = false) @Nullable String ninjs) {
        int size = limit(limit);
        NinjsVersion version = ninjs == null || ninjs.isBlank() ? NinjsVersion.V2_2 : NinjsVersion.of(ninjs);
        long after = cursor == null || cursor.isEmpty() ? 0 : cursors.decode(cursor);
        boolean embargoed = PartnerAuthentication.mayReadEmbargoed();
        FeedPages.Page page = pages.get(
                new ChangesKey(after, size, version, embargoed), () -> changesPage(after, size, version, embargoed));
        // Partners' pages differ by scope: no shared cache may hand one partner's to another.
        return respond(MediaType.APPLICATION_JSON, CacheControl.noCache().cachePrivate(), page);
    }

    private record ChangesKey(long after, int size, NinjsVersion version, boolean embargoed) {}

    private enum Syndication {
        ATOM,
        JSON_FEED
    }

    private FeedPages.Page changesPage(long after, int size, NinjsVersion version, boolean embargoed) {
        List<FeedEntry> entries = feed.after(after, size);
        Instant now = clock.instant();
        Map<ArticleId, Optional<PublicArticle>> current = new HashMap<>();
        List<FeedPage.Entry> out = new ArrayList<>(entries.size());
        // The page changes with its entries and with each story it embeds as it is now.
        Instant lastModified = entries.isEmpty() ? null : entries.getLast().at();
        for (FeedEntry e : entries) {
            Object item = null;
            if (e.action().leavesLive()
                    && current.computeIfAbsent(e.articleId(), articles::findPublic)
                                    .orElse(null)
                            instanceof PublicArticle.Live live
                    && (embargoed || live.article().isReadableAt(now))) {
                item = NinjsMapper.map(live, version);
                if (live.article().updatedAt().isAfter(lastModified)) {
                    lastModified = live.article().updatedAt();
                }
            }
            out.add(new FeedPage.Entry(
                    e.sequence(),
                    e.action().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    NinjsMapper.uri(e.articleId()),
                    e.publicVersion(),
                    e.at().toString(),
                    e.language().value(),
                    e.notice(),
                    item));
        }
        long last = entries.isEmpty() ? after : entries.getLast().sequence();
        byte[] bytes = json.writeValueAsBytes(new FeedPage(out, cursors.encode(last), size));
        return new FeedPages.Page(bytes, ETags.strong(bytes), lastModified);
    }

    @GetMapping("/v1/feed.atom")
    ResponseEntity<byte[]> atom() {
        return syndication(ATOM, pages.get(Syndication.ATOM, () -> {
            List<Article> latest = latest();
            List<AtomWriter.Story> stories = latest.stream()
                    .map(a -> new AtomWriter.Story(a, NinjsMapper.uri(a.id()), link(a), html(a)))
                    .toList();
            Instant updated = newest(latest);
            byte[] bytes = AtomWriter.write(
                    properties.title(), url("/v1/feed.atom"), "urn:newsroom-cms:feed:latest", updated, stories);
            return new FeedPages.Page(bytes, ETags.strong(bytes), updated);
        }));
    }

    @GetMapping("/v1/feed.json")
    ResponseEntity<byte[]> jsonFeed() {
        return syndication(JSON_FEED, pages.get(Syndication.JSON_FEED, () -> {
            List<Article> latest = latest();
            List<JsonFeed.Item> items = latest.stream()
                    .map(a -> new JsonFeed.Item(
                            NinjsMapper.uri(a.id()),
                            link(a),
                            a.headline(),
                            html(a),
                            a.standfirst().isEmpty() ? null : a.standfirst(),
                            a.publishedAt() == null ? null : a.publishedAt().toString(),
                            a.updatedAt().toString(),
                            a.language().value(),
                            a.bylines().stream()
                                    .map(b -> new JsonFeed.Author(b.name()))
                                    .toList(),
                            a.content().tags().stream().toList()))
                    .toList();
            byte[] bytes = json.writeValueAsBytes(new JsonFeed(
                    JsonFeed.VERSION, properties.title(), properties.baseUrl() + "/", url("/v1/feed.json"), items));
            return new FeedPages.Page(bytes, ETags.strong(bytes), newest(latest));
        }));
    }

    private static Instant newest(List<Article> articles) {
        return articles.stream().map(Article::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** The newest live stories readers may see now (embargoed ones wait). */
    private List<Article> latest() {
        Instant now = clock.instant();
        return articles.publishedPage(null, properties.latest()).stream()
                .filter(a -> a.isReadableAt(now))
                .toList();
    }

    private String html(Article a) {
        String dir = a.content().directions().body(a.language()).htmlValue();
        return "<div lang=\"" + a.language().value() + "\" dir=\"" + dir + "\">"
                + bodies.render(a.body(), a.language()).html() + "</div>";
    }

    private String link(Article a) {
        return url("/v1/articles/" + a.id());
    }

    private String url(String path) {
        return properties.baseUrl() + path;
    }

    private static ResponseEntity<byte[]> syndication(MediaType type, FeedPages.Page page) {
        return respond(type, CacheControl.noCache().cachePublic(), page);
    }

    private static ResponseEntity<byte[]> respond(MediaType type, CacheControl cache, FeedPages.Page page) {
        var response = ResponseEntity.ok().contentType(type).cacheControl(cache).eTag(page.etag());
        if (page.lastModified() != null) {
            response.lastModified(page.lastModified());
        }
        return response.body(page.bytes());
    }

    static int limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw InvalidFeedRequest.limit("limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw InvalidFeedRequest.limit("limit must be from 1 to " + MAX_LIMIT + ", not " + n);
        }
        return n;
    }
}
