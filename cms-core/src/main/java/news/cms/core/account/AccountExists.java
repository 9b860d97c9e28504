package news.cms.core.account;

/** An admin tried to create an account under a username that is taken. */
public class AccountExists extends IllegalStateException {

    private final String username;

    public AccountExists(String username) {
        super("an account named " + username + " exists already");
        this.username = username;
    }

    public String username() {
        return username;
    }
}
