package news.cms.publicapi.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A news item as IPTC ninjs 2.2 puts it on the wire: lower-case property names, times as RFC 3339
 * strings. Only the properties we fill; empty ones are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "uri",
    "standard",
    "type",
    "representationtype",
    "version",
    "firstcreated",
    "versioncreated",
    "contentcreated",
    "embargoed",
    "pubstatus",
    "language",
    "ednote",
    "slugline",
    "headlines",
    "descriptions",
    "by",
    "located",
    "places",
    "urgency",
    "copyrightholder",
    "copyrightnotice",
    "usageterms",
    "bodies",
    "people",
    "subjects",
    "altids"
})
record Ninjs22(
        String uri,
        Standard standard,
        String type,
        @Nullable String representationtype,
        String version,
        @Nullable String firstcreated,
        String versioncreated,
        @Nullable String contentcreated,
        @Nullable String embargoed,
        String pubstatus,
        String language,
        @Nullable String ednote,
        @Nullable String slugline,
        List<Text> headlines,
        List<Text> descriptions,
        @Nullable String by,
        @Nullable String located,
        List<Body> bodies,
        List<Person> people,
        List<Subject> subjects,
        List<AltId> altids,
        @Nullable Integer urgency,
        @Nullable String copyrightholder,
        @Nullable String copyrightnotice,
        @Nullable String usageterms,
        List<Place> places) {

    record Standard(String name, String version, String schema) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Text(String role, String contenttype, String value) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(
            String role,
            String contenttype,
            @Nullable Integer charcount,
            @Nullable Integer wordcount,
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
