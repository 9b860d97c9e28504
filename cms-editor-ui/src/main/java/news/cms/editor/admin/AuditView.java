package news.cms.editor.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.editor.layout.AuditTexts;
import news.cms.editor.layout.DatePickers;
import news.cms.editor.layout.Notices;
import org.jspecify.annotations.Nullable;

/**
 * The whole audit trail for admins, newest first: every sign-in, account and partner-key change,
 * story command and moderation decision, filtered by who, what, kind of target and days (in the
 * user's time zone), fifty at a time.
 */
@Route("admin/audit")
@RolesAllowed("ADMIN")
class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 50;
    static final int MAX_ACTOR = 100;

    private final AuditLog audit;
    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final ComboBox<String> type = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);
    private final Span empty = new Span();
    private final List<AuditEvent> shown = new ArrayList<>();
    /** Hidden when there is nothing more; package-private for tests. */
    final Button more = new Button();

    private @Nullable AuditQuery next;

    AuditView(AuditLog audit) {
        this.audit = audit;
        setSizeFull();
        actor.setId("audit-actor");
        actor.setLabel(getTranslation("history.who"));
        actor.setPlaceholder(getTranslation("audit.any"));
        actor.setClearButtonVisible(true);
        actor.setMaxLength(MAX_ACTOR);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId("audit-action");
        action.setLabel(getTranslation("history.what"));
        action.setPlaceholder(getTranslation("audit.any"));
        action.setClearButtonVisible(true);
        action.setItems(AuditTexts.actions());
        action.setItemLabelGenerator(AuditTexts::action);
        action.setWidth("16em");
        type.setId("audit-type");
        type.setLabel(getTranslation("audit.target"));
        type.setPlaceholder(getTranslation("audit.any"));
        type.setClearButtonVisible(true);
        type.setItems(AuditTexts.TARGET_TYPES);
        type.setItemLabelGenerator(AuditTexts::targetType);
        from.setId("audit-from");
        from.setLabel(getTranslation("calendar.from"));
        DatePickers.localise(from);
        from.setClearButtonVisible(true);
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        DatePickers.localise(to);
        to.setClearButtonVisible(true);
        actor.addValueChangeListener(e -> reload());
        action.addValueChangeListener(e -> reload());
        type.addValueChangeListener(e -> reload());
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        HorizontalLayout filters = new HorizontalLayout(actor, action, type, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("audit-grid");
        AuditTexts.columns(grid, AuditView::target);
        empty.setId("audit-empty");
        empty.setText(getTranslation("audit.empty"));
        more.setId("audit-more");
        more.setText(getTranslation("search.more"));
        more.addClickListener(e -> {
            if (next != null) {
                load(next);
            }
        });
        add(new H2(getTranslation("nav.audit")), filters, empty, grid, more);
        setFlexGrow(1, grid);
        reload();
    }

    private void reload() {
        AuditQuery query = query();
        if (query == null) {
            return; // the field says what is wrong; the rows shown stay
        }
        shown.clear();
        load(query);
    }

    /** The filters as a query, or null (with the field marked) when they cannot mean anything. */
    private @Nullable AuditQuery query() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        if (first != null && last != null && last.isBefore(first)) {
            to.setErrorMessage(getTranslation("audit.range-invalid"));
            to.setInvalid(true);
            return null;
        }
        to.setInvalid(false);
        String who = actor.getValue() == null ? "" : actor.getValue().strip();
        Instant start =
                first == null ? null : first.atStartOfDay(Notices.zone()).toInstant();
        // The last day counts whole: up to the start of the day after it.
        Instant end = last == null
                ? null
                : last.plusDays(1).atStartOfDay(Notices.zone()).toInstant();
        return new AuditQuery(
                type.getValue(), null, action.getValue(), who.isEmpty() ? null : who, start, end, null, PAGE);
    }

    private void load(AuditQuery query) {
        List<AuditEvent> page = audit.find(query);
        shown.addAll(page);
        grid.setItems(List.copyOf(shown));
        next = page.size() < query.limit() ? null : query.after(page.getLast());
        more.setVisible(next != null);
        empty.setVisible(shown.isEmpty());
    }

    private static Component target(AuditEvent e) {
        String kind = AuditTexts.targetType(e.targetType());
        if ("article".equals(e.targetType())) {
            Anchor story = new Anchor("story/" + e.targetId(), kind);
            story.getElement().setAttribute("router-link", true);
            story.getElement().setAttribute("title", e.targetId());
            return story;
        }
        Span target = new Span(kind + " " + e.targetId());
        target.getElement().setAttribute("dir", "auto");
        return target;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
