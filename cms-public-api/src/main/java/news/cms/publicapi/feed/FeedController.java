package news.cms.publicapi.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleQuery;
import news.cms.core.article.ArticleService;
import news.cms.core.article.PublicArticle;
import news.cms.core.body.BodyRenderer;
import news.cms.core.feed.ChangeFeed;
import news.cms.core.feed.FeedAction;
import news.cms.core.feed.FeedEntry;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.TranslationGroupId;
import news.cms.core.translation.TranslationService;
import news.cms.publicapi.access.PartnerAuthentication;
import news.cms.publicapi.article.LiveNinjs;
import news.cms.publicapi.article.NinjsMapper;
import news.cms.publicapi.article.NinjsNewsroom;
import news.cms.publicapi.article.NinjsVersion;
import news.cms.publicapi.article.PublicPictures;
import news.cms.publicapi.config.AcceptHeader;
import news.cms.publicapi.config.Conditional;
import news.cms.publicapi.config.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1/feed}: every public change in commit order, {@value #DEFAULT_LIMIT} a page by default
 * and at most {@value #MAX_LIMIT}; {@code next} is the cursor to poll with, also when the page is
 * empty. Every entry carries a ninjs item (2.2, or 3.1 with {@code ?ninjs=3.1}) of the version it
 * announces: in full while that version is live and past its embargo (or under embargo, for a key
 * with the {@code EMBARGOED} scope), else a minimal item without text; unpublish and kill entries
 * carry {@code withheld} / {@code canceled} items, a kill with its notice (docs/adr/0020). When an embargo ends, an {@code embargo-lifted} entry follows, so that partners
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
@EnableConfigurationProperties({FeedProperties.class, NinjsNewsroom.class})
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
    private final PublicPictures pictures;
    private final LiveNinjs liveNinjs;
    private final TransactionTemplate reads;

    FeedController(
            ChangeFeed feed,
            ArticleService articles,
            JsonMapper json,
            Clock clock,
            FeedProperties properties,
            FeedPages pages,
            BodyRenderer bodies,
            TranslationService translations,
            PublicPictures pictures,
            LiveNinjs liveNinjs,
            FeedCursor cursors,
            PlatformTransactionManager transactions) {
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.pictures = pictures;
        this.liveNinjs = liveNinjs;
        this.feed = feed;
        this.articles = articles;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.cursors = cursors;
        this.pages = pages;
        this.bodies = bodies;
        this.translations = translations;
    }

    @GetMapping(path = "/v1/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    void changes(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(name = "ninjs", required = false) @Nullable String ninjs,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(name = "lang", required = false) @Nullable List<String> lang,
            @RequestParam(required = false) @Nullable String section,
            ServletWebRequest request,
            HttpServletResponse response)
            throws IOException {
        int size = limit(limit);
        NinjsVersion version = ninjs == null || ninjs.isBlank() ? NinjsVersion.V2_2 : NinjsVersion.of(ninjs);
        Filter filter = new Filter(languages(lang), section(section));
        long after = position(cursor, since);
        boolean embargoed = PartnerAuthentication.mayReadEmbargoed();
        FeedPages.Page page = pages.get(
                new ChangesKey(after, size, version, embargoed, filter),
                () -> changesPage(after, size, version, embargoed, filter));
        respondWithChanges(page, request, response);
    }

    /** Partners' pages differ by scope: no shared cache may hand one partner's to another. */
    private static final String CHANGES_CACHE_CONTROL =
            CacheControl.noCache().cachePrivate().getHeaderValue();

    static void respondWithChanges(FeedPages.Page page, ServletWebRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CHANGES_CACHE_CONTROL);
        Conditional.write(request, response, MediaType.APPLICATION_JSON_VALUE, page.body(), page.lastModified());
    }

    /**
     * Where a page starts: after the cursor's entry; at the head for {@code cursor=now} (a new
     * partner need not walk from the start); before the first entry at or after {@code since}.
     */
    private long position(@Nullable String cursor, @Nullable String since) {
        boolean hasCursor = cursor != null && !cursor.isEmpty();
        if (since != null && !since.isEmpty()) {
            if (hasCursor) {
                throw InvalidFeedRequest.since("give since or cursor, not both");
            }
            return feed.positionBefore(since(since));
        }
        if (!hasCursor) {
            return 0;
        }
        return NOW.equals(cursor) ? feed.head() : cursors.decode(cursor);
    }

    static final String NOW = "now";

    /** An RFC 3339 date-time with its offset, e.g. {@code 2026-12-05T08:00:00Z}. */
    static Instant since(String since) {
        try {
            return OffsetDateTime.parse(since.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidFeedRequest.since(
                    "since must be an RFC 3339 date-time with an offset, such as 2026-12-05T08:00:00Z");
        }
    }

    /** A change-feed page in {@link FeedPages}: also how {@link CachedFeedFilter} finds it. */
    record ChangesKey(long after, int size, NinjsVersion version, boolean embargoed, Filter filter) {}

    /** The stories a partner asked for: primary language subtags (all when empty), a section or all. */
    record Filter(List<String> languages, @Nullable String section) {

        static final Filter ALL = new Filter(List.of(), null);
    }

    static final int MAX_LANGUAGES = 10;

    /**
     * {@code lang=ar&lang=ckb} or {@code lang=ar,ckb}: BCP 47 tags, each taken as its language as
     * search does ({@code en-GB} is {@code en}).
     */
    static List<String> languages(@Nullable List<String> lang) {
        if (lang == null) {
            return List.of();
        }
        java.util.TreeSet<String> primaries = new java.util.TreeSet<>();
        for (String tag : lang) {
            if (tag == null || tag.isBlank()) {
                throw InvalidInput.parameter("lang", "lang is a BCP 47 language tag such as ar or ckb");
            }
            try {
                primaries.add(LanguageTag.of(tag.strip()).primary());
            } catch (InvalidLanguageTag e) {
                throw InvalidInput.parameter("lang", e.getMessage());
            }
        }
        if (primaries.size() > MAX_LANGUAGES) {
            throw InvalidInput.parameter("lang", "lang names at most " + MAX_LANGUAGES + " languages");
        }
        return List.copyOf(primaries);
    }

    static @Nullable String section(@Nullable String section) {
        if (section == null || section.isEmpty()) {
            return null;
        }
        if (section.isBlank() || section.length() > 100) {
            throw InvalidInput.parameter("section", "section is a section name of at most 100 characters");
        }
        return section.strip();
    }

    /** The JSON Feed's key in {@link FeedPages}. */
    enum Syndication {
        ATOM,
        JSON_FEED
    }

    /**
     * A page of changes. Its Last-Modified is the newest of its entries' times and of the current
     * state of every story it names (a story embedded as it is now, one that left since, an embargo
     * that ended), so that no change the page reflects is newer than it says.
     */
    private FeedPages.Page changesPage(long after, int size, NinjsVersion version, boolean embargoed, Filter filter) {
        Instant now = clock.instant();
        PageRows rows = Objects.requireNonNull(reads.execute(tx -> rows(after, size, embargoed, filter, now)));
        List<FeedEntry> entries = rows.entries();
        Map<ArticleId, PublicArticle> current = rows.current();
        Map<ArticleId, TranslationGroupId> groups = rows.groups();
        Map<ArticleId, LiveNinjs.Parts> parts = rows.parts();
        List<FeedPage.Entry> out = new ArrayList<>(entries.size());
        Instant lastModified = null;
        Instant expires = null;
        for (FeedEntry e : entries) {
            lastModified = later(lastModified, e.at());
            PublicArticle story = current.get(e.articleId());
            lastModified = later(lastModified, changedAt(story, now));
            expires = earlier(expires, embargoEnd(story, now));
            // A full item is the article endpoint's ninjs: the siblings readers may see now, the pictures.
            LiveNinjs.Parts full = parts.get(e.articleId());
            if (full != null && full(e, story, now, embargoed) != null) {
                for (Article s : full.publishedSiblings()) {
                    if (s.isReadableAt(now)) {
                        lastModified = later(lastModified, later(s.updatedAt(), s.embargoUntil()));
                    } else {
                        expires = earlier(expires, s.embargoUntil());
                    }
                }
                lastModified = later(lastModified, full.pictures().lastChanged().orElse(null));
            }
            Object item = item(e, story, now, embargoed, version, full);
            out.add(new FeedPage.Entry(
                    e.sequence(),
                    e.action().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    NinjsMapper.uri(e.articleId()),
                    e.publicVersion(),
                    e.at().toString(),
                    e.language().value(),
                    Optional.ofNullable(groups.get(e.articleId()))
                            .map(TranslationGroupId::toString)
                            .orElse(null),
                    e.notice(),
                    item));
        }
        long last = entries.isEmpty() ? after : entries.getLast().sequence();
        byte[] bytes = json.writeValueAsBytes(new FeedPage(out, cursors.encode(last), size));
        return new FeedPages.Page(bytes, lastModified, expires);
    }

    /** What a page of changes reads from the database. */
    private record PageRows(
            List<FeedEntry> entries,
            Map<ArticleId, PublicArticle> current,
            Map<ArticleId, TranslationGroupId> groups,
            Map<ArticleId, LiveNinjs.Parts> parts) {}

    /**
     * A page's rows, read in the one read-only transaction the caller opens: each service joins it,
     * so the page borrows one connection and begins and commits once instead of five times
     * (bench/search's PostgreSQL log over 100,000 stories: five transactions a page).
     */
    private PageRows rows(long after, int size, boolean embargoed, Filter filter, Instant now) {
        List<FeedEntry> entries = filter.languages().isEmpty() && filter.section() == null
                ? feed.after(after, size)
                : feed.after(after, size, filter.languages(), filter.section());
        // The page's stories and their translations in a few statements, not a few per entry.
        List<ArticleId> ids =
                entries.stream().map(FeedEntry::articleId).distinct().toList();
        Map<ArticleId, PublicArticle> current = articles.findPublic(ids);
        Map<ArticleId, TranslationGroupId> groups = translations.groupsOf(ids);
        // Each story once, by its id: hashing a story's record hashes its whole text (5 % of an uncached
        // page's samples in bench/search's JFR over 100,000 stories).
        Map<ArticleId, PublicArticle.Live> shownInFull = new LinkedHashMap<>();
        for (FeedEntry e : entries) {
            PublicArticle.Live live = full(e, current.get(e.articleId()), now, embargoed);
            if (live != null) {
                shownInFull.putIfAbsent(e.articleId(), live);
            }
        }
        return new PageRows(entries, current, groups, liveNinjs.parts(shownInFull.values(), groups));
    }

    /**
     * The ninjs an entry carries: always the version the entry announces (docs/adr/0020). In full
     * when that version is still the live one and this reader may see it; else a minimal item
     * without text: {@code withheld} or {@code canceled} (with the kill notice) for an unpublish or
     * a kill, {@code usable} for a version since superseded, withdrawn or still under embargo.
     */
    private Object item(
            FeedEntry e,
            @Nullable PublicArticle story,
            Instant now,
            boolean embargoed,
            NinjsVersion version,
            LiveNinjs.@Nullable Parts parts) {
        if (!e.action().leavesLive()) {
            return NinjsMapper.withdrawal(
                    e.articleId(),
                    e.language(),
                    e.publicVersion(),
                    e.at(),
                    e.action() == FeedAction.KILL ? Objects.requireNonNullElse(e.notice(), "") : null,
                    version);
        }
        PublicArticle.Live whole = full(e, story, now, embargoed);
        if (whole != null && parts != null) {
            return liveNinjs.map(whole, version, now, parts);
        }
        return NinjsMapper.announced(e.articleId(), e.language(), e.publicVersion(), e.at(), story, now, version);
    }

    /** The story when the entry carries it in full: the version announced is live and this reader may see it. */
    private static PublicArticle.@Nullable Live full(
            FeedEntry e, @Nullable PublicArticle story, Instant now, boolean embargoed) {
        return e.action().leavesLive()
                        && story instanceof PublicArticle.Live live
                        && live.publicVersion() == e.publicVersion()
                        && (embargoed || live.article().isReadableAt(now))
                ? live
                : null;
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

    /** One Atom document: the stories of one language (or all), from an archive position or the newest. */
    /** An Atom page in {@link FeedPages}: also how {@link CachedSyndicationFilter} finds it. */
    record AtomKey(@Nullable String language, ArticleQuery.@Nullable Cursor before) {}

    /**
     * The newest live stories as Atom, optionally of one language ({@code ?lang=ar}); older ones on
     * RFC 5005 archive pages ({@code ?before=<token>}, linked as {@code next} and {@code
     * prev-archive}); stories killed within {@code tombstone-for} as RFC 6721 deleted entries.
     */
    @GetMapping("/v1/feed.atom")
    void atom(
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String before,
            ServletWebRequest request,
            HttpServletResponse response)
            throws IOException {
        String language = atomLanguage(lang);
        ArticleQuery.Cursor from = before == null || before.isEmpty() ? null : cursors.decodeArchive(before);
        syndication(ATOM, pages.get(new AtomKey(language, from), () -> atomPage(language, from)), request, response);
    }

    /** One language tag, taken as its primary subtag as the JSON feed does. */
    static @Nullable String atomLanguage(@Nullable String lang) {
        if (lang == null || lang.isEmpty()) {
            return null;
        }
        List<String> languages = languages(List.of(lang));
        if (languages.size() != 1) {
            throw InvalidInput.parameter("lang", "the Atom feed is of one language, such as ar or ckb");
        }
        return languages.getFirst();
    }

    private FeedPages.Page atomPage(@Nullable String language, ArticleQuery.@Nullable Cursor before) {
        Latest latest = latest(language, before);
        Map<ArticleId, PublicPictures.Shown> shownOf = pictures.of(latest.live());
        List<AtomWriter.Story> stories = latest.live().stream()
                .map(a -> {
                    PublicPictures.Shown shown = shownOf.get(a.id());
                    return new AtomWriter.Story(
                            a,
                            NinjsMapper.uri(a.id()),
                            properties.pageUrl(a),
                            html(a, shown),
                            siblings(a, latest.live()),
                            pictures.feedImage(shown).orElse(null));
                })
                .toList();
        Instant now = clock.instant();
        List<AtomWriter.Tombstone> tombstones = List.of();
        Instant expires = latest.nextEmbargoEnd();
        if (before == null && !properties.tombstoneFor().isZero()) {
            List<FeedEntry> kills = feed.killedSince(
                    now.minus(properties.tombstoneFor()),
                    language == null ? List.of() : List.of(language),
                    properties.latest());
            tombstones = kills.stream()
                    .map(k -> new AtomWriter.Tombstone(
                            NinjsMapper.uri(k.articleId()), k.at(), k.language().value(), k.notice()))
                    .toList();
            if (!kills.isEmpty()) {
                // The page changes when its oldest tombstone is due to go.
                expires = earlier(expires, kills.getLast().at().plus(properties.tombstoneFor()));
            }
        }
        String query = language == null ? "" : "?lang=" + language;
        String current = url("/v1/feed.atom" + query);
        String self = before == null
                ? current
                : url("/v1/feed.atom" + (query.isEmpty() ? "?" : query + "&") + "before="
                        + cursors.encodeArchive(before));
        String older = latest.older() == null
                ? null
                : url("/v1/feed.atom" + (query.isEmpty() ? "?" : query + "&") + "before="
                        + cursors.encodeArchive(latest.older()));
        Instant updated = latest.lastModified();
        byte[] bytes = AtomWriter.write(new AtomWriter.Feed(
                properties.title(),
                self,
                "urn:newsroom-cms:feed:latest" + (language == null ? "" : ":" + language),
                updated,
                language,
                properties.homePageUrl().toString(),
                before == null ? null : current,
                older,
                stories,
                tombstones));
        return new FeedPages.Page(bytes, updated, expires);
    }

    @GetMapping("/v1/feed.json")
    void jsonFeed(ServletWebRequest request, HttpServletResponse response) throws IOException {
        syndication(
                JSON_FEED,
                pages.get(Syndication.JSON_FEED, () -> {
                    Latest latest = latest();
                    Map<ArticleId, PublicPictures.Shown> shownOf = pictures.of(latest.live());
                    List<JsonFeed.Item> items = latest.live().stream()
                            .map(a -> {
                                PublicPictures.Shown shown = shownOf.get(a.id());
                                return new JsonFeed.Item(
                                        NinjsMapper.uri(a.id()),
                                        properties.pageUrl(a),
                                        a.headline(),
                                        html(a, shown),
                                        a.standfirst().isEmpty() ? null : a.standfirst(),
                                        a.publishedAt() == null
                                                ? null
                                                : a.publishedAt().toString(),
                                        a.updatedAt().toString(),
                                        a.language().value(),
                                        a.bylines().stream()
                                                .map(b -> new JsonFeed.Author(b.name()))
                                                .toList(),
                                        a.content().tags().stream().toList(),
                                        pictures.feedImage(shown)
                                                .map(PublicPictures.FeedImage::href)
                                                .orElse(null));
                            })
                            .toList();
                    byte[] bytes = json.writeValueAsBytes(new JsonFeed(
                            JsonFeed.VERSION,
                            properties.title(),
                            properties.homePageUrl().toString(),
                            url("/v1/feed.json"),
                            items));
                    return new FeedPages.Page(bytes, latest.lastModified(), latest.nextEmbargoEnd());
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
            @Nullable Instant nextEmbargoEnd,
            ArticleQuery.@Nullable Cursor older) {}

    /** The newest live stories readers may see now (embargoed ones wait). */
    private Latest latest() {
        return latest(null, null);
    }

    /**
     * The newest live stories readers may see now (embargoed ones wait) in {@code language} (all
     * when null), after {@code before}; and where the next older page starts, if there is one.
     */
    private Latest latest(@Nullable String language, ArticleQuery.@Nullable Cursor before) {
        Instant now = clock.instant();
        List<Article> fetched = articles.publishedPage(
                language == null ? null : LanguageTag.of(language), before, properties.latest() + 1);
        boolean more = fetched.size() > properties.latest();
        List<Article> published = more ? fetched.subList(0, properties.latest()) : fetched;
        ArticleQuery.Cursor older = more
                ? new ArticleQuery.Cursor(
                        published.getLast().updatedAt(), published.getLast().id())
                : null;
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
        return new Latest(live, lastModified, nextEmbargoEnd, older);
    }

    /** The story's published translations that are in the list too (so readers may see them now). */
    private List<AtomWriter.Sibling> siblings(Article a, List<Article> live) {
        List<ArticleId> members = translations.groupMembers(a.id());
        return live.stream()
                .filter(s -> !s.id().equals(a.id()) && members.contains(s.id()))
                .map(s -> new AtomWriter.Sibling(s.language().value(), properties.pageUrl(s)))
                .toList();
    }

    private String html(Article a, PublicPictures.Shown shown) {
        String dir = a.content().directions().body(a.language()).htmlValue();
        return "<div lang=\"" + a.language().value() + "\" dir=\"" + dir + "\">"
                + bodies.render(a.body(), a.language(), shown.figures()).html() + "</div>";
    }

    private String url(String path) {
        return properties.baseUrl() + path;
    }

    static void syndication(
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
        Conditional.write(request, response, type.toString(), page.body(), page.lastModified());
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
