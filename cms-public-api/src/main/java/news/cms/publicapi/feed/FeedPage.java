package news.cms.publicapi.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of {@code /v1/feed} as it goes on the wire; poll again with {@code next}. */
@JsonPropertyOrder({"entries", "next", "limit"})
record FeedPage(List<Entry> entries, String next, int limit) {

    /**
     * One public change.
     *
     * @param version the public version the change left
     * @param translationGroup the id shared by the story's language versions (docs/adr/0019), as it
     *     is now; absent for a story with no translations. Beside the item, not in it: neither ninjs
     *     schema has a field for it
     * @param killNotice for a kill only; a kill never carries the text
     * @param item the version the entry announces as ninjs: in full while it is live and readable,
     *     else a minimal item without text (docs/adr/0020)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "sequence",
        "action",
        "uri",
        "version",
        "time",
        "language",
        "translationGroup",
        "killNotice",
        "item"
    })
    record Entry(
            long sequence,
            String action,
            String uri,
            int version,
            String time,
            String language,
            @Nullable String translationGroup,
            @Nullable String killNotice,
            Object item) {}
}
