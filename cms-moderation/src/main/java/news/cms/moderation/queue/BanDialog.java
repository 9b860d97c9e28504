package news.cms.moderation.queue;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import news.cms.core.comment.Ban;
import news.cms.core.comment.BanBy;
import news.cms.core.comment.BanReason;
import news.cms.core.comment.BanTerm;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentService;
import news.cms.core.language.InvalidText;
import org.jspecify.annotations.Nullable;

/**
 * Bans the commenter of one comment, by the traits the moderator ticks (e-mail, client id, address,
 * network; see ADR 0011), for a period or for
 * good, with the moderator's reason. A missing or over-long reason is shown on the field and nothing
 * is stored.
 */
class BanDialog extends Dialog {

    static final String PERMANENT = "For good";
    private static final Map<String, BanTerm> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put("1 day", BanTerm.of(Duration.ofDays(1)));
        TERMS.put("7 days", BanTerm.of(Duration.ofDays(7)));
        TERMS.put("30 days", BanTerm.of(Duration.ofDays(30)));
        TERMS.put(PERMANENT, BanTerm.PERMANENT);
    }

    private final CommentService comments;
    private final Runnable banned;
    private final RadioButtonGroup<String> term = new RadioButtonGroup<>("How long");
    private final CheckboxGroup<BanBy> by = new CheckboxGroup<>("Refuse their comments by");
    private final TextArea reason = new TextArea("Reason (for moderators)");
    private final Span who = new Span();
    private @Nullable Comment comment;

    BanDialog(CommentService comments, Runnable banned) {
        this.comments = comments;
        this.banned = banned;
        setId("ban-dialog");
        setHeaderTitle("Ban this commenter");
        setModal(true);
        term.setId("ban-term");
        term.setItems(TERMS.keySet());
        by.setId("ban-by");
        by.setItemLabelGenerator(BanDialog::label);
        reason.setId("ban-reason");
        reason.setMaxLength(BanReason.MAX_LENGTH);
        reason.setWidthFull();
        reason.getElement().setAttribute("dir", "auto");
        add(who, term, by, reason);
        Button confirm = new Button("Ban", e -> confirm());
        confirm.setId("ban-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER).listenOn(this);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("ban-cancel");
        getFooter().add(cancel, confirm);
    }

    void open(Comment of) {
        this.comment = of;
        who.setText("What you tick below is refused at intake. Comments already sent stay in the queue.");
        Set<BanBy> options = comments.banOptionsOf(of.id());
        by.setItems(options);
        Set<BanBy> usual = EnumSet.copyOf(BanBy.usual());
        usual.retainAll(options);
        by.setValue(usual);
        by.setInvalid(false);
        term.setValue("7 days");
        reason.clear();
        reason.setInvalid(false);
        open();
        reason.focus();
    }

    private static String label(BanBy key) {
        return switch (key) {
            case EMAIL -> "E-mail address";
            case CLIENT_ID -> "App install (client id)";
            case ADDRESS -> "Address (IPv6: its /64)";
            case NETWORK -> "Whole network (IPv4 /24: also catches neighbours)";
        };
    }

    private void confirm() {
        if (comment == null) {
            return;
        }
        BanReason why;
        try {
            why = new BanReason(reason.getValue());
        } catch (InvalidText e) {
            reason.setErrorMessage("Say why, in up to " + BanReason.MAX_LENGTH + " characters");
            reason.setInvalid(true);
            return;
        }
        if (by.getValue().isEmpty()) {
            by.setErrorMessage("Tick at least one");
            by.setInvalid(true);
            return;
        }
        Ban ban = comments.banCommenterOf(comment.id(), TERMS.get(term.getValue()), why, by.getValue());
        Notification.show(
                ban.isPermanent()
                        ? "Commenter banned for good"
                        : "Commenter banned until " + QueueView.TIME.format(ban.expiresAt()) + " UTC");
        close();
        banned.run();
    }
}
