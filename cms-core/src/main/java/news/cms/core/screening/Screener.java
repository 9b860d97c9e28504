package news.cms.core.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import news.cms.core.comment.Repeats;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.internal.NormalizedText;
import news.cms.core.screening.internal.PatternRules;
import news.cms.core.screening.internal.RuleLists;
import news.cms.core.screening.internal.TermRule;
import news.cms.core.screening.internal.TextNormalizer;
import org.springframework.stereotype.Component;

/**
 * Screens a comment's text against every language's word list (readers switch languages and
 * scripts within one comment) and the promotion patterns. Stateless and thread-safe.
 */
@Component
public class Screener {

    /** The rule name of evidence that the client posted this text before. */
    public static final String REPEATED_BY_CLIENT = "repeated-text-same-client";
    /** The rule name of evidence that this text was posted on the article {@link #ARTICLE_REPEATS} times. */
    public static final String REPEATED_ON_ARTICLE = "repeated-text-on-article";
    /** Earlier posts of one text on one article, by anyone, that make it look like a campaign. */
    public static final int ARTICLE_REPEATS = 2;

    private final List<TermRule> terms;

    public Screener() {
        this.terms = RuleLists.load();
    }

    /**
     * @param language the comment's language; all lists apply whatever it is, it is kept for
     *     language-specific rules to come
     */
    public ScreeningResult screen(String text, LanguageTag language) {
        NormalizedText words = TextNormalizer.forWords(text);
        List<Evidence> found = new ArrayList<>();
        for (TermRule rule : terms) {
            found.addAll(rule.find(text, words));
        }
        found.addAll(PatternRules.find(text));
        return ScreeningResult.of(withoutNested(found));
    }

    /**
     * Like {@link #screen(String, LanguageTag)}, adding spam evidence over the whole text when the
     * same text was posted before by the same client, or {@link #ARTICLE_REPEATS} times or more by
     * anyone on the same article (copy-paste campaigns).
     */
    public ScreeningResult screen(String text, LanguageTag language, Repeats repeats) {
        ScreeningResult words = screen(text, language);
        List<Evidence> found = new ArrayList<>(words.evidence());
        if (repeats.byClient() > 0) {
            found.add(new Evidence(ScreeningCategory.SPAM, REPEATED_BY_CLIENT, text, 0, text.length()));
        }
        if (repeats.onArticle() >= ARTICLE_REPEATS) {
            found.add(new Evidence(ScreeningCategory.SPAM, REPEATED_ON_ARTICLE, text, 0, text.length()));
        }
        return found.size() == words.evidence().size() ? words : ScreeningResult.of(found);
    }

    /** The number of listed terms, for logs and tests. */
    public int termCount() {
        return terms.size();
    }

    // Drops a match lying inside another of the same category ("www.x.com" is a link, not also a domain).
    private static List<Evidence> withoutNested(List<Evidence> found) {
        List<Evidence> sorted = found.stream()
                .sorted(Comparator.comparingInt(Evidence::start)
                        .thenComparing(Comparator.comparingInt(Evidence::end).reversed()))
                .toList();
        List<Evidence> kept = new ArrayList<>();
        for (Evidence e : sorted) {
            boolean nested = kept.stream()
                    .anyMatch(k -> k.category() == e.category() && k.start() <= e.start() && e.end() <= k.end());
            if (!nested) {
                kept.add(e);
            }
        }
        return kept;
    }
}
