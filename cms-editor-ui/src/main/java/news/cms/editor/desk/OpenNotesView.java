package news.cms.editor.desk;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import news.cms.core.note.DeskNote;
import news.cms.core.note.Note;
import news.cms.core.note.NoteService;
import news.cms.editor.layout.NoteTexts;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;

/**
 * The open notes across the desk's stories, newest first, filtered by section: each names its story
 * (a link to the story's notes, the note brought into view) and where it sits in the text, and shows
 * in its own direction. The section is kept in the address ({@code notes?section=…}) to share a desk's list.
 */
@Route("notes")
@RolesAllowed({"REPORTER", "EDITOR", "ADMIN"})
class OpenNotesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final NoteService notes;
    private final ComboBox<String> section = new ComboBox<>();
    private final Span count = new Span();
    private final Paragraph limit = new Paragraph();
    private final Div list = new Div();
    private boolean filling;

    OpenNotesView(NoteService notes) {
        this.notes = notes;
        setWidthFull();
        section.setId("open-notes-section");
        section.setLabel(getTranslation("field.section"));
        section.setHelperText(getTranslation("open-notes.section.help"));
        section.setAllowCustomValue(true);
        section.setClearButtonVisible(true);
        section.addCustomValueSetListener(e -> section.setValue(e.getDetail().strip()));
        section.addValueChangeListener(e -> {
            if (!filling) {
                String value = e.getValue() == null ? "" : e.getValue().strip();
                getUI().ifPresent(ui -> ui.navigate(
                        "notes",
                        value.isEmpty() ? QueryParameters.empty() : QueryParameters.simple(Map.of("section", value))));
            }
        });
        count.setId("open-notes-count");
        count.getElement().getThemeList().add("badge");
        limit.setId("open-notes-limit");
        limit.addClassName("note-meta");
        list.setId("open-notes-list");
        list.addClassName("notes-list");
        HorizontalLayout filters = new HorizontalLayout(section, count);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("open-notes.heading")), filters, limit, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String asked = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("section")
                .map(String::strip)
                .orElse("");
        fill(asked.isEmpty() ? null : asked);
    }

    private void fill(@Nullable String desk) {
        List<DeskNote> open = notes.openOnDesk(desk);
        filling = true;
        try {
            // The sections offered are those with open notes, and the one asked for.
            TreeSet<String> sections = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            (desk == null ? open : notes.openOnDesk(null)).forEach(n -> sections.add(n.section()));
            if (desk != null) {
                sections.add(desk);
            }
            section.setItems(sections);
            section.setValue(desk);
        } finally {
            filling = false;
        }
        count.setText(getTranslation("open-notes.count", open.size()));
        limit.setText(getTranslation("open-notes.limit", NoteService.DESK_LIMIT));
        limit.setVisible(open.size() >= NoteService.DESK_LIMIT);
        list.removeAll();
        if (open.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("open-notes.empty"));
            empty.setId("open-notes-empty");
            list.add(empty);
        }
        for (DeskNote n : open) {
            list.add(row(n));
        }
    }

    private Div row(DeskNote onStory) {
        Note note = onStory.note();
        Div row = new Div();
        row.setId("desk-note-" + note.id());
        row.addClassName("note");
        row.addClassName("desk-note");
        // The story's headline in the story's language, linking to this note on the story's page.
        Anchor story = new Anchor("story/" + note.articleId() + "?note=" + note.id(), onStory.headline());
        story.addClassName("desk-note-story");
        story.getElement().setAttribute("router-link", true);
        TextDirections.onText(story, onStory.language());
        Span desk = new Span(onStory.section());
        desk.addClassName("desk-note-section");
        desk.getElement().getThemeList().add("badge contrast small");
        desk.getElement().setAttribute("dir", "auto");
        Span meta = new Span(getTranslation(
                "notes.by",
                TextDirections.isolate(note.author()),
                TextDirections.isolate(Notices.when(note.createdAt()))));
        meta.addClassName("note-meta");
        Span place = new Span(NoteTexts.place(note));
        place.addClassName("note-place");
        place.addClassName("note-place-" + note.placement().name().toLowerCase(Locale.ROOT));
        HorizontalLayout header = new HorizontalLayout(story, desk, meta, place);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.getStyle().set("flex-wrap", "wrap");
        row.add(header, NoteTexts.body(note));
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("open-notes.page-title");
    }
}
