package news.cms.core.revision;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence: what stayed, what went, what came. Lines
 * are the body's paragraphs and list items, the units editors compare.
 */
public final class TextDiff {

    public enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    public record Line(Kind kind, String text) {}

    /** Texts with more lines than this are compared as a whole, removed then added. */
    static final int MAX_LINES = 5_000;

    private TextDiff() {}

    public static List<Line> lines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if ((long) a.length * b.length > (long) MAX_LINES * MAX_LINES / 4) {
            List<Line> whole = new ArrayList<>();
            for (String line : a) {
                whole.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                whole.add(new Line(Kind.ADDED, line));
            }
            return whole;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                diff.add(new Line(Kind.SAME, a[i]));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                diff.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            diff.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            diff.add(new Line(Kind.ADDED, b[j++]));
        }
        return diff;
    }
}
