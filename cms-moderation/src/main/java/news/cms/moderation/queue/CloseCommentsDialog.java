package news.cms.moderation.queue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import java.util.function.Consumer;
import news.cms.core.comment.CommentThreads;
import org.jspecify.annotations.Nullable;

/**
 * Asks why a story's comments are closing, as the editor does: a note for the newsroom is required
 * (at most {@link CommentThreads#MAX_NOTE} characters), then the caller closes them.
 */
class CloseCommentsDialog extends Dialog {

    CloseCommentsDialog(Consumer<String> close) {
        setId("comments-close-dialog");
        setHeaderTitle(getTranslation("comments.close.title"));
        TextArea note = new TextArea(getTranslation("comments.close.note"));
        note.setId("comments-close-note");
        note.setWidth("32em");
        note.setMaxLength(CommentThreads.MAX_NOTE);
        note.setHelperText(getTranslation("comments.close.note.helper", CommentThreads.MAX_NOTE));
        note.getElement().setAttribute("dir", "auto");
        add(note);
        Button ok = new Button(getTranslation("comments.close"), e -> {
            Optional<String> problem = problem(note.getValue());
            note.setInvalid(problem.isPresent());
            note.setErrorMessage(problem.orElse(null));
            if (problem.isEmpty()) {
                close.accept(note.getValue().strip());
                close();
            }
        });
        ok.setId("comments-close-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("dialog.cancel"), e -> close());
        cancel.setId("comments-close-cancel");
        getFooter().add(cancel, ok);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                note.focus();
            }
        });
    }

    private Optional<String> problem(@Nullable String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.of(getTranslation("comments.close.note.required"));
        }
        if (text.codePointCount(0, text.length()) > CommentThreads.MAX_NOTE) {
            return Optional.of(getTranslation("comments.close.note.too-long", CommentThreads.MAX_NOTE));
        }
        return Optional.empty();
    }
}
