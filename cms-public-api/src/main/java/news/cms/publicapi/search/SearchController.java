package news.cms.publicapi.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.SearchCursor;
import news.cms.core.search.SearchHit;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.SearchResults;
import news.cms.core.search.SearchService;
import news.cms.publicapi.config.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Full-text search over published, non-embargoed articles, a page at a time. */
@RestController
class SearchController {

    private final SearchService search;
    private final JsonMapper json;

    SearchController(SearchService search, JsonMapper json) {
        this.search = search;
        this.json = json;
    }

    /**
     * @param from the first day (UTC, inclusive) of publication
     * @param to the last day (UTC, inclusive) of publication
     * @param cursor the {@code next} value of the previous page
     */
    @GetMapping(path = "/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> search(
            @RequestParam String q,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String section,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        var query = new SearchQuery(
                q,
                lang == null || lang.isBlank() ? null : LanguageTag.of(lang),
                section,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                cursor == null || cursor.isBlank() ? null : SearchCursor.parse(cursor),
                limit);
        SearchResults results = search.search(query);
        byte[] bytes = json.writeValueAsBytes(new Results(
                results.hits().stream().map(Result::of).toList(),
                results.next() == null ? null : results.next().token()));
        // No Last-Modified: hits carry no time of their last change, and a guess could wrongly 304.
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache().cachePublic())
                .eTag(ETags.strong(bytes))
                .body(bytes);
    }

    record Results(List<Result> items, @Nullable String next) {}

    record Result(String id, String language, String headline, String snippet, Instant published) {
        static Result of(SearchHit h) {
            return new Result(h.id().toString(), h.language().value(), h.headline(), h.snippet(), h.publishedAt());
        }
    }
}
