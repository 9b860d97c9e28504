package news.cms.moderation.queue;

import com.vaadin.flow.component.Key;
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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentAlreadyDecided;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.RejectionReason;
import news.cms.core.screening.ScreeningResult;
import org.jspecify.annotations.Nullable;

/**
 * The queue of comments waiting for a decision, oldest first or riskiest first. The selected comment
 * shows with the screening's evidence marked and the suggested reason pre-selected; A approves it,
 * R rejects it with the selected reason. There is no text input on the page, so the single-key
 * shortcuts cannot fire while someone types.
 */
@Route("")
@PageTitle("Queue · Comment moderation")
@RolesAllowed("MODERATOR")
class QueueView extends VerticalLayout {

    static final int PAGE = 100;
    static final String OLDEST = "Oldest first";
    static final String RISKIEST = "Highest risk first";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final CommentService comments;
    private final ArticleService articles;
    private final RadioButtonGroup<String> order = new RadioButtonGroup<>();
    private final Grid<Item> queue = new Grid<>();
    private final Div detail = new Div();
    private final RadioButtonGroup<RejectionReason> reason = new RadioButtonGroup<>();
    private final Map<ArticleId, String> headlines = new HashMap<>();
    private @Nullable Item selected;

    QueueView(AuthenticationContext auth, CommentService comments, ArticleService articles) {
        this.comments = comments;
        this.articles = articles;
        setSizeFull();
        Button signOut = new Button("Sign out", e -> auth.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var header = new HorizontalLayout(
                new H2("Pending comments"), new Span(auth.getPrincipalName().orElse("")), signOut);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        order.setId("queue-order");
        order.setItems(OLDEST, RISKIEST);
        order.setValue(OLDEST);
        order.addValueChangeListener(e -> refresh());

        queue.setId("queue-grid");
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
        queue.addSelectionListener(e -> show(e.getFirstSelectedItem().orElse(null)));
        queue.setHeight("40%");

        reason.setId("reason");
        reason.setLabel("Reason");
        reason.setItems(RejectionReason.values());
        reason.setItemLabelGenerator(r -> r.code().replace('-', ' '));

        detail.setId("comment-detail");
        detail.setWidthFull();
        add(header, order, queue, detail);

        Button approve = new Button("Approve (A)", e -> approve());
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClickShortcut(Key.KEY_A);
        Button reject = new Button("Reject (R)", e -> reject());
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickShortcut(Key.KEY_R);
        add(reason, new HorizontalLayout(approve, reject));
        refresh();
    }

    private void refresh() {
        List<Comment> pending = RISKIEST.equals(order.getValue())
                ? comments.pendingByRisk(PAGE)
                : comments.pending(null, PAGE).comments();
        List<Item> items = pending.stream().map(this::item).toList();
        queue.setItems(items);
        if (items.isEmpty()) {
            show(null);
        } else {
            queue.select(items.getFirst());
        }
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
        selected = item;
        detail.removeAll();
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
        detail.add(headline, author, text);
        if (item.screening().flagged()) {
            Span flags = new Span("Screening: "
                    + item.screening().evidence().stream()
                            .map(e -> e.category().name().toLowerCase(java.util.Locale.ROOT) + " (" + e.rule() + ")")
                            .distinct()
                            .toList());
            flags.setId("screening-flags");
            detail.add(flags);
        }
        reason.setValue(item.screening().suggestedReason());
    }

    private void approve() {
        if (selected != null) {
            decide(() -> comments.approve(selected.comment().id()), "Approved");
        }
    }

    private void reject() {
        if (selected == null) {
            return;
        }
        RejectionReason why = reason.getValue();
        if (why == null) {
            Notification.show("Choose a reason first");
            return;
        }
        decide(() -> comments.reject(selected.comment().id(), why), "Rejected: " + why.code());
    }

    private void decide(Runnable decision, String done) {
        try {
            decision.run();
            Notification.show(done);
        } catch (CommentAlreadyDecided e) {
            Notification.show("Someone else decided this comment already");
        }
        refresh();
    }

    private static String snippet(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }

    record Item(Comment comment, String headline, ScreeningResult screening) {}
}
