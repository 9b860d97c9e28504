package news.cms.editor.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.List;
import java.util.Locale;
import news.cms.core.notification.DigestSubscription;
import news.cms.core.notification.InvalidDigestAddress;
import news.cms.core.notification.MailDigests;
import org.springframework.security.access.AccessDeniedException;

/**
 * My e-mail digest: the address and the language my unread notifications are mailed in, at the
 * interval the newsroom set; or no digest. A refused address is said on the field; nothing changes.
 */
class DigestDialog extends Dialog {

    private final MailDigests digests;
    private final EmailField email = new EmailField();
    private final Select<String> language = new Select<>();
    private final Paragraph state = new Paragraph();

    DigestDialog(MailDigests digests) {
        this.digests = digests;
        setId("digest-dialog");
        setHeaderTitle(getTranslation("digest.title"));
        email.setId("digest-email");
        email.setLabel(getTranslation("digest.email"));
        email.setMaxLength(MailDigests.MAX_ADDRESS);
        // An address reads left to right in every UI language.
        email.getElement().setAttribute("dir", "ltr");
        email.setWidthFull();
        language.setId("digest-language");
        language.setLabel(getTranslation("digest.language"));
        language.setItems(List.of("en", "ar", "ckb", "tr"));
        language.setItemLabelGenerator(tag -> UiLanguages.offered().stream()
                .filter(l -> l.tag().equals(tag))
                .map(UiLanguages.UiLanguage::name)
                .findFirst()
                .orElse(tag));
        state.setId("digest-state");
        add(state, email, language);
        Button save = new Button(getTranslation("digest.save"), e -> save());
        save.setId("digest-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button stop = new Button(getTranslation("digest.stop"), e -> stop());
        stop.setId("digest-stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Button close = new Button(getTranslation("bell.close"), e -> close());
        close.setId("digest-close");
        getFooter().add(stop, close, save);
        show();
    }

    private void show() {
        var mine = digests.mine();
        email.setValue(mine.map(DigestSubscription::email).orElse(""));
        String ui = Notices.locale().getLanguage().toLowerCase(Locale.ROOT);
        language.setValue(
                mine.map(DigestSubscription::language).orElse(MailDigests.LANGUAGES.contains(ui) ? ui : "en"));
        state.setText(getTranslation(mine.isPresent() ? "digest.on" : "digest.off"));
    }

    private void save() {
        email.setInvalid(false);
        try {
            digests.subscribe(email.getValue(), language.getValue());
            Notices.done(getTranslation("digest.saved"));
            close();
        } catch (InvalidDigestAddress e) {
            email.setErrorMessage(getTranslation("digest.bad-address"));
            email.setInvalid(true);
        } catch (AccessDeniedException | IllegalArgumentException e) {
            Notices.refused(Notices.explain(e));
        }
    }

    private void stop() {
        digests.unsubscribe();
        Notices.done(getTranslation("digest.stopped"));
        close();
    }
}
