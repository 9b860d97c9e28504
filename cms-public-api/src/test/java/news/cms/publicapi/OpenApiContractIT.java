package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.availability.CircuitBreaker;
import news.cms.core.availability.Outages;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaMother;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.config.ConcurrencyLimitFilter;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document says what is served: every route and its real parameters, security only
 * where a key is needed, bounds and enums, and every documented status is produced here by a real
 * request (the table below), with a problem type the document lists for it.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiContractIT {

    private static final String UNKNOWN_KEY = "cmsk_AAAAAAAA_" + "A".repeat(43);

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    MediaService pictures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Outages outages;

    @Autowired
    FilterRegistrationBean<ConcurrencyLimitFilter> bulkhead;

    /**
     * One request that produces a documented status; {@code repeat} 2 for a rate limit of 1; {@code
     * before} brings about what it needs (an engine down), undone after the request.
     */
    record Recipe(String target, int repeat, List<String> headers, Runnable before) {
        static Recipe of(String target, String... headers) {
            return new Recipe(target, 1, List.of(headers), () -> {});
        }

        Recipe after(Runnable setup) {
            return new Recipe(target, repeat, headers, setup);
        }
    }

    static final String REPLAY = "/v1/push/replay";

    /**
     * The recipe's request (repeated as it says) with what it needs brought about, then undone. A
     * background call (the outbox, the push worker) that took its connection before a breaker was
     * tripped closes it again when it gets one, which on a loaded machine can fall between the trip
     * and the request: a 503 expected and not served is tried again, twice at the most.
     */
    private HttpResponse<String> served(Recipe recipe, int expected) throws Exception {
        HttpResponse<String> r = once(recipe);
        for (int again = 0; expected == 503 && r.statusCode() != 503 && again < 2; again++) {
            r = once(recipe);
        }
        return r;
    }

    private HttpResponse<String> once(Recipe recipe) throws Exception {
        HttpResponse<String> r = null;
        recipe.before().run();
        try {
            for (int i = 0; i < recipe.repeat(); i++) {
                r = new Api(port).get(recipe.target(), recipe.headers().toArray(String[]::new));
            }
        } finally {
            outages.database().close();
            outages.search().close();
        }
        return r;
    }

    @Test
    void theDocumentDescribesEveryRouteAndEveryStatusItDocumentsIsReallyServed() throws Exception {
        JsonNode doc = Api.JSON.readTree(new Api(port).get("/v3/api-docs").body());
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        JsonNode paths = doc.path("paths");

        Map<String, HandlerMethod> routes = new LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
            for (String p : info.getPatternValues()) {
                if (p.startsWith("/v1/")) {
                    routes.put(p, method);
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        paths.propertyNames().forEach(p -> {
            if (p.startsWith("/v1/")) {
                documented.add(p);
            }
        });
        assertThat(documented).as("every /v1 route, and nothing else").isEqualTo(new TreeSet<>(routes.keySet()));
        // The one route that is not a read: a partner's push replay (POST), checked on its own below.
        JsonNode replay = paths.path(REPLAY).path("post");
        assertThat(replay.path("security").get(0).path("partnerKey").get(0).asString())
                .isEqualTo("FEED");
        assertThat(replay.path("responses").propertyNames())
                .containsExactlyInAnyOrder("202", "400", "401", "403", "404", "409", "429", "503");
        assertThat(replay.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("properties")
                        .propertyNames())
                .containsExactlyInAnyOrder("fromSequence", "since");
        routes.remove(REPLAY);

        SoftAssertions soft = new SoftAssertions();
        for (var route : routes.entrySet()) {
            JsonNode get = paths.path(route.getKey()).path("get");
            soft.assertThat(get.isObject()).as(route.getKey()).isTrue();
            Set<String> parameters = new TreeSet<>();
            get.path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
            soft.assertThat(parameters)
                    .as(route.getKey() + ": the handler's own parameters")
                    .isEqualTo(requestParameters(route.getValue()));
            soft.assertThat(get.has("security"))
                    .as(route.getKey() + ": security only where a key is needed")
                    .isEqualTo(route.getKey().equals("/v1/feed"));
        }
        soft.assertThat(doc.has("security")).as("no key needed by default").isFalse();
        soft.assertAll();

        JsonNode feed = paths.path("/v1/feed").path("get");
        assertThat(feed.path("security").get(0).path("partnerKey").get(0).asString())
                .isEqualTo("FEED");
        JsonNode limit = parameter(feed, "limit").path("schema");
        assertThat(limit.path("type").asString()).isEqualTo("integer");
        assertThat(limit.path("minimum").asInt()).isEqualTo(1);
        assertThat(limit.path("maximum").asInt()).isEqualTo(200);
        assertThat(parameter(feed, "ninjs").path("schema").path("enum").toString())
                .isEqualTo("[\"2.2\",\"3.1\"]");
        assertThat(parameter(paths.path("/v1/search").path("get"), "q")
                        .path("schema")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(500);
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.path("Ninjs22").path("$ref").asString())
                .as(schemas.toString())
                .isEqualTo("http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json");
        assertThat(schemas.path("Ninjs31").path("$ref").asString())
                .isEqualTo("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json");
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("partnerKey")
                        .path("name")
                        .asString())
                .isEqualTo("X-API-Key");

        Map<String, Recipe> recipes = recipes();
        Set<String> documentedStatuses = new TreeSet<>();
        routes.keySet()
                .forEach(p -> paths.path(p)
                        .path("get")
                        .path("responses")
                        .propertyNames()
                        .forEach(status -> documentedStatuses.add(p + " " + status)));
        assertThat(new TreeSet<>(recipes.keySet()))
                .as("each documented status has a request below that produces it, and no other")
                .isEqualTo(documentedStatuses);

        SoftAssertions served = new SoftAssertions();
        for (var e : recipes.entrySet()) {
            String route = e.getKey().substring(0, e.getKey().lastIndexOf(' '));
            int status = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf(' ') + 1));
            HttpResponse<String> r = served(e.getValue(), status);
            served.assertThat(r.statusCode()).as(e.getKey() + ": " + r.body()).isEqualTo(status);
            JsonNode response = paths.path(route).path("get").path("responses").path(Integer.toString(status));
            for (String h : List.of("ETag", "RateLimit-Limit", "Retry-After")) {
                if (response.path("headers").has(h)) {
                    served.assertThat(r.headers().firstValue(h))
                            .as(e.getKey() + " " + h)
                            .isPresent();
                }
            }
            if (status >= 400 && r.statusCode() >= 400) {
                List<String> types = new ArrayList<>();
                response.path("content")
                        .path("application/problem+json")
                        .path("schema")
                        .path("allOf")
                        .get(1)
                        .path("properties")
                        .path("type")
                        .path("enum")
                        .forEach(t -> types.add(t.asString()));
                served.assertThat(types)
                        .as(e.getKey() + ": the problem's type is documented")
                        .contains(Api.JSON.readTree(r.body()).path("type").asString());
            }
        }
        served.assertAll();

        // Every route can answer 503: the bulkhead stands in front of all of /v1 (its 503 is real in
        // FloodGuardsIT), and with the database down a partner key seen for the first time cannot be
        // looked up, on any route. So each documents both, and the second is tried on each here.
        assertThat(bulkhead.getUrlPatterns()).containsExactly("/v1/*");
        SoftAssertions everyRoute = new SoftAssertions();
        for (String route : routes.keySet()) {
            everyRoute
                    .assertThat(problemTypes(paths.path(route).path("get"), 503))
                    .as(route + ": 503's types")
                    .contains(Api.PROBLEMS + "database-unavailable", Api.PROBLEMS + "overloaded");
            String target = recipes.get(route + " 200").target();
            HttpResponse<String> r =
                    served(new Recipe(target, 1, List.of("X-API-Key", neverSeenKey()), this::databaseDown), 503);
            everyRoute
                    .assertThat(r.statusCode())
                    .as(route + ", a new key, the database down: " + r.body())
                    .isEqualTo(503);
            everyRoute
                    .assertThat(r.headers().firstValue("Retry-After"))
                    .as(route)
                    .isPresent();
        }
        everyRoute
                .assertThat(problemTypes(replay, 503))
                .as(REPLAY + ": 503's types")
                .containsExactlyInAnyOrder(Api.PROBLEMS + "database-unavailable", Api.PROBLEMS + "overloaded");
        databaseDown();
        HttpResponse<String> refused;
        try {
            refused = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://localhost:" + port + REPLAY))
                                    .header("X-API-Key", neverSeenKey())
                                    .header("Content-Type", "application/json")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"fromSequence\":1}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } finally {
            outages.database().close();
        }
        everyRoute
                .assertThat(refused.statusCode())
                .as(REPLAY + ": " + refused.body())
                .isEqualTo(503);
        everyRoute
                .assertThat(Api.JSON.readTree(refused.body()).path("type").asString())
                .isEqualTo(Api.PROBLEMS + "database-unavailable");
        everyRoute.assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        everyRoute.assertAll();
    }

    /** The problem types an operation lists for a status. */
    private static List<String> problemTypes(JsonNode operation, int status) {
        List<String> types = new ArrayList<>();
        operation
                .path("responses")
                .path(Integer.toString(status))
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("allOf")
                .path(1)
                .path("properties")
                .path("type")
                .path("enum")
                .forEach(t -> types.add(t.asString()));
        return types;
    }

    /** A well-formed key no one has presented yet: checking it needs the database. */
    private static String neverSeenKey() {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            prefix.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return "cmsk_" + prefix + "_" + "C".repeat(43);
    }

    /** The requests that produce each documented status (the fixtures are made here). */
    private Map<String, Recipe> recipes() {
        Article live = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Tea harvest begins in Rize", "Pickers set out.", "Rize"));
        Article doomed =
                Newsroom.publishedStory(articles, Newsroom.story(LanguageTag.ARABIC, "خبر سيلغى", "نص.", "بغداد"));
        Newsroom.asEditor(() -> articles.kill(doomed.id(), doomed.version(), "خطأ في المصدر"));
        String feedKey = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        String bareKey = Api.partnerKey(keys, 100_000);
        String article = "/v1/articles/" + live.id();

        Map<String, Recipe> r = new LinkedHashMap<>();
        r.put("/v1/articles/{id} 200", Recipe.of(article));
        r.put("/v1/articles/{id} 304", Recipe.of(article, "If-None-Match", "*"));
        r.put("/v1/articles/{id} 400", Recipe.of("/v1/articles/1-1-1-1-1"));
        r.put("/v1/articles/{id} 401", Recipe.of(article, "X-API-Key", UNKNOWN_KEY));
        r.put("/v1/articles/{id} 404", Recipe.of("/v1/articles/00000000-0000-4000-8000-000000000000"));
        r.put("/v1/articles/{id} 406", Recipe.of(article, "Accept", "text/html"));
        r.put("/v1/articles/{id} 410", Recipe.of("/v1/articles/" + doomed.id()));
        r.put("/v1/articles/{id} 412", Recipe.of(article, "If-Match", "\"other\""));
        r.put("/v1/articles/{id} 429", limited(article));
        // The database down: an article not read before (the live one is cached by now).
        Article unread = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Trabzon'da fındık fiyatı", "Üreticiler bekliyor.", "Trabzon"));
        r.put("/v1/articles/{id} 503", Recipe.of("/v1/articles/" + unread.id()).after(this::databaseDown));
        String translations = article + "/translations";
        String route = "/v1/articles/{id}/translations";
        r.put(route + " 200", Recipe.of(translations));
        r.put(route + " 304", Recipe.of(translations, "If-None-Match", "*"));
        r.put(route + " 400", Recipe.of("/v1/articles/1-1-1-1-1/translations"));
        r.put(route + " 401", Recipe.of(translations, "X-API-Key", UNKNOWN_KEY));
        r.put(route + " 404", Recipe.of("/v1/articles/00000000-0000-4000-8000-000000000000/translations"));
        r.put(route + " 406", Recipe.of(translations, "Accept", "application/ninjs+json"));
        r.put(route + " 410", Recipe.of("/v1/articles/" + doomed.id() + "/translations"));
        r.put(route + " 412", Recipe.of(translations, "If-Match", "\"other\""));
        r.put(route + " 429", limited(translations));
        r.put(
                route + " 503",
                Recipe.of("/v1/articles/" + unread.id() + "/translations").after(this::databaseDown));
        r.put("/v1/feed 200", Recipe.of("/v1/feed", "X-API-Key", feedKey));
        r.put("/v1/feed 304", Recipe.of("/v1/feed", "X-API-Key", feedKey, "If-None-Match", "*"));
        r.put("/v1/feed 400", Recipe.of("/v1/feed?limit=0", "X-API-Key", feedKey));
        r.put("/v1/feed 401", Recipe.of("/v1/feed"));
        r.put("/v1/feed 403", Recipe.of("/v1/feed", "X-API-Key", bareKey));
        r.put("/v1/feed 406", Recipe.of("/v1/feed", "X-API-Key", feedKey, "Accept", "text/html"));
        r.put("/v1/feed 412", Recipe.of("/v1/feed", "X-API-Key", feedKey, "If-Match", "\"other\""));
        r.put("/v1/feed 429", limited("/v1/feed"));
        // A page no one asked for yet (the key's check is cached by then; the page is not).
        r.put(
                "/v1/feed 503",
                Recipe.of("/v1/feed?limit=13", "X-API-Key", feedKey).after(this::databaseDown));
        for (String syndication : List.of("/v1/feed.atom", "/v1/feed.json")) {
            r.put(syndication + " 200", Recipe.of(syndication));
            r.put(syndication + " 304", Recipe.of(syndication, "If-None-Match", "*"));
            r.put(syndication + " 400", Recipe.of(syndication, "Accept", "garbage"));
            r.put(syndication + " 401", Recipe.of(syndication, "X-API-Key", UNKNOWN_KEY));
            r.put(syndication + " 412", Recipe.of(syndication, "If-Match", "\"other\""));
            r.put(syndication + " 429", limited(syndication));
            // A story published empties the cached feed pages at once (ArticleChanged in this JVM), so
            // the next reader's page needs the database; a cached page would still be served (200).
            r.put(syndication + " 503", Recipe.of(syndication).after(() -> {
                Newsroom.publishedStory(
                        articles, Newsroom.story(LanguageTag.SORANI, "بازاڕی شەممە", "بازاڕەکە کرایەوە.", "هەولێر"));
                databaseDown();
            }));
        }
        String rendition = "/v1/media/" + picturedStory() + "/view";
        String media = "/v1/media/{id}/{rendition}";
        r.put(media + " 200", Recipe.of(rendition));
        r.put(media + " 304", Recipe.of(rendition, "If-None-Match", "*"));
        r.put(media + " 401", Recipe.of(rendition, "X-API-Key", UNKNOWN_KEY));
        r.put(media + " 404", Recipe.of("/v1/media/00000000-0000-4000-8000-000000000000/view"));
        r.put(media + " 412", Recipe.of(rendition, "If-Match", "\"other\""));
        r.put(media + " 429", limited(rendition));
        r.put(
                media + " 503",
                Recipe.of("/v1/media/" + java.util.UUID.randomUUID() + "/view").after(this::databaseDown));
        r.put("/v1/search 200", Recipe.of("/v1/search?q=Rize&lang=en-GB"));
        r.put("/v1/search 304", Recipe.of("/v1/search?q=Rize", "If-None-Match", "*"));
        r.put("/v1/search 400", Recipe.of("/v1/search?q=x&to=9999-12-31"));
        r.put("/v1/search 401", Recipe.of("/v1/search?q=x", "X-API-Key", UNKNOWN_KEY));
        r.put("/v1/search 406", Recipe.of("/v1/search?q=x", "Accept", "text/html"));
        r.put("/v1/search 412", Recipe.of("/v1/search?q=x", "If-Match", "\"other\""));
        r.put("/v1/search 429", limited("/v1/search?q=x"));
        r.put("/v1/search 503", Recipe.of("/v1/search?q=kar").after(() -> trip(outages.search())));
        return r;
    }

    /** The id of a picture that a live story features, its renditions made. */
    private String picturedStory() {
        MediaItem picture = Newsroom.as(
                Newsroom.REPORTER,
                () -> pictures.upload(MediaMother.lakeAtDawn()),
                news.cms.core.account.Role.REPORTER);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Newsroom.as(
                                        Newsroom.EDITOR,
                                        () -> pictures.find(picture.id()).orElseThrow(),
                                        news.cms.core.account.Role.EDITOR)
                                .currentRenditions()
                                .size()
                        == MediaProperties.DEFAULT_RENDITIONS.size());
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Rize'de çay hasadı", "Toplayıcılar yola çıktı.", "Rize"));
        Newsroom.asEditor(() -> {
            pictures.setFeaturedImage(approved.id(), picture.id());
            return approved;
        });
        Newsroom.asEditor(() -> articles.publish(approved.id(), approved.version()));
        return picture.id().toString();
    }

    /** The database's breaker open, as after repeated failures: what needs it fails at once. */
    private void databaseDown() {
        trip(outages.database());
    }

    private static void trip(CircuitBreaker breaker) {
        while (breaker.state() != CircuitBreaker.State.OPEN) {
            breaker.failed();
        }
    }

    /** The second request of a key allowed one a minute. */
    private Recipe limited(String target) {
        return new Recipe(target, 2, List.of("X-API-Key", Api.partnerKey(keys, 1, PartnerScope.FEED)), () -> {});
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    /** The names of the handler's query and path parameters. */
    private static Set<String> requestParameters(HandlerMethod handler) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam query = p.getParameterAnnotation(RequestParam.class);
            PathVariable path = p.getParameterAnnotation(PathVariable.class);
            if (query != null) {
                names.add(query.name().isEmpty() ? p.getParameter().getName() : query.name());
            } else if (path != null) {
                names.add(path.name().isEmpty() ? p.getParameter().getName() : path.name());
            }
        }
        return names;
    }
}
