package news.cms.core.media;

/**
 * The part of a picture that crops keep: x from the left edge, y from the top, both as a fraction
 * of the side (0–1). The centre by default.
 */
public record FocalPoint(double x, double y) {

    public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

    public FocalPoint {
        if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("a focal point lies within the picture (0–1 each way): " + x + ", " + y);
        }
    }
}
