package news.cms.core.account;

import java.util.Locale;
import java.util.Set;

/**
 * An account an admin is creating, with its first password, which must pass the strength rule: at
 * least {@value #MIN_PASSWORD} characters, at least two of letters, digits and other characters, and
 * not containing the username.
 */
public record NewAccount(UserAccount account, String password) {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;

    public NewAccount {
        checkPassword(password, account.username());
    }

    public NewAccount(String username, String displayName, Set<Role> roles, String password) {
        this(new UserAccount(username, displayName, roles, true), password);
    }

    /**
     * The strength rule on its own, so that a form can check the field as it is typed.
     *
     * @throws WeakPassword saying which part of the rule the password misses
     */
    public static void checkPassword(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new WeakPassword(WeakPassword.Reason.TOO_SHORT);
        }
        if (password.length() > MAX_PASSWORD) {
            throw new WeakPassword(WeakPassword.Reason.TOO_LONG);
        }
        boolean letters = password.codePoints().anyMatch(Character::isLetter);
        boolean digits = password.codePoints().anyMatch(Character::isDigit);
        boolean others = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        if ((letters ? 1 : 0) + (digits ? 1 : 0) + (others ? 1 : 0) < 2) {
            throw new WeakPassword(WeakPassword.Reason.ONE_KIND);
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new WeakPassword(WeakPassword.Reason.CONTAINS_USERNAME);
        }
    }
}
