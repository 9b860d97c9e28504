package news.cms.editor.budget;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.cms.core.budget.BudgetRefused;
import news.cms.core.budget.BudgetService;
import news.cms.core.budget.PlanState;
import news.cms.core.budget.PlannedItem;
import news.cms.editor.layout.DatePickers;
import news.cms.editor.layout.Notices;

/**
 * The day's story budget for editors: a day in the user's time zone, its planned items grouped by
 * section, each with its reporter, due time, length, languages and notes; plan, edit, cancel.
 */
@Route("budget")
@RolesAllowed("EDITOR")
class BudgetView extends VerticalLayout implements HasDynamicTitle {

    private final BudgetService budget;
    private final Clock clock;
    final DatePicker day = new DatePicker();
    final Div sections = new Div();
    private final Span empty = new Span();

    BudgetView(BudgetService budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
        day.setId("budget-day");
        day.setLabel(getTranslation("budget.day"));
        DatePickers.localise(day);
        day.setValue(LocalDate.now(clock.withZone(Notices.zone())));
        day.addValueChangeListener(e -> reload());
        Button plan = new Button(getTranslation("budget.new"), e -> open(null));
        plan.setId("budget-new");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(day, plan);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        sections.setId("budget-sections");
        sections.setWidthFull();
        empty.setId("budget-empty");
        empty.getElement().setAttribute("role", "status");
        add(new H2(getTranslation("budget.page-title")), bar, empty, sections);
        reload();
    }

    private LocalDate shownDay() {
        return day.getValue() == null ? LocalDate.now(clock.withZone(Notices.zone())) : day.getValue();
    }

    void reload() {
        sections.removeAll();
        ZoneId zone = Notices.zone();
        LocalDate d = shownDay();
        List<PlannedItem> items = budget.due(
                d.atStartOfDay(zone).toInstant(),
                d.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, List<PlannedItem>> bySection = new TreeMap<>();
        items.forEach(i -> bySection
                .computeIfAbsent(i.plan().section(), s -> new java.util.ArrayList<>())
                .add(i));
        Instant now = clock.instant();
        bySection.forEach((section, list) -> {
            // The name keeps its own direction inside a heading aligned with the page.
            Span name = new Span(section);
            name.getElement().setAttribute("dir", "auto");
            H3 heading = new H3(name);
            heading.addClassName("budget-section");
            VerticalLayout rows = new VerticalLayout();
            rows.setPadding(false);
            rows.setSpacing(false);
            rows.addClassName("budget-list");
            rows.getElement().setAttribute("data-section", section);
            list.forEach(i -> rows.add(row(i, now)));
            sections.add(heading, rows);
        });
        empty.setText(items.isEmpty() ? getTranslation("budget.empty") : "");
    }

    /** A saved item shows where it is due: its day (late in the evening a new one is due after midnight). */
    private void saved(PlannedItem item) {
        LocalDate due = LocalDate.ofInstant(item.plan().due(), Notices.zone());
        if (due.equals(shownDay())) {
            reload();
        } else {
            day.setValue(due); // reloads
        }
    }

    private Div row(PlannedItem item, Instant now) {
        Div row = PlanTexts.card(
                item,
                now,
                new Span(getTranslation("budget.assigned-to", item.plan().assignee())));
        HorizontalLayout actions = new HorizontalLayout();
        if (item.state() == PlanState.PLANNED) {
            Button edit = new Button(getTranslation("budget.edit"), e -> open(item));
            edit.addClassName("plan-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button cancel = new Button(getTranslation("budget.cancel"), e -> cancel(item));
            cancel.addClassName("plan-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(edit, cancel);
        } else if (item.articleId() != null) {
            actions.add(PlanTexts.storyLink(item));
        }
        row.add(actions);
        return row;
    }

    private void open(PlannedItem item) {
        new PlanDialog(budget, item, shownDay(), this::saved).open();
    }

    private void cancel(PlannedItem item) {
        try {
            budget.cancel(item.id(), item.version());
            Notices.done(getTranslation("budget.cancelled"));
        } catch (BudgetRefused e) {
            Notices.refused(Notices.explain(e));
        }
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("budget.page-title");
    }
}
