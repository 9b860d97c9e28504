package news.cms.core.account;

/** No account has this username. */
public class AccountNotFound extends IllegalStateException {

    public AccountNotFound(String username) {
        super("no account named " + username);
    }
}
