package news.cms.core.media;

import java.util.regex.Pattern;

/**
 * A rendition to make of every picture: fit within {@code width} pixels across (never enlarged),
 * or, with an aspect such as 16:9, a crop of that shape around the focal point, {@code width}
 * across.
 *
 * @param aspectWidth 0 for "keep the original's shape"
 */
public record RenditionSpec(String name, int width, int aspectWidth, int aspectHeight) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public RenditionSpec {
        if (name == null || !NAME.matcher(name).matches() || name.equals("original")) {
            throw new IllegalArgumentException(
                    "a rendition name is 1–32 lowercase letters, digits or dashes," + " not \"original\": " + name);
        }
        if (width < 16 || width > 8_000) {
            throw new IllegalArgumentException("rendition " + name + ": width must be 16–8000, not " + width);
        }
        if (aspectWidth < 0 || aspectHeight < 0 || (aspectWidth == 0) != (aspectHeight == 0)) {
            throw new IllegalArgumentException("rendition " + name + ": an aspect needs both sides");
        }
    }

    public boolean crops() {
        return aspectWidth > 0;
    }
}
