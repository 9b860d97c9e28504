package news.cms.editor.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.push.DeliveryAttempt;
import news.cms.core.push.PushSubscriptions;
import news.cms.core.push.Subscription;
import news.cms.core.push.SubscriptionDisabled;
import news.cms.core.push.SubscriptionId;
import news.cms.core.push.SubscriptionNotFound;
import news.cms.editor.layout.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One push subscription's delivery log, newest attempt first: when (in the user's time zone), which
 * feed entry, the HTTP status, how long it took, the outcome and the error; failed attempts only if
 * asked; fifty at a time. Replays the subscription from a feed position or from a time.
 */
@Route("admin/push-log/:id")
@RolesAllowed("ADMIN")
class PushLogView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 50;

    private final PushSubscriptions push;
    private final Clock clock;
    private final H2 title = new H2();
    private final Span state = new Span();
    private final Checkbox failedOnly = new Checkbox();
    private final Grid<DeliveryAttempt> grid = new Grid<>(DeliveryAttempt.class, false);
    private final Span empty = new Span();
    private final List<DeliveryAttempt> shown = new ArrayList<>();
    /** Hidden when there is nothing older. */
    final Button more = new Button();

    private final IntegerField fromSequence = new IntegerField();
    private final DateTimePicker since = new DateTimePicker();
    private @Nullable Subscription subscription;
    private long before = Long.MAX_VALUE;

    PushLogView(PushSubscriptions push, Clock clock) {
        this.push = push;
        this.clock = clock;
        setSizeFull();
        Anchor back = new Anchor("admin/push", getTranslation("push.back"));
        back.getElement().setAttribute("router-link", true);
        back.setId("push-log-back");
        title.setId("push-log-title");
        title.getElement().setAttribute("dir", "auto");
        state.setId("push-log-state");

        failedOnly.setId("push-log-failed");
        failedOnly.setLabel(getTranslation("push.log.failed-only"));
        failedOnly.addValueChangeListener(e -> reload());

        grid.setId("push-log-grid");
        grid.addColumn(a -> Notices.when(a.at()))
                .setHeader(getTranslation("push.log.at"))
                .setAutoWidth(true);
        grid.addColumn(a -> number(a.sequence()))
                .setHeader(getTranslation("push.log.sequence"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.statusCode() == null
                        ? getTranslation("push.log.no-answer")
                        : a.statusCode().toString())
                .setHeader(getTranslation("push.log.status"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation("push.log.ms", number(a.latencyMillis())))
                .setHeader(getTranslation("push.log.latency"))
                .setAutoWidth(true);
        grid.addColumn(a ->
                        getTranslation("push.outcome." + Notices.key(a.outcome().name())))
                .setHeader(getTranslation("push.log.outcome"))
                .setAutoWidth(true);
        grid.addComponentColumn(a -> {
                    Span error = new Span(a.error() == null ? "" : a.error());
                    // The endpoint's own words, often English: their own direction.
                    error.getElement().setAttribute("dir", "auto");
                    return error;
                })
                .setHeader(getTranslation("push.log.error"))
                .setFlexGrow(2);
        grid.setPartNameGenerator(a -> a.outcome() == DeliveryAttempt.Outcome.DELIVERED ? "push-ok" : "push-failed");
        empty.setId("push-log-empty");
        empty.setText(getTranslation("push.log.empty"));
        more.setId("push-log-more");
        more.setText(getTranslation("push.log.older"));
        more.addClickListener(e -> load());

        fromSequence.setId("push-replay-sequence");
        fromSequence.setLabel(getTranslation("push.replay.sequence"));
        fromSequence.setHelperText(getTranslation("push.replay.sequence.helper"));
        since.setId("push-replay-since");
        since.setLabel(getTranslation("push.replay.since"));
        since.setHelperText(
                getTranslation("push.replay.since.helper", Notices.zone().getId()));
        Button replay = new Button(getTranslation("push.replay"), e -> replay());
        replay.setId("push-replay");
        HorizontalLayout replayRow = new HorizontalLayout(fromSequence, since, replay);
        replayRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        replayRow.setWrap(true);

        add(back, title, state, failedOnly, empty, grid, more, new H3(getTranslation("push.replay.title")), replayRow);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            subscription = push.find(SubscriptionId.parse(id));
        } catch (IllegalArgumentException | SubscriptionNotFound e) {
            Notices.refused(getTranslation("push.gone"));
            event.forwardTo(PushSubscriptionsView.class);
            return;
        }
        title.setText(getTranslation("push.log.title", subscription.name()));
        String why = disabledReason(subscription.disabledReason());
        state.setText(
                getTranslation("push.state." + Notices.key(subscription.state().name()))
                        + (why == null ? "" : " — " + why));
        reload();
    }

    /** Why the worker disabled it, in the UI's language; a reason stored in another form as it is. */
    private @Nullable String disabledReason(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.equals(SubscriptionDisabled.GONE)) {
            return getTranslation("push.disabled.gone");
        }
        if (stored.startsWith(SubscriptionDisabled.FAILING_SINCE)) {
            try {
                Instant since = Instant.parse(stored.substring(SubscriptionDisabled.FAILING_SINCE.length()));
                return getTranslation("push.disabled.failing", Notices.when(since));
            } catch (DateTimeParseException e) {
                return stored;
            }
        }
        return stored;
    }

    private void reload() {
        shown.clear();
        before = Long.MAX_VALUE;
        load();
    }

    private void load() {
        if (subscription == null) {
            return;
        }
        List<DeliveryAttempt> page = push.attempts(subscription.id(), failedOnly.getValue(), before, PAGE);
        shown.addAll(page);
        grid.setItems(List.copyOf(shown));
        if (!page.isEmpty()) {
            before = page.getLast().id();
        }
        more.setVisible(page.size() == PAGE);
        empty.setVisible(shown.isEmpty());
    }

    private void replay() {
        if (subscription == null) {
            return;
        }
        fromSequence.setInvalid(false);
        since.setInvalid(false);
        Integer position = fromSequence.getValue();
        var time = since.getValue();
        if ((position == null) == (time == null) || (position != null && position < 1)) {
            fromSequence.setErrorMessage(getTranslation("push.replay.choose"));
            fromSequence.setInvalid(true);
            return;
        }
        Instant at = time == null ? null : time.atZone(Notices.zone()).toInstant();
        if (at != null && at.isAfter(clock.instant())) {
            since.setErrorMessage(getTranslation("push.replay.future"));
            since.setInvalid(true);
            return;
        }
        try {
            int queued = position != null
                    ? push.replay(subscription.id(), position - 1L)
                    : push.replaySince(subscription.id(), at);
            Notices.done(getTranslation("push.replay.done", queued));
            fromSequence.clear();
            since.clear();
        } catch (AccessDeniedException | IllegalArgumentException | IllegalStateException e) {
            Notices.refused(Notices.explain(e));
        }
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Notices.locale()).format(n);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("push.page-title");
    }
}
