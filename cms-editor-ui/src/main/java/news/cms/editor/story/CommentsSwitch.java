package news.cms.editor.story;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.util.Optional;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.comment.CommentClosure;
import news.cms.core.comment.CommentThreads;
import news.cms.core.language.LanguageTag;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whether readers may comment on the story, and for editors the switch: close with a note for the
 * newsroom, or reopen. Shown where the comment intake would take comments (published, no embargo
 * running) and wherever a closure is on record; everyone sees the state, only editors change it.
 */
class CommentsSwitch extends HorizontalLayout {

    private final CommentThreads threads;
    private final Clock clock;
    private final boolean mayChange;
    private final Span state = new Span();
    private final Span note = new Span();
    private final Button close = new Button();
    private final Button reopen = new Button();
    private @Nullable ArticleId shown;

    private LanguageTag language = LanguageTag.ENGLISH;

    CommentsSwitch(CommentThreads threads, Clock clock, boolean mayChange) {
        this.threads = threads;
        this.clock = clock;
        this.mayChange = mayChange;
        setId("comments");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        state.setId("comments-state");
        note.setId("comments-note");
        note.addClassName("comments-note");
        // The note is the closer's own words, in whatever script they wrote it.
        note.getElement().setAttribute("dir", "auto");
        close.setText(getTranslation("comments.close"));
        close.setId("comments-close");
        close.addThemeVariants(ButtonVariant.LUMO_SMALL);
        close.addClickListener(e -> askNote());
        reopen.setText(getTranslation("comments.reopen"));
        reopen.setId("comments-reopen");
        reopen.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reopen.addClickListener(e -> reopen());
        add(state, note, close, reopen);
        setVisible(false);
    }

    /** Shows the story's comment state; hidden where readers could not comment anyway. */
    void show(@Nullable Article article) {
        shown = article == null ? null : article.id();
        if (article != null) {
            language = article.language();
        }
        if (article == null) {
            setVisible(false);
            return;
        }
        Optional<CommentClosure> closure = threads.closure(article.id());
        setVisible(closure.isPresent() || article.isReadableAt(clock.instant()));
        render(closure);
    }

    private void render(Optional<CommentClosure> closure) {
        if (closure.isPresent()) {
            CommentClosure c = closure.get();
            state.setText(getTranslation("comments.closed", c.closedBy(), Notices.when(c.closedAt())));
            note.setText(c.note());
            note.setVisible(!c.note().isBlank());
        } else {
            state.setText(getTranslation("comments.open"));
            note.setVisible(false);
        }
        close.setVisible(mayChange && closure.isEmpty());
        reopen.setVisible(mayChange && closure.isPresent());
    }

    private void askNote() {
        ArticleId article = shown;
        if (article == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("comments-close-dialog");
        dialog.setHeaderTitle(getTranslation("comments.close.title"));
        TextArea why = new TextArea(getTranslation("comments.close.note"));
        why.setId("comments-close-note");
        why.setWidth("32em");
        why.setHelperText(getTranslation("comments.close.note.helper", CommentThreads.MAX_NOTE));
        // Written about the story, for the desk: in the story's language and direction.
        TextDirections.onInput(why, language);
        why.setMaxLength(CommentThreads.MAX_NOTE);
        dialog.add(why);
        Button ok = new Button(getTranslation("comments.close"), e -> {
            Optional<String> problem = problem(why.getValue());
            why.setInvalid(problem.isPresent());
            why.setErrorMessage(problem.orElse(null));
            if (problem.isEmpty() && change(() -> threads.close(article, why.getValue()))) {
                dialog.close();
                Notices.done(getTranslation("comments.closed.done"));
            }
        });
        ok.setId("comments-close-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("dialog.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }

    /** The note's problem in the UI language: required, and no longer than the service takes. */
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

    private void reopen() {
        ArticleId article = shown;
        if (article != null && change(() -> threads.reopen(article))) {
            Notices.done(getTranslation("comments.reopened.done"));
        }
    }

    /** Runs the change and shows the new state; a refusal is said in the UI language and changes nothing. */
    private boolean change(Runnable command) {
        ArticleId article = shown;
        if (article == null) {
            return false;
        }
        try {
            command.run();
        } catch (AccessDeniedException denied) {
            Notices.refused(getTranslation("comments.not-permitted"));
            return false;
        } catch (IllegalArgumentException | ArticleNotFound refused) {
            Notices.refused(Notices.explain(refused));
            return false;
        }
        render(threads.closure(article));
        return true;
    }
}
