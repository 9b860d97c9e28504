package news.cms.core.article;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import news.cms.core.language.Refusal;

/** The action needs a note (request changes, correct) or a reason (kill). */
public class NoteRequired extends IllegalArgumentException implements Refusal {

    private final String field;

    /** @param field the note's stable name, e.g. {@code note for the reporter} */
    public NoteRequired(String field) {
        super("a " + field + " is required");
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String code() {
        return "note.required";
    }

    /** {@code field}: which note. */
    @Override
    public SequencedMap<String, Object> params() {
        SequencedMap<String, Object> params = new LinkedHashMap<>();
        params.put("field", field);
        return params;
    }
}
