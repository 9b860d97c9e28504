package news.cms.editor.translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A body's paragraphs (Markdown blocks split at blank lines) and how the source's paragraphs moved
 * between the version a translation was made from and now: a longest-common-subsequence diff, with
 * a run of removed paragraphs next to a run of added ones read as changed paragraphs, pair by pair.
 */
final class Paragraphs {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n\\s*");

    /** Bodies with more paragraphs than this are compared as one changed block per paragraph. */
    static final int MAX = 2_000;

    enum Kind {
        SAME,
        CHANGED,
        ADDED,
        REMOVED
    }

    /**
     * One row of the side-by-side view.
     *
     * @param before the paragraph in the translated version, null when it is new
     * @param after the paragraph now, null when it was removed
     * @param baseIndex the paragraph's place in the translated version (the translation's paragraph
     *     at that place is the one aligned with it); -1 for a new paragraph
     */
    record Row(Kind kind, @Nullable String before, @Nullable String after, int baseIndex) {}

    private Paragraphs() {}

    static List<String> of(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(BLANK_LINE.split(trimmed.replace("\r\n", "\n")))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** Paragraphs back into a body: one blank line between them, blank ones dropped. */
    static String join(List<String> paragraphs) {
        return String.join(
                "\n\n",
                paragraphs.stream().map(String::strip).filter(p -> !p.isEmpty()).toList());
    }

    /** The rows from the translated version's paragraphs to the current ones, in the current order. */
    static List<Row> compare(List<String> base, List<String> now) {
        if ((long) base.size() * now.size() > (long) MAX * MAX) {
            return pairRuns(base, 0, base.size(), now, 0, now.size(), new ArrayList<>());
        }
        int[][] common = new int[base.size() + 1][now.size() + 1];
        for (int i = base.size() - 1; i >= 0; i--) {
            for (int j = now.size() - 1; j >= 0; j--) {
                common[i][j] = base.get(i).equals(now.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < base.size() || j < now.size()) {
            if (i < base.size() && j < now.size() && base.get(i).equals(now.get(j))) {
                rows.add(new Row(Kind.SAME, base.get(i), now.get(j), i));
                i++;
                j++;
                continue;
            }
            // The run of differences up to the next common paragraph.
            int i0 = i;
            int j0 = j;
            while (i < base.size() || j < now.size()) {
                if (i < base.size() && j < now.size() && base.get(i).equals(now.get(j))) {
                    break;
                }
                if (j >= now.size() || (i < base.size() && common[i + 1][j] >= common[i][j + 1])) {
                    i++;
                } else {
                    j++;
                }
            }
            pairRuns(base, i0, i, now, j0, j, rows);
        }
        return rows;
    }

    /** Removed base[i0, i1) against added now[j0, j1): changed pairs first, then the rest. */
    private static List<Row> pairRuns(
            List<String> base, int i0, int i1, List<String> now, int j0, int j1, List<Row> rows) {
        int pairs = Math.min(i1 - i0, j1 - j0);
        for (int k = 0; k < pairs; k++) {
            rows.add(new Row(Kind.CHANGED, base.get(i0 + k), now.get(j0 + k), i0 + k));
        }
        for (int k = i0 + pairs; k < i1; k++) {
            rows.add(new Row(Kind.REMOVED, base.get(k), null, k));
        }
        for (int k = j0 + pairs; k < j1; k++) {
            rows.add(new Row(Kind.ADDED, null, now.get(k), -1));
        }
        return rows;
    }
}
