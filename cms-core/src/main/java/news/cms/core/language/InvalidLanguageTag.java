package news.cms.core.language;

import java.util.LinkedHashMap;
import java.util.SequencedMap;

/** The text given is not a usable BCP 47 language tag. */
public class InvalidLanguageTag extends IllegalArgumentException implements Refusal {

    private final String given;

    public InvalidLanguageTag(String given, String reason) {
        super("\"" + given + "\" is not a BCP 47 language tag: " + reason);
        this.given = given;
    }

    public String given() {
        return given;
    }

    @Override
    public String code() {
        return given.isBlank() ? "language.required" : "language.invalid";
    }

    /** {@code value}: what was given. */
    @Override
    public SequencedMap<String, Object> params() {
        SequencedMap<String, Object> params = new LinkedHashMap<>();
        params.put("value", given);
        return params;
    }
}
