package news.cms.core.article;

/** The action needs a note (request changes, correct) or a reason (kill). */
public class NoteRequired extends IllegalArgumentException {

    public NoteRequired(String what) {
        super(what + " is required");
    }
}
