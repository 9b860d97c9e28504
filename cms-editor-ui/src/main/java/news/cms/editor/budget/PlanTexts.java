package news.cms.editor.budget;

import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import news.cms.core.budget.PlannedItem;
import news.cms.core.language.LanguageTag;
import news.cms.editor.layout.Notices;

/** How a planned item reads in the UI language: shared by the budget, the assignments and the calendar. */
public final class PlanTexts {

    private PlanTexts() {}

    /** The due time as the user's locale writes it, in their time zone. */
    static String due(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Notices.locale())
                .withZone(Notices.zone())
                .format(at);
    }

    static String languages(PlannedItem item) {
        return item.plan().languages().stream()
                .map(LanguageTag::value)
                .map(Notices::languageName)
                .collect(Collectors.joining(", "));
    }

    /** The state as a badge; an overdue item says so in words, not by colour alone. */
    public static Span state(PlannedItem item, Instant now) {
        boolean overdue = item.isOverdue(now);
        Span badge = new Span(Notices.t(
                overdue
                        ? "budget.overdue"
                        : "budget.state." + Notices.key(item.state().name())));
        badge.getElement()
                .getThemeList()
                .add(
                        overdue
                                ? "badge error primary"
                                : switch (item.state()) {
                                    case PLANNED -> "badge";
                                    case STARTED -> "badge success";
                                    case CANCELLED -> "badge contrast";
                                });
        badge.addClassName(overdue ? "plan-overdue" : "plan-state");
        return badge;
    }

    /** The slug as written, in its own direction (any script). */
    public static Span slug(PlannedItem item) {
        Span slug = new Span(item.plan().slug());
        slug.addClassName("plan-slug");
        slug.getElement().setAttribute("dir", "auto");
        return slug;
    }
}
