package news.cms.core.push;

/** A subscription setting was refused: {@code field} names it, {@code expected} says what it takes. */
public class InvalidSubscription extends IllegalArgumentException {

    private final String field;

    public InvalidSubscription(String field, String expected) {
        super(field + ": expected " + expected);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
