package news.cms.editor.layout;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import news.cms.core.note.Note;
import news.cms.core.note.Passages;

/** How a note's words are shown wherever notes are listed (the story's thread, the desk's open notes). */
public final class NoteTexts {

    private NoteTexts() {}

    /**
     * The note in its own direction, each @mention isolated, so "@layla" at the start of an Arabic
     * note reads "@layla" and not "layla@".
     */
    public static Paragraph body(Note note) {
        Paragraph body = new Paragraph();
        for (Passages.Piece piece : Passages.pieces(note.text())) {
            if (piece.mention()) {
                Element bdi = new Element("bdi");
                bdi.setText(piece.text());
                bdi.getClassList().add("note-mention");
                body.getElement().appendChild(bdi);
            } else {
                body.getElement().appendChild(Element.createText(piece.text()));
            }
        }
        body.addClassName("note-text");
        body.getElement().setAttribute("dir", note.direction().htmlValue());
        return body;
    }

    /** Where the note sits in the story's text now, in the UI language. */
    public static String place(Note note) {
        return switch (note.placement()) {
            case STORY -> Notices.t("notes.on-story");
            case PASSAGE ->
                Notices.t(
                        "notes.on-passage",
                        note.paragraph() + 1,
                        TextDirections.isolate(note.anchor().quote()));
            case DETACHED ->
                Notices.t("notes.detached", TextDirections.isolate(note.anchor().quote()));
        };
    }
}
