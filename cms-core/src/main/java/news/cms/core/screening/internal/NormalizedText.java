package news.cms.core.screening.internal;

import java.util.Arrays;

/**
 * Text prepared for matching, with where each of its chars came from: char {@code i} of {@link #text()}
 * stands for the original's UTF-16 range {@code [from[i], to[i])}. Dropped characters (marks, tatweel,
 * invisibles, the spaces of a spaced-out word) belong to no char; a collapsed run of letters widens
 * the range of the last char kept. Every step that derives a view from another composes the ranges,
 * so offsets always point into the original text, however many steps lie between.
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

    /** Collects a derived text char by char, each char standing for an original range. */
    static final class Builder {
        private final StringBuilder out;
        private int[] from;
        private int[] to;

        Builder(int capacity) {
            out = new StringBuilder(capacity);
            from = new int[capacity + 8];
            to = new int[capacity + 8];
        }

        int length() {
            return out.length();
        }

        int codePointBefore(int index) {
            return out.codePointBefore(index);
        }

        /** Appends a code point standing for the original range {@code [start, end)}. */
        void append(int cp, int start, int end) {
            int len = out.length();
            out.appendCodePoint(cp);
            if (out.length() > from.length) {
                from = Arrays.copyOf(from, out.length() * 2);
                to = Arrays.copyOf(to, from.length);
            }
            for (int k = len; k < out.length(); k++) {
                from[k] = start;
                to[k] = end;
            }
        }

        /** Makes the last code point also stand for the original up to {@code end}. */
        void widenLast(int end) {
            int len = out.length();
            if (len == 0) {
                return;
            }
            int cp = out.codePointBefore(len);
            for (int k = len - Character.charCount(cp); k < len; k++) {
                to[k] = Math.max(to[k], end);
            }
        }

        NormalizedText build() {
            return new NormalizedText(out.toString(), from, to);
        }
    }
}
