package news.cms.editor.calendar;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.CalendarEntry;
import news.cms.core.article.CalendarQuery;
import news.cms.core.budget.BudgetService;
import news.cms.core.budget.PlanState;
import news.cms.core.budget.PlannedItem;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationGroupId;
import news.cms.core.translation.TranslationService;
import news.cms.editor.budget.PlanTexts;
import news.cms.editor.layout.DatePickers;
import news.cms.editor.layout.Notices;
import org.jspecify.annotations.Nullable;

/**
 * Stories going live, embargoes lifting and planned items falling due from a day on, grouped by day
 * in the user's time zone, each linking to its story; "more" continues from the last entry's keyset
 * cursor. Planned items are those due up to the last story entry shown (or {@link #PLAN_HORIZON}
 * ahead when every story entry is shown), so each page holds everything up to its last entry.
 * The language versions of one story on the same day stand together in one block, at the time of
 * the first of them, each with its language (and a stale badge when it is a stale translation).
 */
@Route("calendar")
@RolesAllowed({"REPORTER", "EDITOR", "ADMIN"})
class CalendarView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 50;

    /** How far ahead planned items are shown once the stories' entries run out. */
    static final Duration PLAN_HORIZON = Duration.ofDays(31);

    private final ArticleService articles;
    private final BudgetService budget;
    private final TranslationService translations;
    private final Clock clock;
    /** Planned items due from here on are not shown yet. */
    private Instant plannedFrom = Instant.EPOCH;

    private final ComboBox<String> zone = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final Div days = new Div();
    private final Span empty = new Span();
    /** Hidden when there is nothing more; package-private for tests. */
    final Button more = new Button();

    private final Map<LocalDate, VerticalLayout> shownDays = new LinkedHashMap<>();
    /** A story's versions on a day, together; kept across "more" so a later page joins them. */
    private final Map<GroupDay, StoryVersions> shownGroups = new HashMap<>();
    /** The group memberships of the stories shown, looked up once a page. */
    private final Map<ArticleId, Translation> memberships = new HashMap<>();

    private @Nullable CalendarQuery next;

    CalendarView(ArticleService articles, BudgetService budget, TranslationService translations, Clock clock) {
        this.articles = articles;
        this.budget = budget;
        this.translations = translations;
        this.clock = clock;
        zone.setId("calendar-zone");
        zone.setLabel(getTranslation("dialog.time.zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue(Notices.zone().getId());
        zone.setWidth("16em");
        from.setId("calendar-from");
        from.setLabel(getTranslation("calendar.from"));
        DatePickers.localise(from);
        from.setValue(LocalDate.now(Notices.zone()));
        zone.addValueChangeListener(e -> reload());
        from.addValueChangeListener(e -> reload());
        HorizontalLayout filters = new HorizontalLayout(from, zone);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        days.setId("calendar-days");
        empty.setId("calendar-empty");
        empty.getElement().setAttribute("role", "status");
        more.setId("calendar-more");
        more.setText(getTranslation("search.more"));
        more.addClickListener(e -> {
            if (next != null) {
                load(next);
            }
        });
        add(new H2(getTranslation("nav.calendar")), filters, empty, days, more);
        reload();
    }

    private ZoneId zoneId() {
        return zone.getValue() == null ? Notices.zone() : ZoneId.of(zone.getValue());
    }

    private void reload() {
        days.removeAll();
        shownDays.clear();
        shownGroups.clear();
        memberships.clear();
        LocalDate day = from.getValue() == null ? LocalDate.now(zoneId()) : from.getValue();
        plannedFrom = day.atStartOfDay(zoneId()).toInstant();
        load(new CalendarQuery(plannedFrom, null, null, PAGE));
    }

    private void load(CalendarQuery query) {
        List<CalendarEntry> entries = articles.calendar(query);
        next = entries.size() < query.limit()
                ? null
                : query.after(entries.getLast().cursor());
        Instant plannedTo = next == null
                ? plannedFrom.plus(PLAN_HORIZON)
                : entries.getLast().at();
        List<PlannedItem> planned = planned(plannedFrom, plannedTo);
        translations
                .findAll(entries.stream().map(e -> e.article().id()).toList())
                .forEach(t -> memberships.put(t.articleId(), t));
        plannedFrom = plannedTo.isAfter(plannedFrom) ? plannedTo : plannedFrom;
        // One time line: a planned item sits among the stories by its due time.
        List<Map.Entry<Instant, Runnable>> shown = new ArrayList<>();
        entries.forEach(e -> shown.add(Map.entry(e.at(), () -> add(e))));
        planned.forEach(p -> shown.add(Map.entry(p.plan().due(), () -> add(p))));
        shown.stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().run());
        more.setVisible(next != null);
        // Always in the page (a live region announces changes of its text, not its appearance).
        empty.setText(shownDays.isEmpty() ? getTranslation("calendar.empty") : "");
    }

    /** Items not cancelled due in [from, to), in ranges the budget answers. */
    private List<PlannedItem> planned(Instant from, Instant to) {
        List<PlannedItem> found = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(BudgetService.MAX_RANGE)) {
            Instant end = start.plus(BudgetService.MAX_RANGE).isBefore(to) ? start.plus(BudgetService.MAX_RANGE) : to;
            budget.due(start, end).stream()
                    .filter(p -> p.state() != PlanState.CANCELLED)
                    .forEach(found::add);
        }
        found.sort(Comparator.comparing(p -> p.plan().due()));
        return found;
    }

    private void add(PlannedItem item) {
        ZoneId z = zoneId();
        VerticalLayout list = day(item.plan().due().atZone(z).toLocalDate());
        Span time = new Span(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(Notices.locale())
                .format(item.plan().due().atZone(z)));
        time.addClassName("calendar-time");
        Span kind = new Span(getTranslation("calendar.planned"));
        kind.getElement().getThemeList().add("badge contrast");
        HorizontalLayout row =
                new HorizontalLayout(time, kind, PlanTexts.slug(item), PlanTexts.state(item, clock.instant()));
        if (item.articleId() != null) {
            Anchor story = new Anchor("story/" + item.articleId(), getTranslation("budget.open-story"));
            story.getElement().setAttribute("router-link", true);
            row.add(story);
        }
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.addClassName("calendar-entry");
        if (item.isOverdue(clock.instant())) {
            row.addClassName("plan-is-overdue");
        }
        row.getElement().setAttribute("data-item", item.id().toString());
        row.getElement().setAttribute("data-kind", "PLANNED");
        list.add(row);
    }

    private VerticalLayout day(LocalDate day) {
        return shownDays.computeIfAbsent(day, d -> {
            H3 heading = new H3(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                    .withLocale(Notices.locale())
                    .format(d));
            heading.addClassName("calendar-day");
            VerticalLayout l = new VerticalLayout();
            l.setPadding(false);
            l.setSpacing(false);
            l.getElement().setAttribute("data-day", d.toString());
            l.addClassName("calendar-list");
            days.add(heading, l);
            return l;
        });
    }

    private void add(CalendarEntry entry) {
        ZoneId z = zoneId();
        VerticalLayout list = day(entry.at().atZone(z).toLocalDate());
        Span time = new Span(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(Notices.locale())
                .format(entry.at().atZone(z)));
        time.addClassName("calendar-time");
        Span kind =
                new Span(getTranslation("calendar." + Notices.key(entry.kind().name())));
        kind.getElement().getThemeList().add(entry.kind() == CalendarEntry.Kind.GOES_LIVE ? "badge success" : "badge");
        var article = entry.article();
        Anchor story = new Anchor("story/" + article.id(), article.headline());
        story.getElement().setAttribute("router-link", true);
        story.getElement().setAttribute("dir", article.language().direction().htmlValue());
        story.getElement().setAttribute("lang", article.language().value());
        story.addClassName("calendar-story");
        Span state =
                new Span(getTranslation("state." + Notices.key(article.state().name())));
        HorizontalLayout row = new HorizontalLayout(time, kind, story, state);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.addClassName("calendar-entry");
        row.getElement().setAttribute("data-article", article.id().toString());
        row.getElement().setAttribute("data-kind", entry.kind().name());
        Translation member = memberships.get(article.id());
        if (member == null) {
            list.add(row);
            return;
        }
        Span language = new Span(Notices.languageName(article.language().value()));
        language.addClassName("calendar-language");
        language.getElement().getThemeList().add("badge contrast");
        row.addComponentAtIndex(2, language);
        if (member.stale()) {
            Span stale = new Span(getTranslation("translation.stale"));
            stale.addClassName("stale-badge");
            stale.getElement().getThemeList().add("badge error");
            row.add(stale);
        }
        shownGroups
                .computeIfAbsent(
                        new GroupDay(member.group(), entry.at().atZone(z).toLocalDate()),
                        g -> new StoryVersions(list, g.group()))
                .add(row, article.id(), article.language().value());
    }

    private record GroupDay(TranslationGroupId group, LocalDate day) {}

    /**
     * One story's versions on one day: a line naming its languages once two or more versions are
     * there, then their entries.
     */
    private final class StoryVersions {
        private final VerticalLayout block = new VerticalLayout();
        private final Span heading = new Span();
        private final Set<ArticleId> stories = new LinkedHashSet<>();
        private final Set<String> languages = new LinkedHashSet<>();

        StoryVersions(VerticalLayout day, TranslationGroupId group) {
            block.setPadding(false);
            block.setSpacing(false);
            block.addClassName("calendar-group");
            block.getElement().setAttribute("data-group", group.toString());
            block.getElement().setAttribute("role", "group");
            // Marked off along the line's start edge, so it sits on the right in Arabic and Sorani.
            block.getStyle()
                    .set("border-inline-start", "3px solid var(--lumo-primary-color-50pct)")
                    .set("padding-inline-start", "var(--lumo-space-s)")
                    .set("margin-block", "var(--lumo-space-xs)");
            heading.addClassName("calendar-group-heading");
            heading.getStyle()
                    .set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
            heading.setVisible(false);
            block.add(heading);
            day.add(block);
        }

        void add(HorizontalLayout row, ArticleId story, String language) {
            block.add(row);
            stories.add(story);
            languages.add(language);
            heading.setVisible(stories.size() > 1);
            String names = String.join(
                    " · ", languages.stream().map(Notices::languageName).toList());
            heading.setText(getTranslation("calendar.versions", names));
            block.getElement().setAttribute("aria-label", heading.getText());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.page-title");
    }
}
