package news.cms.moderation.queue;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.Ban;
import news.cms.core.comment.BanNotActive;
import news.cms.core.comment.BulkDecision;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentClosure;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentThreads;
import news.cms.core.comment.RejectionReason;
import news.cms.core.screening.ScreeningResult;
import org.jspecify.annotations.Nullable;

/**
 * The queue of comments waiting for a decision, oldest first or riskiest first. The current comment
 * shows with the screening's evidence marked, the suggested reason pre-selected, and its commenter's
 * history and bans. A approves every ticked comment, R rejects them all for the chosen reason (keys 1
 * to 8 choose it), B opens the ban dialog for the current comment's commenter. The page itself has
 * no text input, so the single-key shortcuts cannot fire while someone types; while the ban dialog
 * (which has one) is open they are ignored.
 */
@Route("")
@PageTitle("Queue · Comment moderation")
@RolesAllowed("MODERATOR")
class QueueView extends VerticalLayout implements AfterNavigationObserver {

    static final int PAGE = 100;
    static final int HISTORY = 10;
    static final String OLDEST = "Oldest first";
    static final String RISKIEST = "Highest risk first";
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final CommentService comments;
    private final CommentThreads threads;
    private final ArticleService articles;
    private final Clock clock;
    private final RadioButtonGroup<String> order = new RadioButtonGroup<>();
    private final Grid<Item> queue = new Grid<>();
    private final Div detail = new Div();
    private final Div history = new Div();
    private final RadioButtonGroup<RejectionReason> reason = new RadioButtonGroup<>();
    private final Button approve = new Button("Approve (A)", e -> approve());
    private final Button reject = new Button("Reject (R)", e -> reject());
    private final Button ban = new Button("Ban commenter… (B)", e -> openBanDialog());
    private final Map<ArticleId, String> headlines = new HashMap<>();
    private final BanDialog banDialog;
    private @Nullable Item current;

    QueueView(
            AuthenticationContext auth,
            CommentService comments,
            CommentThreads threads,
            ArticleService articles,
            Clock clock) {
        this.clock = clock;
        this.comments = comments;
        this.threads = threads;
        this.articles = articles;
        this.banDialog = new BanDialog(comments, this::showCurrentAgain);
        setSizeFull();
        Button signOut = new Button("Sign out", e -> auth.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.setId("signed-in-user");
        var header = new HorizontalLayout(new H2("Pending comments"), user, signOut);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        order.setId("queue-order");
        order.setItems(OLDEST, RISKIEST);
        order.setValue(OLDEST);
        order.addValueChangeListener(e -> refresh());

        queue.setId("queue-grid");
        queue.setSelectionMode(Grid.SelectionMode.MULTI);
        queue.addColumn(i -> TIME.format(i.comment().createdAt()))
                .setHeader("Submitted")
                .setAutoWidth(true);
        queue.addColumn(i -> i.screening().risk()).setHeader("Risk").setAutoWidth(true);
        queue.addColumn(Item::headline).setHeader("Article").setFlexGrow(1);
        queue.addColumn(i -> i.comment().displayName().value())
                .setHeader("Name")
                .setAutoWidth(true);
        queue.addColumn(i -> snippet(i.comment().text().value()))
                .setHeader("Comment")
                .setFlexGrow(2);
        queue.setEmptyStateText("No comments are waiting for moderation.");
        queue.asMultiSelect().addSelectionListener(e -> {
            Set<Item> added = e.getAddedSelection();
            if (!added.isEmpty()) {
                show(added.iterator().next());
            } else if (current != null && !e.getAllSelectedItems().contains(current)) {
                show(e.getAllSelectedItems().stream().findFirst().orElse(null));
            }
            updateButtons();
        });
        // A click on a row picks that one comment; the checkboxes tick several for a bulk decision.
        queue.addItemClickListener(e -> {
            queue.deselectAll();
            queue.select(e.getItem());
        });
        queue.setHeight("35%");

        reason.setId("reason");
        reason.setLabel("Reason (keys 1–8)");
        reason.setItems(RejectionReason.values());
        reason.setItemLabelGenerator(r -> (r.ordinal() + 1) + " " + r.code().replace('-', ' '));
        Key[] digits = {
            Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6, Key.DIGIT_7, Key.DIGIT_8
        };
        for (RejectionReason r : RejectionReason.values()) {
            Shortcuts.addShortcutListener(this, () -> unlessDialogOpen(() -> reason.setValue(r)), digits[r.ordinal()]);
        }

        detail.setId("comment-detail");
        detail.setWidthFull();
        history.setId("commenter-history");
        history.setWidthFull();

        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClickShortcut(Key.KEY_A);
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickShortcut(Key.KEY_R);
        ban.setId("ban");
        ban.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        ban.addClickShortcut(Key.KEY_B);
        add(header, order, queue, detail, reason, new HorizontalLayout(approve, reject, ban), history);
    }

    // Every arrival (also back to the same route, which reuses this view) shows the queue as it is now.
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    private void refresh() {
        List<Comment> pending = RISKIEST.equals(order.getValue())
                ? comments.pendingByRisk(PAGE)
                : comments.pending(null, PAGE).comments();
        List<Item> items = pending.stream().map(this::item).toList();
        queue.setItems(items);
        queue.deselectAll();
        if (items.isEmpty()) {
            show(null);
        } else {
            queue.select(items.getFirst());
        }
        updateButtons();
    }

    private Item item(Comment comment) {
        String headline = headlines.computeIfAbsent(
                comment.articleId(),
                id -> articles.findPublished(id).map(Article::headline).orElse("(article no longer published)"));
        ScreeningResult screening =
                comment.screening() == null ? ScreeningResult.CLEAN : ScreeningResult.fromJson(comment.screening());
        return new Item(comment, headline, screening);
    }

    private void show(@Nullable Item item) {
        current = item;
        detail.removeAll();
        history.removeAll();
        if (item == null) {
            reason.clear();
            return;
        }
        Comment c = item.comment();
        H3 headline = new H3(item.headline());
        headline.getElement().setAttribute("dir", "auto");
        Span author = new Span(c.displayName().value() + " · " + TIME.format(c.createdAt()) + " · "
                + c.language().value() + " · risk " + item.screening().risk());
        author.getElement().setAttribute("dir", "auto");
        var text = HighlightedText.of(
                c.text().value(), c.language(), item.screening().evidence());
        text.setId("comment-text");
        detail.add(headline, thread(c.articleId()), author, text);
        if (item.screening().flagged()) {
            Span flags = new Span("Screening: "
                    + item.screening().evidence().stream()
                            .map(e -> e.category().name().toLowerCase(Locale.ROOT) + " (" + e.rule() + ")")
                            .distinct()
                            .toList());
            flags.setId("screening-flags");
            detail.add(flags);
        }
        reason.setValue(item.screening().suggestedReason());
        showHistory(c);
    }

    // Whether the story takes comments, and the switch: a flood is stopped at the story, not per comment.
    private Div thread(ArticleId article) {
        Optional<CommentClosure> closure = threads.closure(article);
        Button toggle = closure.isPresent()
                ? new Button("Reopen comments on this story", e -> {
                    threads.reopen(article);
                    Notification.show("Comments reopened");
                    showCurrentAgain();
                })
                : new Button("Close comments on this story", e -> {
                    threads.close(article, "");
                    Notification.show("Comments closed: new ones are refused, pending ones stay here");
                    showCurrentAgain();
                });
        toggle.setId("comments-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div row = new Div();
        closure.ifPresent(cl -> {
            Span closed = new Span("Comments closed by " + cl.closedBy() + " at " + TIME.format(cl.closedAt()) + " ");
            closed.setId("comments-closed");
            row.add(closed);
        });
        row.add(toggle);
        return row;
    }

    private void showCurrentAgain() {
        if (current != null) {
            show(current);
        }
    }

    // The commenter's earlier comments and bans, found by client fingerprint or e-mail hash.
    private void showHistory(Comment c) {
        history.add(new H3("This commenter's history"));
        List<Ban> bans = comments.bansOf(c.id());
        for (Ban b : bans) {
            boolean applies = b.appliesAt(clock.instant());
            Span line = new Span((applies ? "Banned " : "Was banned ")
                    + (b.isPermanent() ? "for good" : "until " + TIME.format(b.expiresAt()))
                    + " by " + b.bannedBy() + ": " + b.reason().value()
                    + (b.liftedAt() == null ? "" : " (lifted by " + b.liftedBy() + ")"));
            line.getElement().setAttribute("dir", "auto");
            Div row = new Div(line);
            row.addClassName("ban");
            if (applies) {
                Button lift = new Button("Lift ban", e -> lift(b));
                lift.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                lift.setId("lift-" + b.id());
                row.add(lift);
            }
            history.add(row);
        }
        List<Comment> earlier = comments.historyOf(c.id(), HISTORY);
        if (earlier.isEmpty() && bans.isEmpty()) {
            Span none = new Span("No earlier comments.");
            none.setId("history-empty");
            history.add(none);
        }
        for (Comment e : earlier) {
            String decision = e.state().name().toLowerCase(Locale.ROOT)
                    + (e.rejectionReason() == null
                            ? ""
                            : " (" + e.rejectionReason().code() + ")");
            Span state = new Span(TIME.format(e.createdAt()) + " · " + decision + " · ");
            Span said = new Span(snippet(e.text().value()));
            said.getElement().setAttribute("dir", "auto");
            Div row = new Div(state, said);
            row.addClassName("history-entry");
            history.add(row);
        }
    }

    private void lift(Ban b) {
        try {
            comments.liftBan(b.id());
            Notification.show("Ban lifted");
        } catch (BanNotActive e) {
            Notification.show("That ban no longer applies");
        }
        showCurrentAgain();
    }

    private void approve() {
        unlessDialogOpen(() -> {
            List<CommentId> ids = selectedIds();
            if (!ids.isEmpty()) {
                decide(() -> comments.approveAll(ids), "Approved");
            }
        });
    }

    private void reject() {
        unlessDialogOpen(() -> {
            List<CommentId> ids = selectedIds();
            if (ids.isEmpty()) {
                return;
            }
            RejectionReason why = reason.getValue();
            if (why == null) {
                Notification.show("Choose a reason first");
                return;
            }
            decide(() -> comments.rejectAll(ids, why), "Rejected: " + why.code());
        });
    }

    private void openBanDialog() {
        unlessDialogOpen(() -> {
            if (current != null) {
                banDialog.open(current.comment());
            }
        });
    }

    private void decide(Supplier<BulkDecision> decision, String done) {
        BulkDecision result = decision.get();
        int n = result.decided().size();
        String message = n == 1 ? done : done + " " + n + " comments";
        if (!result.alreadyDecided().isEmpty()) {
            message += "; " + result.alreadyDecided().size() + " decided by someone else already";
        }
        Notification.show(message);
        refresh();
    }

    private List<CommentId> selectedIds() {
        return queue.getSelectedItems().stream()
                .sorted((a, b) -> a.comment().createdAt().compareTo(b.comment().createdAt()))
                .map(i -> i.comment().id())
                .toList();
    }

    private void updateButtons() {
        int n = queue.getSelectedItems().size();
        approve.setText(n > 1 ? "Approve " + n + " (A)" : "Approve (A)");
        reject.setText(n > 1 ? "Reject " + n + " (R)" : "Reject (R)");
        approve.setEnabled(n > 0);
        reject.setEnabled(n > 0);
        ban.setEnabled(current != null);
    }

    private void unlessDialogOpen(Runnable action) {
        if (!banDialog.isOpened()) {
            action.run();
        }
    }

    static String snippet(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }

    record Item(Comment comment, String headline, ScreeningResult screening) {}
}
