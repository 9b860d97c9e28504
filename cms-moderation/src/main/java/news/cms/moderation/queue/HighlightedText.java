package news.cms.moderation.queue;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.TextDirection;
import news.cms.core.screening.Evidence;

/**
 * A comment's text as text nodes with the screening's evidence ranges wrapped in {@link Mark}s,
 * written in its language's direction. Built from components, so the reader's text is never parsed
 * as HTML.
 */
final class HighlightedText {

    private HighlightedText() {}

    static Paragraph of(String text, LanguageTag language, List<Evidence> evidence) {
        Paragraph paragraph = new Paragraph();
        paragraph.getElement().setAttribute("dir", language.direction() == TextDirection.RTL ? "rtl" : "ltr");
        paragraph.getElement().setAttribute("lang", language.value());
        paragraph.getStyle().set("white-space", "pre-wrap");
        int at = 0;
        for (Range range : merged(text, evidence)) {
            if (range.start() > at) {
                paragraph.add(new Text(text.substring(at, range.start())));
            }
            paragraph.add(new Mark(text.substring(range.start(), range.end()), String.join(", ", range.why())));
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
                    String why = e.category().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                    if (!ranges.isEmpty() && e.start() < ranges.getLast().end()) {
                        Range last = ranges.removeLast();
                        last.why().add(why);
                        ranges.add(new Range(last.start(), Math.max(last.end(), e.end()), last.why()));
                    } else {
                        Set<String> reasons = new TreeSet<>();
                        reasons.add(why);
                        ranges.add(new Range(e.start(), e.end(), reasons));
                    }
                });
        return ranges;
    }

    private record Range(int start, int end, Set<String> why) {}
}
