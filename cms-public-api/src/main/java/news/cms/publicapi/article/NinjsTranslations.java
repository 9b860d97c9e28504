package news.cms.publicapi.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.PublicArticle;
import news.cms.core.body.InlineFigures;

/**
 * A story's other language versions as ninjs {@code associations} (docs/adr/0019): in 3.1 each
 * with {@code rel} {@value #REL}, the IANA link relation that, with a language, means "a
 * translation of this document"; in 2.2, whose associations have no {@code rel}, each with its
 * {@code language}. Kept apart from {@link NinjsMapper} and added around its item, so the item's
 * own mapping stays as it is.
 */
public final class NinjsTranslations {

    /** The relation of a sibling to this document, in ninjs 3.1 and Atom alike. */
    static final String REL = "alternate";

    private NinjsTranslations() {}

    /** The item, with its published siblings as associations when it has any. */
    static Object map(PublicArticle article, NinjsVersion version, List<Article> siblings) {
        return map(article, version, siblings, null);
    }

    /** The item, with its featured image (if any) and published siblings as associations. */
    static Object map(
            PublicArticle article,
            NinjsVersion version,
            List<Article> siblings,
            @org.jspecify.annotations.Nullable Object picture) {
        return map(article, version, siblings, picture == null ? List.of() : List.of(picture), InlineFigures.NONE);
    }

    /**
     * The item with its body's pictures printed as {@code figures} gives, and as associations its
     * pictures (featured first, then those of the body) and its published siblings.
     */
    static Object map(
            PublicArticle article,
            NinjsVersion version,
            List<Article> siblings,
            List<Object> pictures,
            InlineFigures figures) {
        return around(NinjsMapper.map(article, version, figures), version, siblings, pictures);
    }

    /**
     * As above, with the newsroom's defaults, as of {@code now} (a lifted embargo is left out).
     */
    static Object map(
            PublicArticle article,
            NinjsVersion version,
            List<Article> siblings,
            List<Object> pictures,
            InlineFigures figures,
            NinjsNewsroom newsroom,
            java.time.Instant now) {
        return around(NinjsMapper.map(article, version, now, newsroom, figures), version, siblings, pictures);
    }

    private static Object around(Object item, NinjsVersion version, List<Article> siblings, List<Object> pictures) {
        if (siblings.isEmpty() && pictures.isEmpty()) {
            return item;
        }
        List<Object> associations = new java.util.ArrayList<>(pictures);
        siblings.stream()
                .map(s -> new Association(
                        s.headline(),
                        NinjsMapper.uri(s.id()),
                        "text",
                        version == NinjsVersion.V3_1 ? REL : null,
                        s.language().value()))
                .forEach(associations::add);
        return new WithAssociations(item, associations);
    }

    /** One sibling: its headline as the name, its ninjs uri, and its language. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Association(
            String name,
            String uri,
            String type,
            @org.jspecify.annotations.Nullable String rel,
            String language) {}

    /** The item's own properties, then {@code associations}. */
    record WithAssociations(@JsonUnwrapped Object item, List<Object> associations) {}
}
