package news.cms.publicapi.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), the fields we fill. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record JsonFeed(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(
            String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            @Nullable String summary,
            @JsonProperty("date_published") @Nullable String datePublished,
            @JsonProperty("date_modified") String dateModified,
            String language,
            List<Author> authors,
            List<String> tags,
            // The featured image's base rendition (JSON Feed 1.1 "image": the main, featured image).
            @Nullable String image) {}

    record Author(String name) {}
}
