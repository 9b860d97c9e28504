package news.cms.core.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.InvalidSearchCursor;
import news.cms.core.search.SearchCursor;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.StoryCursor;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a reader or partner puts in {@code q}, {@code lang}, {@code section}, {@code from},
 * {@code to} and {@code cursor}, the search either refuses it as the API does (a 400) or builds a
 * request Elasticsearch takes: strict JSON, four-digit-year dates, finite {@code search_after}
 * values, only the mapping's fields, a size from 1 to 100. cms-public-api's {@code SearchSeedsIT}
 * sends every seed through the real {@code /v1/search} to a real Elasticsearch. Seeds in {@code SearchRequestFuzzTestInputs}: one value per line, in that order,
 * then {@code limit}; fuzzing: docs/adr/0012.
 */
class SearchRequestFuzzTest {

    private static final Jackson3JsonpMapper ES_JSON = new Jackson3JsonpMapper();
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> FIELDS = mappedFields();
    // What Instant.toString gives for years 1000-9999, which Elasticsearch's default date format reads.
    private static final Pattern DATE =
            Pattern.compile("[12][0-9]{3}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?Z");

    @FuzzTest(maxDuration = "90s")
    void everyAcceptedSearchBuildsARequestElasticsearchTakes(byte[] data) {
        query(data).ifPresent(query -> {
            assertTakenByElasticsearch(json(query));
            assertCollapsedSearchTaken(query);
        });
    }

    /**
     * The two requests of a collapsed search ({@code collapse=translation}): every language, a page
     * at the farthest offset a story cursor allows, then every version of a full page of stories.
     */
    static void assertCollapsedSearchTaken(SearchQuery query) {
        SearchQuery everyLanguage =
                new SearchQuery(query.text(), null, query.section(), query.from(), query.to(), null, query.limit());
        String stories = JsonpUtils.toJsonString(
                ArticleIndex.storiesRequest("articles", everyLanguage, StoryCursor.MAX_OFFSET), ES_JSON);
        JsonNode request = STRICT.readTree(stories);
        assertTakenByElasticsearch(stories);
        assertThat(request.get("from").asInt() + request.get("size").asInt())
                .as("within Elasticsearch's result window")
                .isLessThanOrEqualTo(10_000);
        List<String> page = java.util.stream.IntStream.range(0, query.limit())
                .mapToObj(i ->
                        java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString())
                .toList();
        String versions =
                JsonpUtils.toJsonString(ArticleIndex.versionsRequest("articles", everyLanguage, page), ES_JSON);
        JsonNode all = STRICT.readTree(versions);
        assertThat(all.get("size").asInt()).as(versions).isBetween(1, 10_000);
        check(all, versions);
    }

    /** The query the API builds from these parameter values, or empty where it answers 400. */
    static Optional<SearchQuery> query(byte[] data) {
        String[] p = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        try {
            LanguageTag language = value(p, 1).isBlank() ? null : LanguageTag.of(value(p, 1));
            SearchCursor cursor = value(p, 5).isBlank() ? null : SearchCursor.parse(value(p, 5));
            int limit = value(p, 6).isBlank() ? 20 : Integer.parseInt(value(p, 6));
            var from = value(p, 3).isBlank()
                    ? null
                    : LocalDate.parse(value(p, 3)).atStartOfDay(ZoneOffset.UTC).toInstant();
            var to = value(p, 4).isBlank()
                    ? null
                    : LocalDate.parse(value(p, 4))
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .plus(1, ChronoUnit.DAYS);
            return Optional.of(new SearchQuery(value(p, 0), language, value(p, 2), from, to, cursor, limit));
        } catch (InvalidLanguageTag | InvalidSearchCursor | DateTimeParseException e) {
            return Optional.empty(); // refused by the parameter's own parser
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // refused by SearchQuery (NumberFormatException: by Spring's binding)
        }
    }

    static String json(SearchQuery query) {
        return JsonpUtils.toJsonString(ArticleIndex.request("articles", query), ES_JSON);
    }

    private static String value(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }

    private static void assertTakenByElasticsearch(String json) {
        JsonNode request = STRICT.readTree(json);
        assertThat(request.get("size").asInt()).as(json).isBetween(1, SearchQuery.MAX_LIMIT);
        check(request, json);
        JsonNode after = request.get("search_after");
        if (after != null) {
            assertThat(after.size()).as(json).isEqualTo(3);
            assertThat(after.get(0).isNumber() && Double.isFinite(after.get(0).asDouble()))
                    .as(json)
                    .isTrue();
            assertThat(after.get(1).isIntegralNumber()).as(json).isTrue();
            assertThat(after.get(2).isString()).as(json).isTrue();
        }
    }

    /** Walks the request: every field named is mapped, every date is one Elasticsearch reads. */
    private static void check(JsonNode node, String json) {
        for (var entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "range" ->
                    value.properties().forEach(field -> {
                        assertThat(FIELDS).as(json).contains(field.getKey());
                        for (String bound : Set.of("gt", "gte", "lt", "lte")) {
                            JsonNode date = field.getValue().get(bound);
                            if (date != null && !date.asString().equals("now")) {
                                assertThat(date.asString()).as(json).matches(DATE);
                            }
                        }
                    });
                case "collapse" ->
                    assertThat(FIELDS).as(json).contains(value.get("field").asString());
                case "terms" ->
                    value.properties()
                            .forEach(field -> assertThat(FIELDS).as(json).contains(field.getKey()));
                case "term", "exists" ->
                    value.properties().forEach(field -> {
                        if (!field.getKey().equals("field")) {
                            assertThat(FIELDS).as(json).contains(field.getKey());
                        } else {
                            assertThat(FIELDS)
                                    .as(json)
                                    .contains(field.getValue().asString());
                        }
                    });
                case "multi_match" -> {
                    assertThat(value.get("query").asString()).as(json).isNotBlank();
                    value.get("fields")
                            .forEach(f -> assertThat(mapped(f.asString().replaceAll("\\^[0-9.]+$", "")))
                                    .as(json)
                                    .isTrue());
                }
                default -> {}
            }
            if (value.isObject()) {
                check(value, json);
            } else if (value.isArray()) {
                value.forEach(element -> check(element, json));
            }
        }
    }

    private static boolean mapped(String field) {
        if (field.contains("*")) {
            String pattern = java.util.regex.Pattern.quote(field).replace("*", "\\E.*\\Q");
            return FIELDS.stream().anyMatch(f -> f.matches(pattern));
        }
        return FIELDS.contains(field);
    }

    private static Set<String> mappedFields() {
        try (InputStream in = ArticleIndex.class.getResourceAsStream("/search/articles-index.json")) {
            JsonNode properties = STRICT.readTree(in).path("mappings").path("properties");
            // A field and its sub-fields (e.g. body_tr.folded) are both searchable names.
            return properties.propertyNames().stream()
                    .flatMap(name -> java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(name),
                            properties.path(name).path("fields").propertyNames().stream()
                                    .map(sub -> name + "." + sub)))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
