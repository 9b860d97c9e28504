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
        List<AltId> altids) {

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

    record Subject(String name, String rel) {}

    record AltId(String role, String value) {}
}
