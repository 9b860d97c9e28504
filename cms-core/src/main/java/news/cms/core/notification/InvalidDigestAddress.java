package news.cms.core.notification;

/** What was typed is not one plain e-mail address. */
public class InvalidDigestAddress extends IllegalArgumentException {

    private final String typed;

    public InvalidDigestAddress(String typed) {
        super("not an e-mail address: " + typed);
        this.typed = typed;
    }

    public String typed() {
        return typed;
    }
}
