package news.cms.moderation.queue;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
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
 * is stored. Enter in the reason is a new line; Ctrl+Enter bans, after the field's text has reached
 * the server.
 */
class BanDialog extends Dialog {

    static final String PERMANENT = "forever";
    private static final Map<String, BanTerm> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put("1d", BanTerm.of(Duration.ofDays(1)));
        TERMS.put("7d", BanTerm.of(Duration.ofDays(7)));
        TERMS.put("30d", BanTerm.of(Duration.ofDays(30)));
        TERMS.put(PERMANENT, BanTerm.PERMANENT);
    }

    private final CommentService comments;
    private final Runnable banned;
    private final RadioButtonGroup<String> term = new RadioButtonGroup<>();
    private final CheckboxGroup<BanBy> by = new CheckboxGroup<>();
    private final TextArea reason = new TextArea();
    private final Span who = new Span();
    private @Nullable Comment comment;

    BanDialog(CommentService comments, Runnable banned) {
        this.comments = comments;
        this.banned = banned;
        setId("ban-dialog");
        setHeaderTitle(getTranslation("ban.title"));
        setModal(true);
        term.setId("ban-term");
        term.setLabel(getTranslation("ban.term"));
        term.setItems(TERMS.keySet());
        term.setItemLabelGenerator(t -> getTranslation("ban.term." + t));
        by.setId("ban-by");
        by.setLabel(getTranslation("ban.by"));
        by.setItemLabelGenerator(key -> getTranslation("ban.by." + key.name()));
        reason.setId("ban-reason");
        reason.setLabel(getTranslation("ban.reason"));
        reason.setHelperText(getTranslation("ban.reason.helper", BanReason.MAX_LENGTH));
        reason.setMaxLength(BanReason.MAX_LENGTH);
        reason.setWidthFull();
        reason.getElement().setAttribute("dir", "auto");
        who.setId("ban-who");
        add(who, term, by, reason);
        Button confirm = new Button(getTranslation("ban.confirm"), e -> confirm());
        confirm.setId("ban-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        // Not plain Enter: it is a new line in the reason, and it fired before the typed text was sent.
        confirm.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this).resetFocusOnActiveElement();
        confirm.getElement().setAttribute("aria-keyshortcuts", "Control+Enter");
        Button cancel = new Button(getTranslation("dialog.cancel"), e -> close());
        cancel.setId("ban-cancel");
        getFooter().add(cancel, confirm);
    }

    void open(Comment of) {
        this.comment = of;
        who.setText(getTranslation("ban.who"));
        Set<BanBy> options = comments.banOptionsOf(of.id());
        by.setItems(options);
        Set<BanBy> usual = EnumSet.copyOf(BanBy.usual());
        usual.retainAll(options);
        by.setValue(usual);
        by.setInvalid(false);
        term.setValue("7d");
        reason.clear();
        reason.setInvalid(false);
        open();
        reason.focus();
    }

    private void confirm() {
        if (comment == null) {
            return;
        }
        BanReason why;
        try {
            why = new BanReason(reason.getValue());
        } catch (InvalidText e) {
            reason.setErrorMessage(getTranslation("ban.reason.invalid", BanReason.MAX_LENGTH));
            reason.setInvalid(true);
            return;
        }
        if (by.getValue().isEmpty()) {
            by.setErrorMessage(getTranslation("ban.by.required"));
            by.setInvalid(true);
            return;
        }
        Ban ban = comments.banCommenterOf(comment.id(), TERMS.get(term.getValue()), why, by.getValue());
        Notification.show(
                ban.isPermanent()
                        ? getTranslation("ban.done.permanent")
                        : getTranslation("ban.done.until", QueueView.time(ban.expiresAt(), getLocale())));
        close();
        banned.run();
    }
}
