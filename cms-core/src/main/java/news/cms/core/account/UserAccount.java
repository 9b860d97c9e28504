package news.cms.core.account;

import java.util.Set;
import news.cms.core.language.Texts;

/** A person who signs in to the editor or moderation app. The password is only ever kept hashed. */
public record UserAccount(String username, String displayName, Set<Role> roles, boolean enabled) {

    public UserAccount {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            throw new IllegalArgumentException(
                    "a username is 2 to 64 lower-case letters, digits, dots, dashes or underscores: " + username);
        }
        displayName = Texts.required(displayName, "display name");
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
    }
}
