package news.cms.publicapi.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import news.cms.core.translation.TranslationService;
import news.cms.publicapi.access.PartnerAuthentication;
import news.cms.publicapi.article.NinjsMapper;
import news.cms.publicapi.article.NinjsVersion;
import news.cms.publicapi.config.AcceptHeader;
import news.cms.publicapi.config.Conditional;
import news.cms.publicapi.config.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
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
 * <p>Every page is served from {@link FeedPages} with a strong ETag and a Last-Modified that is never
 * older than a change the page reflects (see {@link #changesPage} and {@link #latest}).
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
    private final TranslationService translations;

    FeedController(
            ChangeFeed feed,
            ArticleService articles,
            JsonMapper json,
            Clock clock,
            FeedProperties properties,
            FeedPages pages,
            BodyRenderer bodies,
            TranslationService translations) {
        this.feed = feed;
        this.articles = articles;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.cursors = new FeedCursor(properties.cursorSecret());
        this.pages = pages;
        this.bodies = bodies;
        this.translations = translations;
    }

    @GetMapping(path = "/v1/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    void changes(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(name = "ninjs", required = false) @Nullable String ninjs,
            ServletWebRequest request,
            HttpServletResponse response)
            throws IOException {
        int size = limit(limit);
        NinjsVersion version = ninjs == null || ninjs.isBlank() ? NinjsVersion.V2_2 : NinjsVersion.of(ninjs);
        long after = cursor == null || cursor.isEmpty() ? 0 : cursors.decode(cursor);
        boolean embargoed = PartnerAuthentication.mayReadEmbargoed();
        FeedPages.Page page = pages.get(
                new ChangesKey(after, size, version, embargoed), () -> changesPage(after, size, version, embargoed));
        // Partners' pages differ by scope: no shared cache may hand one partner's to another.
        respond(MediaType.APPLICATION_JSON, CacheControl.noCache().cachePrivate(), page, request, response);
    }

    private record ChangesKey(long after, int size, NinjsVersion version, boolean embargoed) {}

    private enum Syndication {
        ATOM,
        JSON_FEED
    }

    /**
     * A page of changes. Its Last-Modified is the newest of its entries' times and of the current
     * state of every story it names (a story embedded as it is now, one that left since, an embargo
     * that ended), so that no change the page reflects is newer than it says.
     */
    private FeedPages.Page changesPage(long after, int size, NinjsVersion version, boolean embargoed) {
        List<FeedEntry> entries = feed.after(after, size);
        Instant now = clock.instant();
        Map<ArticleId, Optional<PublicArticle>> current = new HashMap<>();
        List<FeedPage.Entry> out = new ArrayList<>(entries.size());
        Instant lastModified = null;
        Instant expires = null;
        for (FeedEntry e : entries) {
            lastModified = later(lastModified, e.at());
            PublicArticle story =
                    current.computeIfAbsent(e.articleId(), articles::findPublic).orElse(null);
            lastModified = later(lastModified, changedAt(story, now));
            expires = earlier(expires, embargoEnd(story, now));
            Object item = null;
            if (e.action().leavesLive()
                    && story instanceof PublicArticle.Live live
                    && (embargoed || live.article().isReadableAt(now))) {
                item = NinjsMapper.map(live, version);
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
        return new FeedPages.Page(bytes, ETags.strong(bytes), lastModified, expires);
    }

    /** When what the public may know of a story last changed, as of {@code now}. */
    private static @Nullable Instant changedAt(@Nullable PublicArticle article, Instant now) {
        return switch (article) {
            case null -> null;
            case PublicArticle.Live live -> {
                Instant changed = later(live.article().updatedAt(), live.versionCreatedAt());
                Instant embargo = live.article().embargoUntil();
                yield embargo != null && !embargo.isAfter(now) ? later(changed, embargo) : changed;
            }
            case PublicArticle.Withdrawn withdrawn -> withdrawn.withdrawnAt();
            case PublicArticle.Killed killed -> killed.killedAt();
        };
    }

    /** The end of an embargo still running, when a page holding the story changes by itself. */
    private static @Nullable Instant embargoEnd(@Nullable PublicArticle article, Instant now) {
        return article instanceof PublicArticle.Live live
                        && live.article().embargoUntil() != null
                        && live.article().embargoUntil().isAfter(now)
                ? live.article().embargoUntil()
                : null;
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    @GetMapping("/v1/feed.atom")
    void atom(ServletWebRequest request, HttpServletResponse response) throws IOException {
        syndication(
                ATOM,
                pages.get(Syndication.ATOM, () -> {
                    Latest latest = latest();
                    List<AtomWriter.Story> stories = latest.live().stream()
                            .map(a -> new AtomWriter.Story(
                                    a, NinjsMapper.uri(a.id()), link(a), html(a), siblings(a, latest.live())))
                            .toList();
                    Instant updated = latest.lastModified();
                    byte[] bytes = AtomWriter.write(
                            properties.title(), url("/v1/feed.atom"), "urn:newsroom-cms:feed:latest", updated, stories);
                    return new FeedPages.Page(bytes, ETags.strong(bytes), updated, latest.nextEmbargoEnd());
                }),
                request,
                response);
    }

    @GetMapping("/v1/feed.json")
    void jsonFeed(ServletWebRequest request, HttpServletResponse response) throws IOException {
        syndication(
                JSON_FEED,
                pages.get(Syndication.JSON_FEED, () -> {
                    Latest latest = latest();
                    List<JsonFeed.Item> items = latest.live().stream()
                            .map(a -> new JsonFeed.Item(
                                    NinjsMapper.uri(a.id()),
                                    link(a),
                                    a.headline(),
                                    html(a),
                                    a.standfirst().isEmpty() ? null : a.standfirst(),
                                    a.publishedAt() == null
                                            ? null
                                            : a.publishedAt().toString(),
                                    a.updatedAt().toString(),
                                    a.language().value(),
                                    a.bylines().stream()
                                            .map(b -> new JsonFeed.Author(b.name()))
                                            .toList(),
                                    a.content().tags().stream().toList()))
                            .toList();
                    byte[] bytes = json.writeValueAsBytes(new JsonFeed(
                            JsonFeed.VERSION,
                            properties.title(),
                            properties.baseUrl() + "/",
                            url("/v1/feed.json"),
                            items));
                    return new FeedPages.Page(
                            bytes, ETags.strong(bytes), latest.lastModified(), latest.nextEmbargoEnd());
                }),
                request,
                response);
    }

    /**
     * The latest stories readers may see.
     *
     * @param lastModified the newest change the list reflects: a story's own, one arriving or leaving
     *     (every such change is a feed entry), or an embargo that ended
     * @param nextEmbargoEnd when a story held back now joins the list, if one will
     */
    private record Latest(
            List<Article> live,
            Instant lastModified,
            @Nullable Instant nextEmbargoEnd) {}

    /** The newest live stories readers may see now (embargoed ones wait). */
    private Latest latest() {
        Instant now = clock.instant();
        List<Article> published = articles.publishedPage(null, properties.latest());
        List<Article> live = new ArrayList<>();
        Instant lastModified = feed.latestChangeAt().orElse(Instant.EPOCH);
        Instant nextEmbargoEnd = null;
        for (Article a : published) {
            Instant embargo = a.embargoUntil();
            if (a.isReadableAt(now)) {
                live.add(a);
                lastModified = later(lastModified, a.updatedAt());
                if (embargo != null) {
                    lastModified = later(lastModified, embargo);
                }
            } else if (embargo != null && embargo.isAfter(now)) {
                nextEmbargoEnd = earlier(nextEmbargoEnd, embargo);
            }
        }
        return new Latest(live, lastModified, nextEmbargoEnd);
    }

    /** The story's published translations that are in the list too (so readers may see them now). */
    private List<AtomWriter.Sibling> siblings(Article a, List<Article> live) {
        List<ArticleId> members = translations.groupMembers(a.id());
        return live.stream()
                .filter(s -> !s.id().equals(a.id()) && members.contains(s.id()))
                .map(s -> new AtomWriter.Sibling(s.language().value(), link(s)))
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

    private static void syndication(
            MediaType type, FeedPages.Page page, ServletWebRequest request, HttpServletResponse response)
            throws IOException {
        // Feed readers get the feed whatever they accept, but a malformed Accept is still a 400.
        AcceptHeader.parse(request.getHeader(HttpHeaders.ACCEPT));
        respond(type, CacheControl.noCache().cachePublic(), page, request, response);
    }

    private static void respond(
            MediaType type,
            CacheControl cache,
            FeedPages.Page page,
            ServletWebRequest request,
            HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cache.getHeaderValue());
        Conditional.write(request, response, type.toString(), page.bytes(), page.etag(), page.lastModified());
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
