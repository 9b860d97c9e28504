package news.cms.publicapi.search;

import java.time.Instant;
import java.util.List;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.SearchHit;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.SearchService;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over published articles. */
@RestController
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/v1/search")
    Results search(
            @RequestParam String q,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(defaultValue = "20") int limit) {
        var query = new SearchQuery(q, lang == null || lang.isBlank() ? null : LanguageTag.of(lang), limit);
        return new Results(search.search(query).stream().map(Result::of).toList());
    }

    record Results(List<Result> items) {}

    record Result(String id, String language, String headline, String snippet, Instant published) {
        static Result of(SearchHit h) {
            return new Result(h.id().toString(), h.language().value(), h.headline(), h.snippet(), h.publishedAt());
        }
    }
}
