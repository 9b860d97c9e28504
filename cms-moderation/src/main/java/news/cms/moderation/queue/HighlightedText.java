package news.cms.moderation.queue;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.TextDirection;
import news.cms.core.screening.Evidence;

/**
 * A comment's text as text nodes with the screening's evidence ranges wrapped in {@link Mark}s,
 * written in its language's direction. Each mark is followed by its categories in words, in the UI
 * language, so the highlight does not rely on colour alone (WCAG 1.4.1). Built from components, so
 * the reader's text is never parsed as HTML.
 */
final class HighlightedText {

    private HighlightedText() {}

    /**
     * @param categoryName a guideline category's name in the UI language
     * @param uiLanguage the UI language's tag, for the category labels
     */
    static Paragraph of(
            String text,
            LanguageTag language,
            List<Evidence> evidence,
            Function<RejectionReason, String> categoryName,
            String uiLanguage) {
        Paragraph paragraph = new Paragraph();
        paragraph.getElement().setAttribute("dir", language.direction() == TextDirection.RTL ? "rtl" : "ltr");
        paragraph.getElement().setAttribute("lang", language.value());
        paragraph.getStyle().set("white-space", "pre-wrap");
        int at = 0;
        for (Range range : merged(text, evidence)) {
            if (range.start() > at) {
                paragraph.add(new Text(text.substring(at, range.start())));
            }
            List<String> names = range.why().stream().map(categoryName).toList();
            paragraph.add(new Mark(text.substring(range.start(), range.end()), String.join(", ", names)));
            Span label = new Span("[" + String.join(", ", names) + "]");
            label.addClassName("evidence-category");
            label.getElement().setAttribute("lang", uiLanguage);
            // Isolated, so a left-to-right label inside a right-to-left comment does not reorder it.
            label.getElement().setAttribute("dir", "auto");
            paragraph.add(label);
            at = range.end();
        }
        if (at < text.length()) {
            paragraph.add(new Text(text.substring(at)));
        }
        return paragraph;
    }

    // Overlapping evidence becomes one mark naming every category; ranges outside the text are ignored.
    private static List<Range> merged(String text, List<Evidence> evidence) {
        List<Range> ranges = new ArrayList<>();
        evidence.stream()
                .filter(e -> e.end() <= text.length())
                .sorted((a, b) -> Integer.compare(a.start(), b.start()))
                .forEach(e -> {
                    RejectionReason why = e.category().reason();
                    if (!ranges.isEmpty() && e.start() < ranges.getLast().end()) {
                        Range last = ranges.removeLast();
                        last.why().add(why);
                        ranges.add(new Range(last.start(), Math.max(last.end(), e.end()), last.why()));
                    } else {
                        Set<RejectionReason> reasons = new TreeSet<>();
                        reasons.add(why);
                        ranges.add(new Range(e.start(), e.end(), reasons));
                    }
                });
        return ranges;
    }

    private record Range(int start, int end, Set<RejectionReason> why) {}
}
