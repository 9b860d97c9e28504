package news.cms.core.screening.internal;

/**
 * Text prepared for matching, with where each of its chars came from: char {@code i} of {@link #text()}
 * stands for the original's UTF-16 range {@code [from[i], to[i])}. Dropped characters (marks, tatweel,
 * invisibles) belong to no char; a collapsed run of letters widens the range of the last char kept.
 */
public final class NormalizedText {

    private final String text;
    private final int[] from;
    private final int[] to;

    NormalizedText(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    public String text() {
        return text;
    }

    /** Start of the original range for normalised chars {@code [start, end)}. */
    public int originalStart(int start) {
        return from[start];
    }

    /** End (exclusive) of the original range for normalised chars {@code [start, end)}. */
    public int originalEnd(int end) {
        return to[end - 1];
    }
}
