package news.cms.core.body;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a renderer needs to print the pictures a body places with {@code ![alt text](media:<uuid>)}
 * (docs/adr/0026): for each picture, the figure to show, or nothing when it may not be shown (then
 * the picture is left out). The body feature knows no more of pictures than this.
 */
@FunctionalInterface
public interface InlineFigures {

    /** The target of an inline picture: {@code media:} and the picture's id in canonical form. */
    Pattern TARGET = Pattern.compile("media:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    /** Pictures are not resolved: each is printed as its alt text, as any Markdown image is. */
    InlineFigures AS_TEXT = (media, alt) -> Optional.empty();

    /** No picture may be shown: each is left out. */
    InlineFigures NONE = (media, alt) -> Optional.empty();

    /**
     * @param altText the alt text written in the body, possibly blank
     * @return the figure, or empty to leave the picture out
     */
    Optional<Figure> figure(UUID media, String altText);

    /**
     * One picture as printed: {@code <figure><img src alt width height srcset><figcaption>caption —
     * credit</figcaption></figure>}.
     *
     * @param src an absolute {@code http(s)} URL of the rendition shown by default
     * @param srcset the renditions of the same shape with their widths ({@code url 640w, …}), or null
     */
    record Figure(
            String src,
            int width,
            int height,
            @Nullable String srcset,
            String alt,
            @Nullable String caption,
            @Nullable String credit) {

        public Figure {
            if (src == null || !(src.startsWith("https://") || src.startsWith("http://"))) {
                throw new IllegalArgumentException("a figure's source must be an absolute web URL: " + src);
            }
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("a figure needs its size: " + width + "x" + height);
            }
            if (alt == null) {
                throw new IllegalArgumentException("a figure needs an alt text, even an empty one");
            }
        }
    }
}
