package news.cms.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded picture: the facts of its original (never public), its rights, its focal point, its
 * texts by language (primary subtag, e.g. {@code ckb}) and the renditions made so far.
 *
 * @param generation counts focal point changes; renditions of an older generation are stale
 * @param renditions current and stale renditions by name, as stored
 */
public record MediaItem(
        MediaId id,
        ImageFormat format,
        int width,
        int height,
        long bytes,
        String sha256,
        @Nullable String copyrightHolder,
        @Nullable String usageTerms,
        FocalPoint focalPoint,
        Map<String, MediaText> texts,
        int generation,
        List<Rendition> renditions,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public MediaItem {
        texts = Map.copyOf(texts);
        renditions = List.copyOf(renditions);
    }

    /** The texts in the story's language; empty texts when none were written. */
    public MediaText text(LanguageTag language) {
        return texts.getOrDefault(language.primary(), MediaText.EMPTY);
    }

    /** The rendition of that name made for the current focal point. */
    public Optional<Rendition> rendition(String name) {
        return renditions.stream()
                .filter(r -> r.name().equals(name) && r.generation() == generation)
                .findFirst();
    }

    /** The renditions made for the current focal point. */
    public List<Rendition> currentRenditions() {
        return renditions.stream().filter(r -> r.generation() == generation).toList();
    }
}
