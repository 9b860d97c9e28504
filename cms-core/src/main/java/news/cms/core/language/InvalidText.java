package news.cms.core.language;

/** A text field was refused; the message names the field and the rule. */
public class InvalidText extends IllegalArgumentException {

    private final String field;

    public InvalidText(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
