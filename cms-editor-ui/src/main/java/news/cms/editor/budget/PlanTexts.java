package news.cms.editor.budget;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import news.cms.core.budget.PlanState;
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

    /**
     * An item's card as the budget and the assignments show it: slug, state, due time, what the page
     * adds ({@code details}), length and languages in one wrapping line, then the notes.
     */
    static Div card(PlannedItem item, Instant now, Component... details) {
        Div row = new Div();
        row.addClassName("budget-item");
        row.getElement().setAttribute("data-item", item.id().toString());
        row.getElement().setAttribute("data-state", item.state().name());
        if (item.isOverdue(now)) {
            row.addClassName("plan-is-overdue");
        }
        if (item.state() == PlanState.CANCELLED) {
            row.addClassName("plan-is-cancelled");
        }
        Span due = new Span(Notices.t("budget.due", due(item.plan().due())));
        due.addClassName("plan-due");
        HorizontalLayout head = new HorizontalLayout(slug(item), state(item, now), due);
        head.add(details);
        head.add(new Span(Notices.t("budget.words", item.plan().plannedWords())), new Span(languages(item)));
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        head.getStyle().set("flex-wrap", "wrap");
        row.add(head);
        if (!item.plan().notes().isEmpty()) {
            Paragraph notes = new Paragraph(item.plan().notes());
            notes.addClassName("plan-notes");
            notes.getElement().setAttribute("dir", "auto");
            row.add(notes);
        }
        return row;
    }

    /** A link to the story a started item became. */
    static Anchor storyLink(PlannedItem item) {
        Anchor story = new Anchor("story/" + item.articleId(), Notices.t("budget.open-story"));
        story.getElement().setAttribute("router-link", true);
        story.addClassName("plan-story");
        return story;
    }
}
