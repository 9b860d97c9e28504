package news.cms.editor.story;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.note.Anchor;
import news.cms.core.note.MentionPreview;
import news.cms.core.note.Note;
import news.cms.core.note.NoteService;
import news.cms.core.note.Passages;
import news.cms.editor.layout.NoteTexts;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The story's notes thread: each note in its own direction, where it sits in the text now, resolve
 * and reopen; a new note on the whole story or on words of the body, with a preview of who its
 * mentions will tell.
 */
class NotesPanel extends VerticalLayout {

    private final NoteService notes;
    private final H3 heading = new H3();
    private final Div list = new Div();
    private final TextArea text = new TextArea();
    private final TextField quote = new TextField();
    private final Span preview = new Span();
    private final Button add = new Button();
    private @Nullable Article article;

    NotesPanel(NoteService notes) {
        this.notes = notes;
        setPadding(false);
        heading.setId("notes-heading");
        list.setId("notes-list");
        list.addClassName("notes-list");
        text.setId("note-text");
        text.setLabel(getTranslation("notes.text"));
        text.setHelperText(getTranslation("notes.text.help"));
        text.setMaxLength(NoteService.MAX_TEXT);
        text.setWidthFull();
        // What is typed shows in its own direction; the stored note gets it from its script.
        TextDirections.onInputOfAnyLanguage(text);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> showPreview(e.getValue()));
        quote.setId("note-quote");
        quote.setLabel(getTranslation("notes.quote"));
        quote.setHelperText(getTranslation("notes.quote.help"));
        quote.setMaxLength(Anchor.MAX_QUOTE);
        quote.setWidthFull();
        TextDirections.onInputOfAnyLanguage(quote);
        preview.setId("note-preview");
        preview.addClassName("note-preview");
        add.setId("note-add");
        add.setText(getTranslation("notes.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addNote());
        HorizontalLayout actions = new HorizontalLayout(add, preview);
        actions.setAlignItems(Alignment.BASELINE);
        add(heading, list, text, quote, actions);
    }

    void show(Article shown) {
        this.article = shown;
        refresh();
    }

    /** Brings one note of the thread into view and marks it (from the desk's list of open notes). */
    void focus(String noteId) {
        list.getChildren()
                .filter(c -> c.getId().filter(("note-" + noteId)::equals).isPresent())
                .findFirst()
                .ifPresent(row -> {
                    row.getElement().getClassList().add("note-focused");
                    row.getElement().executeJs("this.scrollIntoView({block: 'center'})");
                });
    }

    private void refresh() {
        Article shown = article;
        if (shown == null) {
            return;
        }
        List<Note> thread = notes.thread(shown.id());
        long open = thread.stream().filter(Note::isOpen).count();
        heading.setText(getTranslation("notes.heading", open));
        list.removeAll();
        if (thread.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("notes.empty"));
            empty.setId("notes-empty");
            list.add(empty);
        }
        for (Note note : thread) {
            list.add(row(note));
        }
    }

    private Div row(Note note) {
        Div row = new Div();
        row.setId("note-" + note.id());
        row.addClassName("note");
        row.addClassName(note.isOpen() ? "note-open" : "note-resolved");
        Span meta = new Span(getTranslation(
                "notes.by",
                TextDirections.isolate(note.author()),
                TextDirections.isolate(Notices.when(note.createdAt()))));
        meta.addClassName("note-meta");
        Span place = new Span(NoteTexts.place(note));
        place.addClassName("note-place");
        place.addClassName("note-place-" + note.placement().name().toLowerCase(java.util.Locale.ROOT));
        Paragraph body = NoteTexts.body(note);
        Button toggle = new Button(getTranslation(note.isOpen() ? "notes.resolve" : "notes.reopen"));
        toggle.setId("note-toggle-" + note.id());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.addClickListener(e -> settle(note));
        HorizontalLayout header = new HorizontalLayout(meta, place, toggle);
        header.setAlignItems(Alignment.BASELINE);
        row.add(header, body);
        if (!note.isOpen() && note.resolvedBy() != null) {
            Span resolved = new Span(getTranslation("notes.resolved-by", TextDirections.isolate(note.resolvedBy())));
            resolved.addClassName("note-meta");
            row.add(resolved);
        }
        return row;
    }

    private void settle(Note note) {
        try {
            if (note.isOpen()) {
                notes.resolve(note.id());
            } else {
                notes.reopen(note.id());
            }
        } catch (AccessDeniedException | IllegalArgumentException e) {
            Notices.refused(Notices.explain(e));
        }
        refresh();
    }

    private void showPreview(String typed) {
        if (typed == null || typed.isBlank()) {
            preview.setText("");
            return;
        }
        MentionPreview who = notes.preview(typed);
        StringBuilder said = new StringBuilder();
        if (!who.recipients().isEmpty()) {
            said.append(getTranslation(
                    "notes.preview",
                    String.join(
                            ", ",
                            who.recipients().stream()
                                    .sorted()
                                    .map(TextDirections::isolate)
                                    .toList())));
        }
        if (!who.unknown().isEmpty()) {
            if (!said.isEmpty()) {
                said.append(" · ");
            }
            said.append(getTranslation(
                    "notes.unknown",
                    String.join(
                            ", ",
                            who.unknown().stream().map(TextDirections::isolate).toList())));
        }
        preview.setText(said.toString());
    }

    private void addNote() {
        Article shown = article;
        if (shown == null) {
            return;
        }
        Anchor anchor = null;
        try {
            String words = quote.getValue() == null ? "" : quote.getValue().strip();
            if (!words.isEmpty()) {
                // The first paragraph of the saved body that holds the words; the service checks it.
                List<String> paragraphs = Passages.paragraphs(shown.content().body());
                int index = 0;
                for (int i = 0; i < paragraphs.size(); i++) {
                    if (paragraphs.get(i).contains(words)) {
                        index = i;
                        break;
                    }
                }
                anchor = new Anchor(index, words);
            }
            notes.add(shown.id(), text.getValue(), anchor);
            text.clear();
            quote.clear();
            preview.setText("");
            Notices.done(getTranslation("notes.added"));
        } catch (AccessDeniedException | IllegalArgumentException e) {
            Notices.refused(Notices.explain(e));
        }
        refresh();
    }
}
