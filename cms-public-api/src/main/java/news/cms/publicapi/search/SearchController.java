package news.cms.publicapi.search;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.SearchCursor;
import news.cms.core.search.SearchHit;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.SearchResults;
import news.cms.core.search.SearchService;
import news.cms.core.search.StoryCursor;
import news.cms.core.search.StoryHit;
import news.cms.core.search.StoryResults;
import news.cms.publicapi.article.NinjsMapper;
import news.cms.publicapi.config.Conditional;
import news.cms.publicapi.config.ETags;
import news.cms.publicapi.config.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Full-text search over published, non-embargoed articles, a page at a time. Every parameter is
 * checked here, so that what reaches the search engine is always a query it can run: a bad one is
 * a 400 problem naming the parameter.
 */
@RestController
class SearchController {

    /** Publication dates a search may name; outside them nothing was published (or will be). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    static final int DEFAULT_LIMIT = 20;

    private final SearchService search;
    private final JsonMapper json;

    SearchController(SearchService search, JsonMapper json) {
        this.search = search;
        this.json = json;
    }

    /**
     * @param q the words to find, at most {@value SearchQuery#MAX_TEXT} characters
     * @param lang a BCP 47 tag; a region or script is dropped ({@code en-GB} searches {@code en})
     * @param from the first day (UTC, inclusive) of publication, from 1900-01-01
     * @param to the last day (UTC, inclusive) of publication, up to 2200-12-31
     * @param cursor the {@code next} value of the previous page
     * @param limit hits a page, 1 to {@value SearchQuery#MAX_LIMIT}
     * @param collapse {@code translation}: one hit per story, in {@code lang} (a preference then, not
     *     a filter) or else the Accept-Language header's first language the story has, else its
     *     original's; the story's other versions listed on the hit
     */
    @GetMapping(path = "/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
    void search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String section,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String collapse,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
            ServletWebRequest request,
            HttpServletResponse response)
            throws IOException {
        byte[] bytes;
        if (collapsed(collapse)) {
            LanguageTag chosen = language(lang);
            List<String> preferred;
            if (chosen == null) {
                preferred = preferred(acceptLanguage);
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            } else {
                preferred = List.of(chosen.value());
            }
            StoryCursor after = null;
            if (cursor != null && !cursor.isBlank()) {
                after = StoryCursor.parse(cursor); // refused as an invalid cursor parameter (ProblemDetails)
            }
            SearchQuery query = query(q, null, section, from, to, null, limit);
            StoryResults stories = search.searchStories(query, preferred, after);
            bytes = json.writeValueAsBytes(new Stories(
                    stories.hits().stream().map(StoryResult::of).toList(),
                    stories.next() == null ? null : stories.next().token()));
        } else {
            SearchResults results = search.search(query(q, lang, section, from, to, cursor, limit));
            bytes = json.writeValueAsBytes(new Results(
                    results.hits().stream().map(Result::of).toList(),
                    results.next() == null ? null : results.next().token()));
        }
        // No Last-Modified: hits carry no time of their last change, and a guess could wrongly 304.
        response.setHeader(
                HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePublic().getHeaderValue());
        Conditional.write(request, response, MediaType.APPLICATION_JSON_VALUE, bytes, ETags.strong(bytes), null);
    }

    static SearchQuery query(
            @Nullable String q,
            @Nullable String lang,
            @Nullable String section,
            @Nullable String from,
            @Nullable String to,
            @Nullable String cursor,
            @Nullable String limit) {
        if (q == null || q.isBlank()) {
            throw InvalidInput.parameter("q", "q, the words to search for, is required");
        }
        if (q.length() > SearchQuery.MAX_TEXT) {
            throw InvalidInput.parameter("q", "q is at most " + SearchQuery.MAX_TEXT + " characters");
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw InvalidInput.parameter("to", "to (" + last + ") is before from (" + first + ")");
        }
        if (section != null && section.length() > 100) {
            throw InvalidInput.parameter("section", "section is at most 100 characters");
        }
        SearchCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = SearchCursor.parse(cursor);
            } catch (IllegalArgumentException e) {
                throw InvalidInput.parameter("cursor", "cursor is not a next value this API issued");
            }
        }
        try {
            return new SearchQuery(
                    q,
                    language(lang),
                    section,
                    first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    last == null
                            ? null
                            : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    after,
                    limit(limit));
        } catch (InvalidText e) {
            // Broken Unicode in the words or the section: the client's text, not our bug.
            throw InvalidInput.parameter(e.field().equals("query") ? "q" : e.field(), e.getMessage());
        }
    }

    /** The one way a search collapses today; anything else is refused, not ignored. */
    static final String COLLAPSE_TRANSLATION = "translation";

    private static boolean collapsed(@Nullable String collapse) {
        if (collapse == null || collapse.isBlank()) {
            return false;
        }
        if (!collapse.strip().equals(COLLAPSE_TRANSLATION)) {
            throw InvalidInput.parameter(
                    "collapse",
                    "collapse takes one value, \"" + COLLAPSE_TRANSLATION
                            + "\" (a story's language versions as one hit)");
        }
        return true;
    }

    /**
     * The reader's languages from Accept-Language, most wanted first, as primary subtags: {@code
     * ckb-IQ;q=0.9, ar;q=0.8, *;q=0.1} gives ckb, ar. A header that is not a language list is refused.
     */
    static List<String> preferred(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.header(
                    HttpHeaders.ACCEPT_LANGUAGE, "Accept-Language is not a list of languages: " + e.getMessage());
        }
        List<String> languages = new ArrayList<>();
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange();
            if (range.getWeight() == 0 || tag.startsWith("*")) {
                continue;
            }
            int dash = tag.indexOf('-');
            String primary = dash < 0 ? tag : tag.substring(0, dash);
            if (!languages.contains(primary)) {
                languages.add(primary);
            }
        }
        return List.copyOf(languages);
    }

    /** A BCP 47 tag searched as its language: {@code en-GB} and {@code en-Latn} find {@code en}. */
    private static @Nullable LanguageTag language(@Nullable String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        try {
            return LanguageTag.of(LanguageTag.of(lang).primary());
        } catch (InvalidLanguageTag e) {
            throw InvalidInput.parameter("lang", e.getMessage());
        }
    }

    private static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.parameter(name, name + " is a date such as 2026-03-21");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw InvalidInput.parameter(name, name + " must be from " + EARLIEST + " to " + LATEST + ", not " + date);
        }
        return date;
    }

    private static int limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= SearchQuery.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw InvalidInput.parameter("limit", "limit is a whole number from 1 to " + SearchQuery.MAX_LIMIT);
    }

    record Results(List<Result> items, @Nullable String next) {}

    record Stories(List<StoryResult> items, @Nullable String next) {}

    /** A story: the version shown, its group ({@code story}) and its other versions. */
    record StoryResult(
            String id,
            String language,
            String headline,
            String snippet,
            Instant published,
            String story,
            List<Version> translations) {
        static StoryResult of(StoryHit s) {
            SearchHit h = s.hit();
            return new StoryResult(
                    h.id().toString(),
                    h.language().value(),
                    h.headline(),
                    h.snippet(),
                    h.publishedAt(),
                    s.story(),
                    s.translations().stream().map(Version::of).toList());
        }
    }

    /** Another language version of the story: its id, language, headline and ninjs uri. */
    record Version(String id, String language, String headline, String uri) {
        static Version of(SearchHit h) {
            return new Version(h.id().toString(), h.language().value(), h.headline(), NinjsMapper.uri(h.id()));
        }
    }

    record Result(String id, String language, String headline, String snippet, Instant published) {
        static Result of(SearchHit h) {
            return new Result(h.id().toString(), h.language().value(), h.headline(), h.snippet(), h.publishedAt());
        }
    }
}
