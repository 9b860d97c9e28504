package news.cms.editor.story;

import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.StreamRegistration;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaService;
import news.cms.core.media.MediaText;
import news.cms.core.media.Rendition;
import org.jspecify.annotations.Nullable;

/**
 * The story's pictures as the editor's previews show them: each rendition served to this session
 * only, through MediaService (staff only, never the original), at an address that changes when the
 * rendition does (a new focal point's crop is a new address, so no browser shows a stale one).
 */
final class PicturePreviews {

    /** A picture the body or the featured slot shows: where its bytes are and what it says. */
    record Shown(
            MediaId id,
            String src,
            @Nullable String alt,
            @Nullable String caption,
            @Nullable String credit) {}

    private final MediaService media;
    private final Element owner;
    private final Map<String, StreamRegistration> registered = new HashMap<>();
    private List<MediaItem> pictures = List.of();
    private @Nullable MediaItem featured;
    private LanguageTag language = LanguageTag.ENGLISH;

    PicturePreviews(MediaService media, Element owner) {
        this.media = media;
        this.owner = owner;
    }

    void set(List<MediaItem> pictures, @Nullable MediaItem featured, LanguageTag language) {
        this.pictures = List.copyOf(pictures);
        this.featured = featured;
        this.language = language;
    }

    List<MediaItem> pictures() {
        return pictures;
    }

    Optional<Shown> featured() {
        return Optional.ofNullable(featured).flatMap(f -> shown(f, "view"));
    }

    /** A picture of this story placed in the body, by its id; empty for any other id. */
    Optional<Shown> inline(UUID id) {
        return pictures.stream()
                .filter(p -> p.id().value().equals(id))
                .findFirst()
                .flatMap(p -> shown(p, "view"));
    }

    private Optional<Shown> shown(MediaItem item, String rendition) {
        MediaText text = item.text(language);
        return src(item, rendition)
                .map(src -> new Shown(item.id(), src, text.altText(), text.caption(), text.credit()));
    }

    /**
     * The address of the rendition of that name (the current one, else the last made), empty while
     * none has been made yet.
     */
    Optional<String> src(MediaItem item, String name) {
        Optional<Rendition> rendition = item.rendition(name)
                .or(() -> item.renditions().stream()
                        .filter(r -> r.name().equals(name))
                        .findFirst());
        return rendition.map(r -> {
            String key = item.id() + "/" + name + "/" + r.sha256();
            return registered
                    .computeIfAbsent(key, k -> register(item.id(), name))
                    .getResourceUri()
                    .toString();
        });
    }

    private StreamRegistration register(MediaId id, String name) {
        DownloadHandler bytes = DownloadHandler.fromInputStream(event -> media.preview(id, name)
                .map(b -> new DownloadResponse(new ByteArrayInputStream(b), name + ".jpg", "image/jpeg", b.length))
                .orElseGet(() -> DownloadResponse.error(404)));
        return VaadinSession.getCurrent().getResourceRegistry().registerResource(bytes, owner);
    }

    /** Forgets every address (the view is left). */
    void clear() {
        registered.values().forEach(StreamRegistration::unregister);
        registered.clear();
    }
}
