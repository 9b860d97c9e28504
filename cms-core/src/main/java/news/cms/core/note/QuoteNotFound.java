package news.cms.core.note;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import news.cms.core.language.Refusal;

/** A note's anchor quotes words that its paragraph does not hold (or there is no such paragraph). */
public class QuoteNotFound extends IllegalArgumentException implements Refusal {

    private final int paragraph;

    public QuoteNotFound(int paragraph) {
        super("paragraph " + paragraph + " of the body does not hold the quoted words");
        this.paragraph = paragraph;
    }

    @Override
    public String code() {
        return "note.quote-not-found";
    }

    /** {@code paragraph}: counted from 1, as people count. */
    @Override
    public SequencedMap<String, Object> params() {
        SequencedMap<String, Object> params = new LinkedHashMap<>();
        params.put("paragraph", paragraph + 1);
        return params;
    }
}
