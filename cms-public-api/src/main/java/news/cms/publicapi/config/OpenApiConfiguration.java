package news.cms.publicapi.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.StoryCursor;
import news.cms.publicapi.access.ApiKeyFilter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}). The
 * document says what is really served, and {@code OpenApiContractIT} holds it to that: each route's
 * parameters with their bounds, each status with its headers and, for errors, the problem types it
 * carries. Springdoc finds the routes; their contract is written here, in one place, since most of
 * it (problem types, validators, rate limits) is not in the controllers' signatures.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PARTNER_KEY = "partnerKey";
    private static final String IPTC = "http://www.iptc.org/std/ninjs/ninjs-schema_";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final List<String> INVALID_KEY = List.of("api-key-invalid", "api-key-revoked", "api-key-expired");
    private static final List<String> REFUSED_EARLY = List.of("invalid-header", "bad-request", "request-rejected");
    /**
     * What any /v1 route may meet: the database down (a partner key seen for the first time is
     * looked up there, and most routes read it) or the bulkhead full ({@code ConcurrencyLimitFilter}).
     */
    private static final List<String> DATABASE_DOWN = List.of("database-unavailable", "overloaded");

    @Bean
    OpenAPI publicApi() {
        return new OpenAPI()
                .info(new Info().title("Newsroom CMS public API").version("v1").description("""
                                Published stories in English, Arabic, Sorani Kurdish and Turkish as IPTC ninjs \
                                (2.2 by default, 3.1 with ?ninjs=3.1), a change feed with cursors, Atom, JSON \
                                Feed and search. Articles, search, Atom and JSON Feed are open (a partner key is \
                                optional; with the EMBARGOED scope it shows embargoed stories); the change feed \
                                needs a key with the FEED scope. Every answer carries RateLimit-* headers; \
                                every error is an RFC 9457 problem whose type starts with %s.""".formatted(
                                Problems.TYPE_BASE)))
                .components(components());
    }

    private static Components components() {
        Components c = new Components()
                .addSecuritySchemes(
                        PARTNER_KEY,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name(ApiKeyFilter.HEADER)
                                .description("A partner key issued by the newsroom's admin, with scopes: "
                                        + PartnerScope.FEED + " (the change feed) and " + PartnerScope.EMBARGOED
                                        + " (stories before their embargo ends)."));
        c.addSchemas("Ninjs22", new JsonSchema().$ref(IPTC + "2.2.json").description("IPTC ninjs 2.2"));
        c.addSchemas("Ninjs31", new JsonSchema().$ref(IPTC + "3.1.json").description("IPTC ninjs 3.1"));
        c.addSchemas("Ninjs", new JsonSchema().oneOf(List.<Schema>of(ref("Ninjs22"), ref("Ninjs31"))));
        c.addSchemas(
                "Problem",
                object(Map.of(
                                "type", string().format("uri"),
                                "title", string(),
                                "status", integer(400, 599),
                                "detail", string(),
                                "requestId", string().description("the request's X-Request-Id, as in the logs")))
                        .required(List.of("type", "title", "status", "detail"))
                        .description("RFC 9457 problem details; some types add members (e.g. killNotice, parameter)."));
        c.addSchemas(
                "FeedEntry",
                object(Map.of(
                                "sequence",
                                integer(1, null),
                                "action",
                                enumOf(
                                        "publish",
                                        "go-live",
                                        "update",
                                        "correct",
                                        "unpublish",
                                        "kill",
                                        "embargo",
                                        "embargo-lifted"),
                                "uri",
                                string(),
                                "version",
                                integer(1, null),
                                "time",
                                string().format("date-time"),
                                "language",
                                string(),
                                "translationGroup",
                                string().format("uuid")
                                        .description("the id shared by the story's language versions (docs/adr/0019);"
                                                + " absent when it has none"),
                                "killNotice",
                                string(),
                                "item",
                                ref("Ninjs")))
                        .required(List.of("sequence", "action", "uri", "version", "time", "language", "item")));
        c.addSchemas(
                "FeedPage",
                object(Map.of(
                                "entries",
                                        new JsonSchema().types(Set.of("array")).items(ref("FeedEntry")),
                                "next", string().description("the cursor to poll with next"),
                                "limit", integer(1, 200)))
                        .required(List.of("entries", "next", "limit")));
        c.addSchemas(
                "SearchResult",
                object(Map.of(
                                "id", string().format("uuid"),
                                "language", string(),
                                "headline", string(),
                                "snippet", string(),
                                "published", string().format("date-time"),
                                "story",
                                        string().description("collapse=translation only: the story's translation"
                                                + " group id, or the article's own id when it has no translations"),
                                "translations",
                                        new JsonSchema()
                                                .types(Set.of("array"))
                                                .items(ref("SearchTranslation"))
                                                .description("collapse=translation only: the story's other language"
                                                        + " versions readers may see now, the original first")))
                        .required(List.of("id", "language", "headline", "snippet", "published")));
        c.addSchemas(
                "SearchTranslation",
                object(Map.of(
                                "id", string().format("uuid"),
                                "language", string().description("BCP 47"),
                                "headline", string(),
                                "uri", string().description("the version's ninjs uri")))
                        .required(List.of("id", "language", "headline", "uri")));
        c.addSchemas(
                "SearchResults",
                object(Map.of(
                                "items", new JsonSchema().types(Set.of("array")).items(ref("SearchResult")),
                                "next", new JsonSchema().types(Set.of("string", "null"))))
                        .required(List.of("items")));
        c.addSchemas(
                "Translation",
                object(Map.of(
                                "uri", string(),
                                "id", string().format("uuid"),
                                "language", string().description("BCP 47"),
                                "headline", string(),
                                "rel",
                                        string()._const("alternate")
                                                .description("IANA link relation: a translation of the article"
                                                        + " (docs/adr/0019); the same in ninjs 3.1 associations"),
                                "href", string().description("the sibling's own /v1/articles path")))
                        .required(List.of("uri", "id", "language", "headline", "rel", "href")));
        c.addSchemas(
                "Translations",
                object(Map.of(
                                "uri", string().description("the article's ninjs uri"),
                                "translations",
                                        new JsonSchema().types(Set.of("array")).items(ref("Translation"))))
                        .required(List.of("uri", "translations")));
        c.addSchemas(
                "JsonFeed",
                object(Map.of(
                                "version", string()._const("https://jsonfeed.org/version/1.1"),
                                "title", string(),
                                "home_page_url", string().format("uri"),
                                "feed_url", string().format("uri"),
                                "items",
                                        new JsonSchema()
                                                .types(Set.of("array"))
                                                .items(new JsonSchema().types(Set.of("object")))))
                        .required(List.of("version", "title", "items"))
                        .description("JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)"));
        header(
                c,
                "ETag",
                "The strong validator of the bytes sent; a gzip-encoded answer (Accept-Encoding: gzip) has its own,"
                        + " ending in -gzip. Send it back in If-None-Match with the same Accept-Encoding.");
        header(c, "Last-Modified", "Never older than a change the representation reflects.");
        header(
                c,
                "Cache-Control",
                "no-cache (public, or private for a partner's view); no-store for embargoed stories.");
        header(c, "RateLimit-Limit", "Requests a minute for this key (or, without one, this address).");
        header(c, "RateLimit-Remaining", "Requests left in the window.");
        header(c, "RateLimit-Reset", "Seconds until the window has room again.");
        header(c, "RateLimit-Policy", "The limit and its window, e.g. 120;w=60.");
        header(c, "Retry-After", "Seconds to wait before trying again.");
        header(c, "WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        return c;
    }

    /** Each route's contract; a route springdoc found but this does not describe keeps springdoc's guess. */
    @Bean
    OpenApiCustomizer contract() {
        return api -> {
            api.setSecurity(null); // a key is needed only where an operation says so
            describe(api, "/v1/articles/{id}", op -> {
                op.summary("One article as ninjs")
                        .description("A published article by its id or ninjs uri. Unpublished and embargoed stories"
                                + " are 404 (embargoed ones are 200 for a key with the EMBARGOED scope); killed"
                                + " ones are 410 with the kill notice and never the text.")
                        .parameters(List.of(
                                new Parameter()
                                        .in("path")
                                        .name("id")
                                        .required(true)
                                        .description("a lowercase UUID, or urn:newsroom-cms:article: and one")
                                        .schema(string().pattern("^(urn:newsroom-cms:article:)?" + UUID_PATTERN + "$")),
                                ninjs()));
                return responses(
                        ok(validated(content(ref("Ninjs"), "application/json", "application/ninjs+json"), true)),
                        notModified(true),
                        problem(400, "Malformed request", cat(List.of("invalid-article-id", "invalid-parameter"))),
                        problem(401, "Invalid key", INVALID_KEY),
                        problem(404, "No such readable article", List.of("article-not-found")),
                        problem(406, "Neither JSON nor ninjs+json is acceptable", List.of("not-acceptable")),
                        problem(410, "Killed", List.of("article-killed")),
                        problem(412, "If-Match or If-Unmodified-Since failed", List.of("precondition-failed")),
                        tooMany(),
                        unavailable(DATABASE_DOWN));
            });
            describe(api, "/v1/media/{id}/{rendition}", op -> {
                op.summary("One rendition of a picture")
                        .description("The bytes of a rendition (thumbnail, view, base, wide, or as configured) of a"
                                + " picture that a live story shows, as the href of a ninjs rendition names it;"
                                + " the ?v= there is a cache key only. Immutable: Cache-Control public,"
                                + " max-age=31536000, immutable, and a strong ETag (the SHA-256 of the bytes)."
                                + " Originals, unknown pictures or renditions, and pictures of stories that are not"
                                + " readable (drafts, unpublished, killed; embargoed for callers without the"
                                + " EMBARGOED scope) are 404.")
                        .parameters(List.of(
                                new Parameter()
                                        .in("path")
                                        .name("id")
                                        .required(true)
                                        .description("the picture's lowercase UUID")
                                        .schema(string().pattern("^" + UUID_PATTERN + "$")),
                                new Parameter()
                                        .in("path")
                                        .name("rendition")
                                        .required(true)
                                        .description("a rendition name")
                                        .schema(string().pattern("^[a-z][a-z0-9-]{0,31}$"))));
                Schema<Object> binary = string();
                binary.setContentMediaType("image/jpeg");
                return responses(
                        ok(validated(content(binary, "image/jpeg"), false)),
                        notModified(false),
                        problem(401, "Invalid key", INVALID_KEY),
                        problem(404, "No such public rendition", List.of("media-not-found")),
                        problem(412, "If-Match failed", List.of("precondition-failed")),
                        tooMany(),
                        unavailable(cat(DATABASE_DOWN, List.of("media-store-unavailable"))));
            });
            describe(api, "/v1/articles/{id}/translations", op -> {
                op.summary("An article's published translations")
                        .description("The other language versions of the story that readers may see now, as its"
                                + " ninjs associations list them (rel alternate in 3.1). The article answers as in"
                                + " /v1/articles/{id}: 404 unless readable by this caller, 410 when killed.")
                        .parameters(List.of(new Parameter()
                                .in("path")
                                .name("id")
                                .required(true)
                                .description("a lowercase UUID, or urn:newsroom-cms:article: and one")
                                .schema(string().pattern("^(urn:newsroom-cms:article:)?" + UUID_PATTERN + "$"))));
                return responses(
                        ok(validated(content(ref("Translations"), "application/json"), true)),
                        notModified(true),
                        problem(400, "Malformed request", List.of("invalid-article-id")),
                        problem(401, "Invalid key", INVALID_KEY),
                        problem(404, "No such readable article", List.of("article-not-found")),
                        problem(406, "JSON is not acceptable", List.of("not-acceptable")),
                        problem(410, "Killed", List.of("article-killed")),
                        problem(412, "If-Match or If-Unmodified-Since failed", List.of("precondition-failed")),
                        tooMany(),
                        unavailable(DATABASE_DOWN));
            });
            describe(api, "/v1/feed", op -> {
                op.summary("Every public change, in commit order")
                        .description("Keyset pages behind a signed cursor; poll with next. Needs a key with the FEED"
                                + " scope; with EMBARGOED, entries carry stories still under embargo.")
                        .security(List.of(new SecurityRequirement().addList(PARTNER_KEY, PartnerScope.FEED.name())))
                        .parameters(List.of(
                                new Parameter()
                                        .in("query")
                                        .name("cursor")
                                        .description("the next value of the previous page; none for the start;"
                                                + " now for the head (only changes from now on)")
                                        .schema(string().maxLength(200)),
                                new Parameter()
                                        .in("query")
                                        .name("limit")
                                        .description("entries a page")
                                        .schema(integer(1, 200)._default(50)),
                                new Parameter()
                                        .in("query")
                                        .name("since")
                                        .description("start at the first change at or after this RFC 3339 time;"
                                                + " not with cursor")
                                        .schema(string().format("date-time")),
                                new Parameter()
                                        .in("query")
                                        .name("lang")
                                        .description("only stories in these languages (BCP 47, repeated or"
                                                + " comma-separated; en-GB is en)")
                                        .schema(new JsonSchema()
                                                .types(Set.of("array"))
                                                .items(string())),
                                new Parameter()
                                        .in("query")
                                        .name("section")
                                        .description("only stories in this section")
                                        .schema(string().maxLength(100)),
                                ninjs()));
                return responses(
                        ok(validated(content(ref("FeedPage"), "application/json"), true)),
                        notModified(true),
                        problem(
                                400,
                                "Malformed request",
                                cat(List.of("invalid-cursor", "invalid-limit", "invalid-since", "invalid-parameter"))),
                        problem(401, "No key, or an invalid one", cat(List.of("api-key-required"), INVALID_KEY)),
                        problem(403, "The key lacks the FEED scope", List.of("scope-missing")),
                        problem(406, "JSON is not acceptable", List.of("not-acceptable")),
                        problem(412, "If-Match or If-Unmodified-Since failed", List.of("precondition-failed")),
                        tooMany(),
                        unavailable(DATABASE_DOWN));
            });
            PathItem replayItem = api.getPaths() == null ? null : api.getPaths().get("/v1/push/replay");
            if (replayItem != null && replayItem.getPost() != null) {
                Map<String, Schema<?>> fields = new LinkedHashMap<>();
                fields.put("fromSequence", integer(1, null).description("this feed position and every later one"));
                fields.put("since", string().format("date-time").description("from the first change at or after"));
                Map<String, Schema<?>> queued = new LinkedHashMap<>();
                queued.put("subscription", string().format("uuid"));
                queued.put("fromSequence", integer(1, null));
                queued.put("queued", integer(0, null));
                ApiResponse accepted = new ApiResponse()
                        .description("Queued: the worker sends them again, each with its webhook-id")
                        .content(content(object(queued), "application/json"));
                rateLimits(accepted);
                replayItem
                        .getPost()
                        .summary("Replay my push subscription")
                        .description(
                                "Delivers again, to the push subscription linked to the key, every entry from"
                                        + " fromSequence on or from the time since (exactly one of them). Needs the FEED scope.")
                        .security(List.of(new SecurityRequirement().addList(PARTNER_KEY, PartnerScope.FEED.name())))
                        .requestBody(new io.swagger.v3.oas.models.parameters.RequestBody()
                                .required(true)
                                .content(content(object(fields), "application/json")))
                        .responses(responses(
                                Map.entry("202", accepted),
                                problem(400, "Malformed body", List.of("invalid-body")),
                                problem(
                                        401,
                                        "No key, or an invalid one",
                                        cat(List.of("api-key-required"), INVALID_KEY)),
                                problem(403, "The key lacks the FEED scope", List.of("scope-missing")),
                                problem(
                                        404,
                                        "No subscription linked to the key",
                                        List.of("push-subscription-not-linked")),
                                problem(409, "The subscription is disabled", List.of("push-subscription-disabled")),
                                tooMany(),
                                unavailable(DATABASE_DOWN)));
            }
            for (String[] feed : new String[][] {
                {"/v1/feed.atom", "application/atom+xml", "Atom 1.0"},
                {"/v1/feed.json", "application/feed+json", "JSON Feed 1.1"}
            }) {
                describe(api, feed[0], op -> {
                    boolean atom = feed[0].endsWith(".atom");
                    op.summary("The latest live stories as " + feed[2])
                            .parameters(
                                    atom
                                            ? List.of(
                                                    new Parameter()
                                                            .in("query")
                                                            .name("lang")
                                                            .description("only stories in this one language"
                                                                    + " (BCP 47; en-GB is en)")
                                                            .schema(string().maxLength(35)),
                                                    new Parameter()
                                                            .in("query")
                                                            .name("before")
                                                            .description("an archive page (RFC 5005): the value of"
                                                                    + " the prev-archive link")
                                                            .schema(string().maxLength(200)))
                                            : List.of());
                    Schema<?> body = atom ? string() : ref("JsonFeed");
                    return responses(
                            ok(validated(content(body, feed[1]), true)),
                            notModified(true),
                            problem(
                                    400,
                                    "Malformed request",
                                    atom ? List.of("invalid-parameter", "invalid-cursor") : List.of()),
                            problem(401, "Invalid key", INVALID_KEY),
                            problem(412, "If-Match or If-Unmodified-Since failed", List.of("precondition-failed")),
                            tooMany(),
                            unavailable(DATABASE_DOWN));
                });
            }
            describe(api, "/v1/search", op -> {
                op.summary("Full-text search of published stories")
                        .description("Words, never query syntax. lang takes a BCP 47 tag and searches its language:"
                                + " en-GB and en-Latn find en stories. With collapse=translation the language"
                                + " versions of one story (docs/adr/0019) are one hit, searched in every language:"
                                + " the hit is the version in lang, which is then a preference and not a filter,"
                                + " or else in the first language of the Accept-Language header that the story"
                                + " has (the response then varies on Accept-Language), or else the story's"
                                + " original; its other versions are listed in translations. Collapsed results"
                                + " page by their own cursor, over the first "
                                + (StoryCursor.MAX_OFFSET + SearchQuery.MAX_LIMIT)
                                + " stories; a malformed Accept-Language is an invalid-header problem.")
                        .parameters(List.of(
                                new Parameter()
                                        .in("query")
                                        .name("q")
                                        .required(true)
                                        .schema(string().minLength(1).maxLength(SearchQuery.MAX_TEXT)),
                                new Parameter()
                                        .in("query")
                                        .name("lang")
                                        .description("BCP 47; a region or script is dropped")
                                        .schema(string().maxLength(35)),
                                new Parameter().in("query").name("section").schema(string().maxLength(100)),
                                new Parameter()
                                        .in("query")
                                        .name("from")
                                        .description("first day of publication (UTC), 1900-01-01 to 2200-12-31")
                                        .schema(string().format("date")),
                                new Parameter()
                                        .in("query")
                                        .name("to")
                                        .description("last day of publication (UTC), 1900-01-01 to 2200-12-31")
                                        .schema(string().format("date")),
                                new Parameter()
                                        .in("query")
                                        .name("cursor")
                                        .description("the next value of the previous page")
                                        .schema(string()),
                                new Parameter()
                                        .in("query")
                                        .name("limit")
                                        .schema(integer(1, SearchQuery.MAX_LIMIT)
                                                ._default(20)),
                                new Parameter()
                                        .in("query")
                                        .name("collapse")
                                        .description("translation: one hit per story, in the reader's language;"
                                                + " any other value is an invalid-parameter problem")
                                        .schema(enumOf("translation"))));
                return responses(
                        ok(validated(content(ref("SearchResults"), "application/json"), false)),
                        notModified(false),
                        problem(400, "Malformed request", List.of("invalid-parameter", "invalid-header")),
                        problem(401, "Invalid key", INVALID_KEY),
                        problem(406, "JSON is not acceptable", List.of("not-acceptable")),
                        problem(412, "If-Match failed", List.of("precondition-failed")),
                        tooMany(),
                        unavailable(cat(List.of("search-unavailable"), DATABASE_DOWN)));
            });
        };
    }

    private interface Contract {
        ApiResponses describe(Operation get);
    }

    private static void describe(OpenAPI api, String path, Contract contract) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        if (item != null && item.getGet() != null) {
            item.getGet().setResponses(contract.describe(item.getGet()));
        }
    }

    private static Parameter ninjs() {
        return new Parameter()
                .in("query")
                .name("ninjs")
                .description("the ninjs version; an Accept profile naming the schema also chooses")
                .schema(enumOf("2.2", "3.1")._default("2.2"));
    }

    @SafeVarargs
    private static ApiResponses responses(Map.Entry<String, ApiResponse>... entries) {
        ApiResponses responses = new ApiResponses();
        for (var e : entries) {
            responses.addApiResponse(e.getKey(), e.getValue());
        }
        return responses;
    }

    private static Map.Entry<String, ApiResponse> ok(ApiResponse response) {
        return Map.entry("200", response.description("OK"));
    }

    private static ApiResponse validated(Content content, boolean lastModified) {
        ApiResponse r = new ApiResponse().content(content);
        headers(r, lastModified);
        return r;
    }

    private static Map.Entry<String, ApiResponse> notModified(boolean lastModified) {
        ApiResponse r = new ApiResponse()
                .description("Not modified: If-None-Match (also *) or, without it, If-Modified-Since matched");
        headers(r, lastModified);
        return Map.entry("304", r);
    }

    private static void headers(ApiResponse r, boolean lastModified) {
        r.addHeaderObject("ETag", headerRef("ETag"));
        if (lastModified) {
            r.addHeaderObject("Last-Modified", headerRef("Last-Modified"));
        }
        r.addHeaderObject("Cache-Control", headerRef("Cache-Control"));
        rateLimits(r);
    }

    private static void rateLimits(ApiResponse r) {
        for (String h : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")) {
            r.addHeaderObject(h, headerRef(h));
        }
    }

    private static Map.Entry<String, ApiResponse> tooMany() {
        Map.Entry<String, ApiResponse> e = problem(429, "Over the rate limit", List.of("rate-limited"));
        rateLimits(e.getValue());
        e.getValue().addHeaderObject("Retry-After", headerRef("Retry-After"));
        return e;
    }

    /**
     * An engine the route needs is down, frozen or failing fast, or the bulkhead is full: 503 at once
     * with Retry-After instead of a hang (ADR 0013). Cached representations are still served (200),
     * so a client sees this only for what has to be read afresh.
     */
    private static Map.Entry<String, ApiResponse> unavailable(List<String> types) {
        Map.Entry<String, ApiResponse> e =
                problem(503, "Unavailable for a moment: an engine it needs is down, or the API is at capacity", types);
        e.getValue().addHeaderObject("Retry-After", headerRef("Retry-After"));
        return e;
    }

    /** An error response: a problem whose type is one of these (plus those anything may meet before MVC). */
    private static Map.Entry<String, ApiResponse> problem(int status, String description, List<String> types) {
        List<String> all = new ArrayList<>(types);
        if (status == 400) {
            all.addAll(REFUSED_EARLY);
        }
        List<String> uris = all.stream().map(t -> Problems.TYPE_BASE + t).toList();
        Map<String, Schema> typeOnly = new LinkedHashMap<>();
        typeOnly.put("type", enumOf(uris.toArray(String[]::new)));
        Schema<?> schema =
                new JsonSchema().allOf(List.<Schema>of(ref("Problem"), new JsonSchema().properties(typeOnly)));
        ApiResponse r = new ApiResponse()
                .description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)));
        if (status == 401) {
            r.addHeaderObject("WWW-Authenticate", headerRef("WWW-Authenticate"));
        }
        return Map.entry(Integer.toString(status), r);
    }

    private static Content content(Schema<?> schema, String... types) {
        Content content = new Content();
        for (String t : types) {
            content.addMediaType(t, new MediaType().schema(schema));
        }
        return content;
    }

    @SafeVarargs
    private static List<String> cat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static void header(Components c, String name, String description) {
        c.addHeaders(name, new Header().description(description).schema(string()));
    }

    private static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static Schema<?> ref(String name) {
        return new JsonSchema().$ref("#/components/schemas/" + name);
    }

    private static Schema<Object> string() {
        return new JsonSchema().types(Set.of("string"));
    }

    private static Schema<Object> enumOf(String... values) {
        Schema<Object> s = string();
        s.setEnum(new ArrayList<Object>(List.of(values)));
        return s;
    }

    private static Schema<Object> integer(int min, Integer max) {
        Schema<Object> s = new JsonSchema().types(Set.of("integer")).minimum(BigDecimal.valueOf(min));
        return max == null ? s : s.maximum(BigDecimal.valueOf(max));
    }

    private static Schema<Object> object(Map<String, Schema<?>> properties) {
        Map<String, Schema> ordered = new java.util.TreeMap<>(properties);
        return new JsonSchema().types(Set.of("object")).properties(ordered);
    }
}
