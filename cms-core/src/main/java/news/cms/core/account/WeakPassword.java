package news.cms.core.account;

/** A new password misses the strength rule of {@link NewAccount}; the reason lets a UI say it in its language. */
public class WeakPassword extends IllegalArgumentException {

    public enum Reason {
        TOO_SHORT("a password has at least " + NewAccount.MIN_PASSWORD + " characters"),
        TOO_LONG("a password has at most " + NewAccount.MAX_PASSWORD + " characters"),
        ONE_KIND("a password mixes at least two of letters, digits and other characters"),
        CONTAINS_USERNAME("a password must not contain the username");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public WeakPassword(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
