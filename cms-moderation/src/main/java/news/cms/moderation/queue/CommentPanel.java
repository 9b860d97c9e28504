package news.cms.moderation.queue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.DomListenerRegistration;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.AbuseKind;
import news.cms.core.comment.Ban;
import news.cms.core.comment.BanNotActive;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentClosure;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentState;
import news.cms.core.comment.CommentThreads;
import news.cms.core.comment.RejectionReason;
import org.jspecify.annotations.Nullable;

/**
 * One comment and what a moderator does with it: the story (and whether it takes comments), the
 * text with the screening's evidence marked and named, the reason (suggested by screening) and for
 * abuse its kind, the decision buttons, and the commenter's history and bans.
 *
 * <p>The single-key shortcuts (J K A R B U 1–8 ?) act only while the focus is inside this panel and
 * not in a text field, never elsewhere on the page (where screen readers pass their navigation
 * letters through) and never while someone types; the moderator can turn them off. They are
 * declared with {@code aria-keyshortcuts} (WCAG 2.1.4). Keys are read by their physical position
 * ({@code KeyboardEvent.code}), so they work the same on Arabic, Kurdish and Turkish layouts.
 */
class CommentPanel extends Section {

    /** What the panel's owner does when the moderator acts. */
    interface Owner {
        void approve();

        void reject(RejectionReason reason, @Nullable AbuseKind kind);

        /** Moves to the next (+1) or previous (-1) comment. */
        void move(int step);

        void undo();

        /** Narrows the queue to one story's comments; null when the owner has no queue. */
        void onlyStory(ArticleId article);

        boolean hasQueue();
    }

    static final String SHORTCUTS = "J K A R B U 1 2 3 4 5 6 7 8 ?";

    // Keys typed into a field (or with a modifier, or held down) are not ours; radio buttons and boxes are.
    private static final String NOT_TYPING = "(() => {"
            + " const t = event.composedPath()[0];"
            + " const typing = t && (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'"
            + "   || (t.tagName === 'INPUT' && !['radio', 'checkbox', 'button', 'submit'].includes(t.type)));"
            + " return !typing && !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat"
            + "   && /^(Key[JKARBU]|Digit[1-8]|Numpad[1-8]|Slash)$/.test(event.code)"
            + "   && (event.code !== 'Slash' || event.shiftKey);"
            + "})()";

    private final CommentService comments;
    private final CommentThreads threads;
    private final Clock clock;
    private final Owner owner;
    private final Div detail = new Div();
    private final Div history = new Div();
    private final RadioButtonGroup<RejectionReason> reason = new RadioButtonGroup<>();
    private final Select<AbuseKind> abuseKind = new Select<>();
    private final Button approve = new Button();
    private final Button reject = new Button();
    private final Button ban = new Button();
    private final HorizontalLayout actions;
    private final BanDialog banDialog;
    private QueueView.@Nullable Item item;
    private @Nullable DomListenerRegistration keys;
    private int ticked;

    CommentPanel(CommentService comments, CommentThreads threads, Clock clock, Owner owner) {
        this.comments = comments;
        this.threads = threads;
        this.clock = clock;
        this.owner = owner;
        this.banDialog = new BanDialog(comments, this::showAgain);
        setId("comment-panel");
        addClassName("comment-panel");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("aria-labelledby", "comment-panel-title");
        H2 title = new H2(getTranslation("panel.title"));
        title.setId("comment-panel-title");
        title.addClassName("visually-hidden-title");

        detail.setId("comment-detail");
        detail.setWidthFull();
        history.setId("commenter-history");
        history.setWidthFull();

        reason.setId("reason");
        reason.setLabel(getTranslation("panel.reason"));
        reason.setItems(RejectionReason.values());
        reason.setItemLabelGenerator(r -> (r.ordinal() + 1) + " " + reasonName(r));
        reason.addValueChangeListener(e -> abuseKind.setVisible(e.getValue() == RejectionReason.ABUSE));
        abuseKind.setId("abuse-kind");
        abuseKind.setLabel(getTranslation("panel.abuse-kind"));
        abuseKind.setItems(AbuseKind.values());
        abuseKind.setItemLabelGenerator(
                k -> k == null ? getTranslation("abuse.unspecified") : getTranslation("abuse." + k.code()));
        abuseKind.setEmptySelectionAllowed(true);
        abuseKind.setEmptySelectionCaption(getTranslation("abuse.unspecified"));
        abuseKind.setVisible(false);

        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(e -> owner.approve());
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(e -> rejectChosen());
        ban.setId("ban");
        ban.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        ban.setText(getTranslation("panel.ban"));
        ban.addClickListener(e -> openBanDialog());
        actions = new HorizontalLayout(approve, reject, ban);
        actions.setId("decision-actions");
        add(title, detail, reason, abuseKind, actions, history);
        setKeysEnabled(true);
        show(null, 0);
    }

    /** Shows a comment (null: none), with {@code ticked} comments chosen for the buttons. */
    void show(QueueView.@Nullable Item shown, int ticked) {
        this.item = shown;
        this.ticked = ticked;
        detail.removeAll();
        history.removeAll();
        boolean pending = shown != null && shown.comment().isPending();
        reason.setVisible(pending);
        actions.setVisible(shown != null);
        approve.setVisible(pending);
        reject.setVisible(pending);
        abuseKind.setVisible(pending && reason.getValue() == RejectionReason.ABUSE);
        updateButtons();
        if (shown == null) {
            Paragraph none = new Paragraph(getTranslation("panel.none"));
            none.setId("panel-empty");
            detail.add(none);
            reason.clear();
            abuseKind.clear();
            return;
        }
        Comment c = shown.comment();
        H3 headline = new H3(shown.headline());
        headline.setId("comment-story");
        if (shown.headlineLanguage() != null) {
            headline.getElement().setAttribute("lang", shown.headlineLanguage().value());
        }
        headline.getElement().setAttribute("dir", "auto");
        detail.add(headline, thread(c.articleId()));
        Span author = new Span(c.displayName().value());
        author.getElement().setAttribute("dir", "auto");
        author.setId("comment-author");
        Span about = new Span(" · " + QueueView.time(c.createdAt(), getLocale()) + " · "
                + languageName(c.language().value())
                + " · " + getTranslation("panel.risk", shown.screening().risk()));
        Div byline = new Div(author, about);
        byline.setId("comment-byline");
        detail.add(byline);
        var text = HighlightedText.of(
                c.text().value(),
                c.language(),
                shown.screening().evidence(),
                this::reasonName,
                getLocale().toLanguageTag());
        text.setId("comment-text");
        detail.add(text);
        if (shown.screening().flagged()) {
            Span flags = new Span(getTranslation(
                    "panel.screening",
                    String.join(
                            ", ",
                            shown.screening().evidence().stream()
                                    .map(e -> reasonName(e.category().reason()))
                                    .distinct()
                                    .toList())));
            flags.setId("screening-flags");
            detail.add(flags);
        }
        if (c.state() != CommentState.PENDING) {
            Span decided = new Span(decision(c));
            decided.setId("comment-decision");
            detail.add(decided);
        }
        Div links = new Div();
        links.addClassName("panel-links");
        Anchor alone = new Anchor("comment/" + c.id(), getTranslation("panel.open-alone"));
        alone.setId("open-alone");
        links.add(alone);
        if (owner.hasQueue()) {
            Button only = new Button(getTranslation("panel.only-story"), e -> owner.onlyStory(c.articleId()));
            only.setId("only-story");
            only.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            links.add(only);
        }
        detail.add(links);
        if (pending) {
            reason.setValue(shown.screening().suggestedReason());
            abuseKind.clear();
        }
        showHistory(c);
    }

    void setKeysEnabled(boolean on) {
        if (keys != null) {
            keys.remove();
            keys = null;
        }
        if (on) {
            keys = getElement()
                    .addEventListener(
                            "keydown",
                            e -> key(e.getEventData().get("event.code").asString()))
                    .setFilter(NOT_TYPING)
                    .addEventData("event.code")
                    .preventDefault();
            getElement().setAttribute("aria-keyshortcuts", SHORTCUTS);
        } else {
            getElement().removeAttribute("aria-keyshortcuts");
        }
        if (on) {
            approve.getElement().setAttribute("aria-keyshortcuts", "A");
            reject.getElement().setAttribute("aria-keyshortcuts", "R");
            ban.getElement().setAttribute("aria-keyshortcuts", "B");
            reason.getElement().setAttribute("aria-keyshortcuts", "1 2 3 4 5 6 7 8");
        } else {
            List.of(approve, reject, ban).forEach(b -> b.getElement().removeAttribute("aria-keyshortcuts"));
            reason.getElement().removeAttribute("aria-keyshortcuts");
        }
        updateButtons();
    }

    boolean keysEnabled() {
        return keys != null;
    }

    /** Puts the keyboard focus on the panel, where its keys act. */
    void focusPanel() {
        getElement().callJsFunction("focus");
    }

    /** What a key does; package-private so that tests without a browser can press them. */
    void key(String code) {
        if (banDialog.isOpened()) {
            return;
        }
        switch (code) {
            case "KeyJ" -> owner.move(1);
            case "KeyK" -> owner.move(-1);
            case "KeyA" -> {
                if (approve.isVisible() && approve.isEnabled()) {
                    owner.approve();
                }
            }
            case "KeyR" -> {
                if (reject.isVisible() && reject.isEnabled()) {
                    rejectChosen();
                }
            }
            case "KeyB" -> openBanDialog();
            case "KeyU" -> owner.undo();
            case "Slash" -> new KeysDialog().open();
            default -> {
                int digit = code.charAt(code.length() - 1) - '1';
                if ((code.startsWith("Digit") || code.startsWith("Numpad"))
                        && digit >= 0
                        && digit < RejectionReason.values().length
                        && reason.isVisible()) {
                    reason.setValue(RejectionReason.values()[digit]);
                }
            }
        }
    }

    private void rejectChosen() {
        RejectionReason why = reason.getValue();
        if (why == null) {
            Notification.show(getTranslation("panel.choose-reason"));
            return;
        }
        owner.reject(why, why == RejectionReason.ABUSE ? abuseKind.getValue() : null);
    }

    private void updateButtons() {
        boolean on = keys != null;
        approve.setText(label(
                ticked > 1 ? getTranslation("panel.approve.n", ticked) : getTranslation("panel.approve"), "A", on));
        reject.setText(
                label(ticked > 1 ? getTranslation("panel.reject.n", ticked) : getTranslation("panel.reject"), "R", on));
        ban.setText(label(getTranslation("panel.ban"), "B", on));
        approve.setEnabled(item != null);
        reject.setEnabled(item != null);
        ban.setEnabled(item != null);
    }

    private static String label(String text, String key, boolean keysOn) {
        return keysOn ? text + " (" + key + ")" : text;
    }

    private void openBanDialog() {
        if (item != null) {
            banDialog.open(item.comment());
        }
    }

    /** The comment language's name in the UI language, or its tag for a language the UI does not name. */
    String languageName(String tag) {
        return QueueView.LANGUAGES.contains(tag) ? getTranslation("language." + tag) : tag;
    }

    private String reasonName(RejectionReason r) {
        return getTranslation("reason." + r.code());
    }

    private String decision(Comment c) {
        String when = QueueView.time(c.decidedAt(), getLocale());
        if (c.state() == CommentState.APPROVED) {
            return getTranslation("panel.approved-by", c.decidedBy(), when);
        }
        String why = reasonName(c.rejectionReason())
                + (c.abuseKind() == null
                        ? ""
                        : " · " + getTranslation("abuse." + c.abuseKind().code()));
        return getTranslation("panel.rejected-by", why, c.decidedBy(), when);
    }

    // Whether the story takes comments, and the switch: a flood is stopped at the story, not per comment.
    private Div thread(ArticleId article) {
        Optional<CommentClosure> closure = threads.closure(article);
        Button toggle = closure.isPresent()
                ? new Button(getTranslation("comments.reopen"), e -> {
                    threads.reopen(article);
                    Notification.show(getTranslation("comments.reopened.done"));
                    showAgain();
                })
                : new Button(
                        getTranslation("comments.close"),
                        e -> new CloseCommentsDialog(note -> {
                                    threads.close(article, note);
                                    Notification.show(getTranslation("comments.closed.done"));
                                    showAgain();
                                })
                                .open());
        toggle.setId("comments-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div row = new Div();
        row.setId("comments-state");
        closure.ifPresent(cl -> {
            Span closed = new Span(
                    getTranslation("comments.closed", cl.closedBy(), QueueView.time(cl.closedAt(), getLocale())));
            closed.setId("comments-closed");
            row.add(closed);
            if (!cl.note().isBlank()) {
                Span note = new Span(" «" + cl.note() + "» ");
                note.setId("comments-closed-note");
                note.getElement().setAttribute("dir", "auto");
                row.add(note);
            }
        });
        row.add(toggle);
        return row;
    }

    private void showAgain() {
        if (item != null) {
            RejectionReason chosen = reason.getValue();
            show(item, ticked);
            if (chosen != null && item.comment().isPending()) {
                reason.setValue(chosen);
            }
        }
    }

    // The commenter's earlier comments and bans, found by client fingerprint or e-mail hash.
    private void showHistory(Comment c) {
        history.add(new H3(getTranslation("history.title")));
        List<Ban> bans = comments.bansOf(c.id());
        for (Ban b : bans) {
            boolean applies = b.appliesAt(clock.instant());
            String term = b.isPermanent()
                    ? getTranslation("history.ban.forever")
                    : getTranslation("history.ban.until", QueueView.time(b.expiresAt(), getLocale()));
            String text = getTranslation(applies ? "history.banned" : "history.was-banned", term, b.bannedBy()) + " ";
            Span line = new Span(text);
            Span why = new Span(b.reason().value());
            why.getElement().setAttribute("dir", "auto");
            Div row = new Div(line, why);
            if (b.liftedAt() != null) {
                row.add(new Span(" " + getTranslation("history.lifted", b.liftedBy())));
            }
            row.addClassName("ban");
            if (applies) {
                Button lift = new Button(getTranslation("history.lift"), e -> lift(b));
                lift.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                lift.setId("lift-" + b.id());
                row.add(lift);
            }
            history.add(row);
        }
        List<Comment> earlier = comments.historyOf(c.id(), QueueView.HISTORY);
        if (earlier.isEmpty() && bans.isEmpty()) {
            Span none = new Span(getTranslation("history.none"));
            none.setId("history-empty");
            history.add(none);
        }
        for (Comment e : earlier) {
            String decision = getTranslation("state." + e.state().name().toLowerCase(java.util.Locale.ROOT))
                    + (e.rejectionReason() == null ? "" : " (" + reasonName(e.rejectionReason()) + ")");
            Span state = new Span(QueueView.time(e.createdAt(), getLocale()) + " · " + decision + " · ");
            Span said = new Span(QueueView.snippet(e.text().value()));
            said.getElement().setAttribute("dir", "auto");
            said.getElement().setAttribute("lang", e.language().value());
            Div row = new Div(state, said);
            row.addClassName("history-entry");
            history.add(row);
        }
    }

    private void lift(Ban b) {
        try {
            comments.liftBan(b.id());
            Notification.show(getTranslation("history.lifted.done"));
        } catch (BanNotActive e) {
            Notification.show(getTranslation("history.lift.gone"));
        }
        showAgain();
    }
}
