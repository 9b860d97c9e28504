package news.cms.core.search.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.availability.CircuitBreaker;
import news.cms.core.availability.Outages;
import news.cms.core.body.BodyRenderer;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.SearchCursor;
import news.cms.core.search.SearchHit;
import news.cms.core.search.SearchProperties;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.SearchResults;
import news.cms.core.search.SearchUnavailable;
import news.cms.core.search.StoryCursor;
import news.cms.core.search.StoryHit;
import news.cms.core.search.StoryResults;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationService;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The articles index: one text field per language and part (headline, standfirst, body), each with
 * its language's analyzer, behind an alias so that a rebuild can swap indices.
 */
@Component
public class ArticleIndex {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private static final Set<String> ANALYZED_LANGUAGES = Set.of("en", "ar", "ckb", "tr");
    /** Field suffixes with a {@code .folded} sub-field in articles-index.json ("*": any of them). */
    private static final Set<String> FOLDED = Set.of("tr", "ar", "ckb", "*");

    private static final String MARK_OPEN = "\uE000";
    private static final String MARK_CLOSE = "\uE001";

    private final ElasticsearchClient client;
    /** The same client with the short timeouts of a reader's or an editor's query. */
    private final ElasticsearchClient queries;

    private final Duration queryTimeout;
    private final CircuitBreaker breaker;
    private final BodyRenderer bodies;
    private final String alias;
    private final TranslationService translations;
    private volatile boolean exists;

    ArticleIndex(
            ElasticsearchClient client,
            SearchProperties properties,
            BodyRenderer bodies,
            Outages outages,
            TranslationService translations) {
        this.client = client;
        this.translations = translations;
        this.queries = client.withTransportOptions(shortTimeouts(client, properties.queryTimeout()));
        this.queryTimeout = properties.queryTimeout();
        this.breaker = outages.search();
        this.bodies = bodies;
        this.alias = properties.index();
    }

    /** The client's own options, with every wait of a request bounded by {@code timeout}. */
    static Rest5ClientOptions shortTimeouts(ElasticsearchClient client, Duration timeout) {
        TransportOptions current = client._transportOptions();
        Rest5ClientOptions.Builder options = current == null
                ? new Rest5ClientOptions(RequestOptions.DEFAULT, false).toBuilder()
                : Rest5ClientOptions.of(current).toBuilder();
        Timeout wait = Timeout.ofMilliseconds(timeout.toMillis());
        options.restClientRequestOptionsBuilder()
                .setRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(wait)
                        .setResponseTimeout(wait)
                        .build());
        return options.build();
    }

    /** Bumped whenever articles-index.json changes: an index of another version is replaced and refilled. */
    static final String MAPPING_VERSION = "v5";

    /**
     * Makes sure the alias points at an index with the current mapping; safe when several apps
     * start at once.
     *
     * @return true when a new, empty index was created and needs filling from PostgreSQL
     */
    public boolean ensureExists() {
        String concrete = alias + "-" + MAPPING_VERSION;
        try {
            Set<String> current = client.indices()
                            .existsAlias(a -> a.name(alias))
                            .value()
                    ? client.indices().getAlias(a -> a.name(alias)).aliases().keySet()
                    : Set.of();
            if (current.contains(concrete)) {
                exists = true;
                return false;
            }
            boolean created = create(concrete);
            client.indices().updateAliases(u -> {
                u.actions(a -> a.add(add -> add.index(concrete).alias(alias)));
                current.forEach(old -> u.actions(a -> a.removeIndex(r -> r.index(old))));
                return u;
            });
            exists = true;
            log.info("search index {} is now behind alias {} (replaced: {})", concrete, alias, current);
            return created || !current.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean create(String index) throws IOException {
        try (InputStream mapping = ArticleIndex.class.getResourceAsStream("/search/articles-index.json")) {
            client.indices().create(c -> c.index(index).withJson(mapping));
            return true;
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }

    /** Drops every document: deletes the indices behind the alias and creates an empty one. */
    public void recreate() {
        exists = false;
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                var indices =
                        client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
                for (String index : indices) {
                    client.indices().delete(d -> d.index(index));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ensureExists();
    }

    /**
     * Stores the article unless the index already holds a newer version of it (external versioning),
     * so that an event handled late never overwrites a newer document. The same version is written
     * again: what is stored is read from PostgreSQL when written, and a version's translation group
     * can change (its first translation makes one) without the article changing.
     */
    public void put(Article article) {
        writable(article.id());
        if (!exists) {
            ensureExists();
        }
        try {
            // require_alias: a write that lands while the alias is being replaced fails and is retried
            // from the outbox, instead of auto-creating a concrete index under the alias's name
            // (which then blocks the alias and leaves search on a dynamic mapping).
            client.index(i -> i.index(alias)
                    .requireAlias(true)
                    .id(article.id().toString())
                    .version(article.version())
                    .versionType(VersionType.ExternalGte)
                    .document(document(article)));
            breaker.succeeded();
        } catch (ElasticsearchException e) {
            written(e);
            if ("version_conflict_engine_exception".equals(e.error().type())) {
                log.debug(
                        "search index already has article {} at a version newer than {}",
                        article.id(),
                        article.version());
                return;
            }
            throw e;
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    /**
     * Refuses a write at once while the engine is known to be down (the breaker the queries share
     * is open): the outbox delivers the event again later, and meanwhile a frozen engine does not
     * hold the shared event threads for a whole timeout per write (1,000 publishes during a freeze
     * queued behind eight threads waiting 10 s each, and held back the other listeners and the
     * catch-up after the engine returned).
     */
    private void writable(ArticleId id) {
        if (!breaker.allows()) {
            throw new SearchUnavailable(
                    "the search engine is down: writing article " + id + " waits", breaker.retryAfter(), null);
        }
    }

    /** An answer from the engine: a refusal below 500 is not an outage. */
    private void written(ElasticsearchException e) {
        if (e.status() < 500) {
            breaker.succeeded();
        } else {
            breaker.failed();
        }
    }

    /** No answer, or a transport failure: the engine is not answering. */
    private UncheckedIOException unwritable(IOException e) {
        breaker.failed();
        return new UncheckedIOException(e);
    }

    /**
     * Removes the article (unpublished, killed…); the external version keeps a late, older index
     * request from bringing it back.
     */
    public void remove(ArticleId id, long version) {
        writable(id);
        if (!exists) {
            ensureExists();
        }
        try {
            // A delete has no require_alias, and auto-creates a missing index: refuse it while the
            // alias is gone (the outbox retries), as put does through require_alias.
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                throw new IllegalStateException("search alias " + alias + " is missing: removal of " + id + " waits");
            }
            client.delete(d -> d.index(alias).id(id.toString()).version(version).versionType(VersionType.External));
            breaker.succeeded();
        } catch (ElasticsearchException e) {
            written(e);
            if (!"version_conflict_engine_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    /** Makes recent writes visible to search at once; tests and rebuilds use it. */
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(alias));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws SearchUnavailable when the engine does not answer within the query timeout, fails, or
     *     failed repeatedly just before (its breaker is open)
     */
    public SearchResults search(SearchQuery query) {
        if (!breaker.allows()) {
            throw new SearchUnavailable(
                    "the search engine failed repeatedly; searches are refused for a moment",
                    breaker.retryAfter(),
                    null);
        }
        SearchResponse<Map> response;
        try {
            response = execute(request(alias, query));
        } catch (IndexMissing e) {
            return new SearchResults(List.of(), null);
        }
        return results(response, query);
    }

    /**
     * One page of stories: translation groups collapsed on the {@code story} field (each group's
     * best match stands for it), then every searchable version of the page's stories in one more
     * request, from which the reader's language is chosen.
     */
    public StoryResults searchStories(SearchQuery query, List<String> preferred, @Nullable StoryCursor after) {
        if (!breaker.allows()) {
            throw new SearchUnavailable(
                    "the search engine failed repeatedly; searches are refused for a moment",
                    breaker.retryAfter(),
                    null);
        }
        int offset = after == null ? 0 : after.offset();
        SearchQuery everyLanguage =
                new SearchQuery(query.text(), null, query.section(), query.from(), query.to(), null, query.limit());
        try {
            SearchResponse<Map> stories = execute(storiesRequest(alias, everyLanguage, offset));
            List<String> keys = new ArrayList<>();
            Map<String, String> bestMatch = new LinkedHashMap<>();
            for (Hit<Map> hit : stories.hits().hits()) {
                String key = String.valueOf(hit.source().get("story"));
                keys.add(key);
                bestMatch.put(key, hit.id());
            }
            if (keys.isEmpty()) {
                return new StoryResults(List.of(), null);
            }
            SearchResponse<Map> versions = execute(versionsRequest(alias, everyLanguage, keys));
            Map<String, List<Version>> byStory = new LinkedHashMap<>();
            for (Hit<Map> hit : versions.hits().hits()) {
                Map<?, ?> source = hit.source();
                byStory.computeIfAbsent(String.valueOf(source.get("story")), k -> new ArrayList<>())
                        .add(new Version(toHit(hit), Boolean.TRUE.equals(source.get("original"))));
            }
            List<StoryHit> hits = new ArrayList<>();
            for (String key : keys) {
                List<Version> group = byStory.getOrDefault(key, List.of());
                if (!group.isEmpty()) {
                    hits.add(story(key, group, preferred, bestMatch.get(key)));
                }
            }
            int next = offset + query.limit();
            return new StoryResults(
                    hits,
                    keys.size() == query.limit() && next <= StoryCursor.MAX_OFFSET ? new StoryCursor(next) : null);
        } catch (IndexMissing e) {
            return new StoryResults(List.of(), null);
        }
    }

    /** A version of a story as found, and whether it is the group's original. */
    private record Version(SearchHit hit, boolean original) {}

    /** The reader's language if the story has it, else the original, else the best match. */
    private static StoryHit story(String key, List<Version> group, List<String> preferred, @Nullable String best) {
        Version chosen = null;
        for (String language : preferred) {
            chosen = group.stream()
                    .filter(v -> v.hit().language().primary().equals(language))
                    .findFirst()
                    .orElse(null);
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            chosen = group.stream().filter(Version::original).findFirst().orElse(null);
        }
        if (chosen == null) {
            chosen = group.stream()
                    .filter(v -> v.hit().id().toString().equals(best))
                    .findFirst()
                    .orElse(group.getFirst());
        }
        Version shown = chosen;
        List<SearchHit> others = group.stream()
                .filter(v -> v != shown)
                .sorted(Comparator.comparing((Version v) -> !v.original())
                        .thenComparing(v -> v.hit().language().value()))
                .map(Version::hit)
                .toList();
        return new StoryHit(key, shown.hit(), others);
    }

    /**
     * Runs a query within the query timeout, through the breaker.
     *
     * @throws IndexMissing when nothing was ever indexed
     */
    private SearchResponse<Map> execute(SearchRequest request) {
        SearchResponse<Map> response;
        try {
            // A deadline of our own as well: the client's request timeouts alone did not end a wait on
            // a frozen engine before its 10 s. The abandoned call ends on its own, on a virtual thread.
            CompletableFuture<SearchResponse<Map>> call = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return queries.search(request, Map.class);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    QUERY_THREADS);
            response = call.get(queryTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        breaker.succeeded();
        return response;
    }

    private static final Executor QUERY_THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private RuntimeException failure(Throwable cause) {
        if (cause instanceof ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                breaker.succeeded();
                return new IndexMissing(); // nothing indexed yet
            }
            if (e.status() < 500) {
                breaker.succeeded(); // the engine answered: a query it refused is not an outage
                return e;
            }
        }
        // Connection refused or reset, a timeout, a transport failure: the engine is not answering.
        return unavailable(cause instanceof Exception e ? e : new RuntimeException(cause));
    }

    /** The alias has no index yet: a search finds nothing. */
    private static final class IndexMissing extends RuntimeException {
        IndexMissing() {
            super(null, null, false, false);
        }
    }

    private SearchResults results(SearchResponse<Map> response, SearchQuery query) {
        List<SearchHit> hits = new ArrayList<>();
        SearchCursor last = null;
        for (Hit<Map> hit : response.hits().hits()) {
            hits.add(toHit(hit));
            List<FieldValue> sort = hit.sort();
            last = new SearchCursor(
                    sort.get(0).doubleValue(),
                    sort.get(1).longValue(),
                    sort.get(2).stringValue());
        }
        return new SearchResults(hits, hits.size() == query.limit() ? last : null);
    }

    private SearchUnavailable unavailable(Exception cause) {
        breaker.failed();
        log.warn("search failed: {}", cause.toString());
        return new SearchUnavailable(
                "the search engine did not answer: " + cause.getMessage(), breaker.retryAfter(), cause);
    }

    // Every searched field is highlighted (a folded sub-field marks the same words of the same text),
    // and the standfirst falls back to its opening, so that every hit shows a passage.
    private static List<NamedValue<HighlightField>> highlights(String suffix) {
        List<NamedValue<HighlightField>> fields = new ArrayList<>();
        for (String part : List.of("body_", "standfirst_", "headline_")) {
            for (String sub : subFields(suffix)) {
                String name = part + suffix + sub;
                fields.add(NamedValue.of(name, HighlightField.of(f -> {
                    if (part.equals("headline_")) {
                        return f.numberOfFragments(0);
                    }
                    f.fragmentSize(160).numberOfFragments(1);
                    return part.equals("standfirst_") && sub.isEmpty() ? f.noMatchSize(160) : f;
                })));
            }
        }
        return fields;
    }

    /**
     * The request for one page of a search: only sort values, field names of the mapping and the
     * query's own values, which {@link SearchQuery} has checked (SearchRequestFuzzTest).
     */
    static SearchRequest request(String index, SearchQuery query) {
        String suffix = query.language() == null ? "*" : fieldSuffix(query.language());
        return SearchRequest.of(s -> {
            s.index(index)
                    .size(query.limit())
                    .trackTotalHits(t -> t.enabled(false))
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                    .query(q -> q.bool(b -> filtered(b, query, suffix)))
                    .highlight(h -> h.preTags(MARK_OPEN)
                            .postTags(MARK_CLOSE)
                            .fields(highlights(suffix))
                            .requireFieldMatch(false));
            if (query.after() != null) {
                SearchCursor c = query.after();
                s.searchAfter(FieldValue.of(c.score()), FieldValue.of(c.publishedAtMillis()), FieldValue.of(c.id()));
            }
            return s;
        });
    }

    /** The page's stories: the best match of each translation group (or lone article), best first. */
    static SearchRequest storiesRequest(String index, SearchQuery query, int offset) {
        return SearchRequest.of(s -> s.index(index)
                .from(offset)
                .size(query.limit())
                .trackTotalHits(t -> t.enabled(false))
                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                .query(q -> q.bool(b -> filtered(b, query, "*")))
                .collapse(c -> c.field("story"))
                .source(src -> src.filter(f -> f.includes("story"))));
    }

    /** A group has at most one version per language: more than this many is not a real group. */
    static final int MAX_VERSIONS = 20;

    /**
     * Every version readers may see now of the given stories, matching the words or not (the
     * reader's language may not be the one that matched), highlighted where they match.
     */
    static SearchRequest versionsRequest(String index, SearchQuery query, List<String> stories) {
        List<FieldValue> keys = stories.stream().map(FieldValue::of).toList();
        return SearchRequest.of(s -> s.index(index)
                .size(Math.min(stories.size() * MAX_VERSIONS, 2_000))
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.terms(t -> t.field("story").terms(v -> v.value(keys))));
                    readableNow(b);
                    return b.should(m -> m.multiMatch(mm -> mm.query(query.text())
                            .type(TextQueryType.BestFields)
                            .fields(searched("*"))));
                }))
                .highlight(h -> h.preTags(MARK_OPEN)
                        .postTags(MARK_CLOSE)
                        .fields(highlights("*"))
                        .requireFieldMatch(false)));
    }

    /** Readers never see an embargoed story before its time. */
    private static void readableNow(BoolQuery.Builder b) {
        b.filter(f -> f.bool(e -> e.should(n -> n.bool(x -> x.mustNot(m -> m.exists(y -> y.field("embargo_until")))))
                .should(r -> r.range(x -> x.date(d -> d.field("embargo_until").lte("now"))))));
    }

    // Turkish, Arabic and Sorani have a folded sub-field (typing variants, ADR 0022); a search of
    // every language reaches them through the wildcard.
    private static List<String> searched(String suffix) {
        List<String> fields =
                new ArrayList<>(List.of("headline_" + suffix + "^3", "standfirst_" + suffix + "^2", "body_" + suffix));
        if (subFields(suffix).contains(".folded")) {
            // Turkish typed without its letters or dots (IZMIR, diyarbakir), Sorani typed on an Arabic
            // keyboard, Arabic hamza seats: ranked below the exact spelling.
            fields.addAll(List.of(
                    "headline_" + suffix + ".folded^2",
                    "standfirst_" + suffix + ".folded^1.5",
                    "body_" + suffix + ".folded^0.8"));
        }
        return fields;
    }

    private static List<String> subFields(String suffix) {
        return FOLDED.contains(suffix) ? List.of("", ".folded") : List.of("");
    }

    private static BoolQuery.Builder filtered(BoolQuery.Builder b, SearchQuery query, String suffix) {
        b.must(m -> m.multiMatch(
                mm -> mm.query(query.text()).type(TextQueryType.BestFields).fields(searched(suffix))));
        readableNow(b);
        if (query.language() != null) {
            b.filter(f -> f.term(t -> t.field("language").value(query.language().value())));
        }
        if (query.section() != null) {
            b.filter(f -> f.term(t -> t.field("section").value(query.section())));
        }
        if (query.from() != null || query.to() != null) {
            b.filter(f -> f.range(r -> r.date(d -> {
                d.field("published_at");
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.to() != null) {
                    d.lt(query.to().toString());
                }
                return d;
            })));
        }
        return b;
    }

    private static SearchHit toHit(Hit<Map> hit) {
        Map<?, ?> source = hit.source();
        // A passage with a match first (body, standfirst, headline), else the standfirst's opening.
        Map<String, List<String>> highlight = hit.highlight();
        String snippet = highlight.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(f -> f.contains(MARK_OPEN)))
                .sorted(Map.Entry.comparingByKey(ArticleIndex::partRank))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .or(() -> highlight.values().stream().flatMap(List::stream).findFirst())
                .map(ArticleIndex::escapeAndMark)
                .orElse("");
        return new SearchHit(
                ArticleId.parse(hit.id()),
                LanguageTag.of(String.valueOf(source.get("language"))),
                String.valueOf(source.get("headline")),
                snippet,
                Instant.parse(String.valueOf(source.get("published_at"))),
                hit.score() == null ? 0 : hit.score());
    }

    private static int partRank(String a, String b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(String field) {
        return field.startsWith("body") ? 0 : field.startsWith("standfirst") ? 1 : 2;
    }

    /** Escapes the stored text and only then turns the private-use markers into {@code <mark>}. */
    private static String escapeAndMark(String fragment) {
        return escape(fragment).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private Map<String, Object> document(Article a) {
        String suffix = fieldSuffix(a.language());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", a.id().toString());
        doc.put("language", a.language().value());
        doc.put("section", a.section());
        doc.put("slug", a.slug().value());
        doc.put("headline", a.headline());
        // The story a version belongs to, for collapsed searches: its translation group, or itself.
        Optional<Translation> place = translations.placeOf(a.id());
        doc.put("story", place.map(t -> t.group().toString()).orElse(a.id().toString()));
        doc.put("original", place.map(Translation::isOriginal).orElse(true));
        doc.put("published_at", String.valueOf(a.publishedAt()));
        doc.put(
                "embargo_until",
                a.embargoUntil() == null ? null : a.embargoUntil().toString());
        doc.put("headline_" + suffix, a.headline());
        doc.put("standfirst_" + suffix, a.standfirst());
        // Words, not Markdown: the index must not match link targets or markup.
        doc.put("body_" + suffix, bodies.render(a.body(), a.language()).plainText());
        return doc;
    }

    private static String fieldSuffix(LanguageTag language) {
        return ANALYZED_LANGUAGES.contains(language.primary()) ? language.primary() : "other";
    }
}
