package news.cms.core.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.screening.Evidence;
import news.cms.core.screening.ScreeningCategory;

/**
 * Promotion by pattern, on {@link TextNormalizer#forPatterns} text (lower case, ASCII digits): links,
 * bare domains, e-mail addresses, messaging handles and links, phone numbers. Phone rules want an
 * international prefix, a leading 0 with ten or more digits, or a long digit run, so years
 * ("2019-2020") and figures ("1,250,000") are not phone numbers.
 */
public final class PatternRules {

    private static final String TLDS =
            "com|net|org|info|biz|io|co|me|ly|xyz|iq|tr|krd|app|shop|online|site|store|link|top|click|ru";

    private static final List<Rule> RULES = List.of(
            new Rule("link", "(?:https?://|www\\.)[^\\s]+"),
            new Rule("messaging-link", "(?<![\\p{L}\\p{N}.])(?:t|wa|telegram)\\.me/[^\\s]+"),
            new Rule("email-address", "(?<![\\p{L}\\p{N}._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+"),
            new Rule(
                    "domain",
                    "(?<![\\p{L}\\p{N}@._/-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:" + TLDS
                            + ")(?![\\p{L}\\p{N}])(?:/[^\\s]*)?"),
            new Rule("handle", "(?<![\\p{L}\\p{N}._@])@[a-z0-9_][a-z0-9_.]{2,}"),
            new Rule("phone", "(?<![\\p{N}+])(?:\\+|00)[1-9](?:[\\s.()-]{0,2}\\d){7,14}(?!\\p{N})"),
            new Rule("phone", "(?<![\\p{N}+])0\\d(?:[\\s.()-]{0,2}\\d){8,12}(?!\\p{N})"),
            new Rule("phone", "(?<![\\p{N}+])\\d{10,15}(?!\\p{N})"));

    private PatternRules() {}

    public static List<Evidence> find(String original) {
        List<Evidence> found = new ArrayList<>();
        find(original, TextNormalizer.forPatterns(original), found);
        return found;
    }

    /** Adds the matches in a folded view of the original (also one with spaced letters rejoined). */
    public static void find(String original, NormalizedText normal, List<Evidence> found) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(normal.text());
            while (m.find()) {
                int start = normal.originalStart(m.start());
                int end = normal.originalEnd(stripTrailingPunctuation(normal.text(), m.start(), m.end()));
                found.add(new Evidence(
                        ScreeningCategory.PROMOTION, rule.name(), original.substring(start, end), start, end));
            }
        }
    }

    // "see example.com." ends the sentence, not the link.
    private static int stripTrailingPunctuation(String s, int start, int end) {
        while (end - 1 > start && ".,;:!?)»؟،".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private record Rule(String name, Pattern pattern) {
        Rule(String name, String regex) {
            this(name, Pattern.compile(regex));
        }
    }
}
