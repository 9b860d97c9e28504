package news.cms.core.note;

/** No note has that id. */
public class NoteNotFound extends RuntimeException {

    public NoteNotFound(NoteId id) {
        super("no note " + id);
    }
}
