package news.cms.publicapi.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A news item as IPTC ninjs 3.1 puts it on the wire: the same ideas as 2.2 with camel-case names
 * ({@code versionCreated}, {@code pubStatus}, {@code contentType}, {@code altIds}…) and {@code
 * embargoed} renamed {@code embargoedUntil}. Only the properties we fill; empty ones are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "uri",
    "standard",
    "type",
    "representationType",
    "version",
    "firstCreated",
    "versionCreated",
    "contentCreated",
    "embargoedUntil",
    "pubStatus",
    "language",
    "edNote",
    "slugline",
    "headlines",
    "descriptions",
    "by",
    "located",
    "places",
    "urgency",
    "copyrightHolder",
    "copyrightNotice",
    "usageTerms",
    "bodies",
    "people",
    "subjects",
    "altIds"
})
record Ninjs31(
        String uri,
        Standard standard,
        String type,
        @Nullable String representationType,
        String version,
        @Nullable String firstCreated,
        String versionCreated,
        @Nullable String contentCreated,
        @Nullable String embargoedUntil,
        String pubStatus,
        String language,
        @Nullable String edNote,
        @Nullable String slugline,
        List<Text> headlines,
        List<Text> descriptions,
        @Nullable String by,
        @Nullable String located,
        List<Body> bodies,
        List<Person> people,
        List<Subject> subjects,
        List<AltId> altIds,
        @Nullable Integer urgency,
        @Nullable String copyrightHolder,
        @Nullable String copyrightNotice,
        @Nullable String usageTerms,
        List<Place> places) {

    record Standard(String name, String version, String schema) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Text(String role, String contentType, String value) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(
            String role,
            String contentType,
            @Nullable Integer charCount,
            @Nullable Integer wordCount,
            String value) {}

    record Person(String name, String rel) {}

    /** A concept: a section or tag by name, an IPTC Media Topic by {@code uri} and qualified code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subject(
            String name,
            String rel,
            @Nullable String uri,
            @Nullable String literal) {

        Subject(String name, String rel) {
            this(name, rel, null, null);
        }
    }

    /** A named location; the dateline's country carries its ISO 3166 code as the literal. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Place(String name, String rel, @Nullable String literal) {}

    record AltId(String role, String value) {}
}
