package news.cms.core.note;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.language.TextDirection;
import org.jspecify.annotations.Nullable;

/** Pure text rules of notes: paragraphs of a body, finding a quote again, mentions and direction. */
public final class Passages {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");

    /**
     * An {@code @name}: letters of any script, digits, dots, dashes and underscores, not glued to a
     * word before it (an e-mail address is no mention).
     */
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}._-]{0,63})");

    private Passages() {}

    /** The body's paragraphs (Markdown: separated by blank lines), trimmed, empty ones left out. */
    public static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String p : BLANK_LINES.split(body.replace("\r", "").strip())) {
            String trimmed = p.strip();
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }

    /**
     * The paragraph that holds the quote now: of those that hold it, the nearest to where it was
     * (the earlier on a tie); null when no paragraph holds it any more.
     */
    public static @Nullable Integer find(Anchor anchor, String body) {
        List<String> paragraphs = paragraphs(body);
        Integer best = null;
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).contains(anchor.quote())
                    && (best == null || Math.abs(i - anchor.paragraph()) < Math.abs(best - anchor.paragraph()))) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the paragraph at the anchor's index holds its quote: the check when a note is added. */
    public static boolean holds(Anchor anchor, String body) {
        List<String> paragraphs = paragraphs(body);
        return anchor.paragraph() < paragraphs.size()
                && paragraphs.get(anchor.paragraph()).contains(anchor.quote());
    }

    /** The {@code @names} in the text, in order, each once; trailing dots and dashes are punctuation. */
    public static SequencedSet<String> mentionedNames(String text) {
        SequencedSet<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).replaceAll("[._-]+$", "");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** A run of a note's text: a mention ({@code @name}) or the words between. */
    public record Piece(String text, boolean mention) {}

    /** The text cut into mentions and the words between, in order; joined they give the text back. */
    public static List<Piece> pieces(String text) {
        List<Piece> out = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Piece(text.substring(at, m.start()), false));
            }
            out.add(new Piece(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Piece(text.substring(at), false));
        }
        return out;
    }

    /**
     * The direction of the text's script: right to left when it has more right-to-left letters
     * than left-to-right ones, mentions left out (an Arabic note that starts with {@code @layla} is
     * still Arabic); on a tie, its first strong letter decides.
     */
    public static TextDirection direction(String text) {
        String words = MENTION.matcher(text).replaceAll(" ");
        int rtl = 0;
        int ltr = 0;
        TextDirection first = null;
        for (int i = 0; i < words.length(); ) {
            int cp = words.codePointAt(i);
            i += Character.charCount(cp);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                rtl++;
                first = first == null ? TextDirection.RTL : first;
            } else if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                ltr++;
                first = first == null ? TextDirection.LTR : first;
            }
        }
        if (rtl != ltr) {
            return rtl > ltr ? TextDirection.RTL : TextDirection.LTR;
        }
        return first == null ? TextDirection.LTR : first;
    }
}
