package news.cms.core.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import news.cms.core.comment.Repeats;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.internal.AllowRule;
import news.cms.core.screening.internal.NormalizedText;
import news.cms.core.screening.internal.PatternRules;
import news.cms.core.screening.internal.RuleLists;
import news.cms.core.screening.internal.RuleSet;
import news.cms.core.screening.internal.TermRule;
import news.cms.core.screening.internal.TextNormalizer;
import org.springframework.stereotype.Component;

/**
 * Screens a comment's text against the lists that fit it, and the promotion patterns. Stateless and
 * thread-safe.
 *
 * <p>Which lists: the comment's own language list (with that language's word boundaries), the
 * script lists of the scripts its text is written in, and the small cross-language list. When the
 * text also uses a script that is not its language's (an English sentence under an Arabic story,
 * whose comments default to Arabic), the lists of that script's languages run too; an English comment
 * never runs the Turkish list, so English words are not read as Turkish ones. Arabic and Sorani
 * comments are also read as Arabizi when they hold Latin text.
 *
 * <p>Each list runs on the normalised text and, when the text spaces or dots letters apart, on the
 * text with them rejoined. Findings inside an allowed phrase (a place name, an ordinary word) of the
 * languages in play are dropped. Evidence offsets always point into the original text.
 */
@Component
public class Screener {

    /** The rule name of evidence that the client posted this text before. */
    public static final String REPEATED_BY_CLIENT = "repeated-text-same-client";
    /** The rule name of evidence that this text was posted on the article {@link #ARTICLE_REPEATS} times. */
    public static final String REPEATED_ON_ARTICLE = "repeated-text-on-article";
    /** Earlier posts of one text on one article, by anyone, that make it look like a campaign. */
    public static final int ARTICLE_REPEATS = 2;

    private static final List<String> LATIN_LANGUAGES = List.of("en", "tr");
    private static final List<String> ARABIC_LANGUAGES = List.of("ar", "ckb");

    private final Map<String, List<TermRule>> lists = new LinkedHashMap<>();
    private final Map<String, List<AllowRule>> allowed = new LinkedHashMap<>();
    private final Map<String, Selection> selections = new ConcurrentHashMap<>();

    public Screener() {
        for (String language : RuleLists.LANGUAGES) {
            lists.put(language, RuleLists.load(language));
            allowed.put(language, RuleLists.allowed(language));
        }
        for (String script : RuleLists.SCRIPT_LISTS) {
            lists.put(script, RuleLists.load(script));
        }
        lists.put(RuleLists.COMMON, RuleLists.load(RuleLists.COMMON));
    }

    /**
     * @param language the comment's language: it picks the lists and their word boundaries
     */
    public ScreeningResult screen(String text, LanguageTag language) {
        NormalizedText folded = TextNormalizer.fold(text);
        NormalizedText words = TextNormalizer.words(folded, true);
        String own = RuleLists.LANGUAGES.contains(language.primary()) ? language.primary() : "";
        boolean latin = false;
        boolean arabic = false;
        String w = words.text();
        for (int i = 0; i < w.length() && !(latin && arabic); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                latin |= c < 0x250;
                arabic |= c >= 0x600 && c <= 0x6FF;
            }
        }
        Selection selection = selections.computeIfAbsent(own + "|" + latin + "|" + arabic, key -> select(key));

        List<Evidence> found = new ArrayList<>();
        selection.rules().find(text, words, false, found);
        NormalizedText joined = TextNormalizer.rejoin(folded);
        if (joined != null) {
            selection.rules().find(text, TextNormalizer.words(joined, true), true, found);
        }
        if (latin && selection.rules().hasArabizi() && (own.equals("ckb") || RuleSet.looksLikeArabizi(folded))) {
            selection.rules().findArabizi(text, TextNormalizer.words(folded, false), found);
        }
        PatternRules.find(text, folded, found);
        if (joined != null) {
            PatternRules.find(text, joined, found);
        }
        if (!found.isEmpty()) {
            found = AllowRule.without(found, selection.allowed(), words);
        }
        return ScreeningResult.of(withoutNested(found));
    }

    private Selection select(String key) {
        String[] parts = key.split("\\|", -1);
        String own = parts[0];
        boolean latin = Boolean.parseBoolean(parts[1]);
        boolean arabic = Boolean.parseBoolean(parts[2]);
        List<String> names = new ArrayList<>();
        if (!own.isEmpty()) {
            names.add(own);
        }
        if (latin) {
            names.add("latin");
            if (!LATIN_LANGUAGES.contains(own)) {
                LATIN_LANGUAGES.stream().filter(l -> !names.contains(l)).forEach(names::add);
            }
        }
        if (arabic) {
            names.add("arabic");
            if (!ARABIC_LANGUAGES.contains(own)) {
                ARABIC_LANGUAGES.stream().filter(l -> !names.contains(l)).forEach(names::add);
            }
        }
        names.add(RuleLists.COMMON);
        List<TermRule> rules = new ArrayList<>();
        List<AllowRule> allow = new ArrayList<>();
        for (String name : names) {
            rules.addAll(lists.get(name));
            allow.addAll(allowed.getOrDefault(name, List.of()));
        }
        List<TermRule> arabizi = new ArrayList<>();
        if (ARABIC_LANGUAGES.contains(own)) {
            arabizi.addAll(lists.get(own));
            arabizi.addAll(lists.get("arabic"));
        }
        return new Selection(new RuleSet(rules, arabizi), List.copyOf(allow));
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

    /** The number of listed terms over all lists, for logs and tests. */
    public int termCount() {
        return lists.values().stream().mapToInt(List::size).sum();
    }

    // Drops a match lying inside another of the same category ("www.x.com" is a link, not also a
    // domain), and the same finding made twice (on the text and on its rejoined letters).
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

    private record Selection(RuleSet rules, List<AllowRule> allowed) {}
}
