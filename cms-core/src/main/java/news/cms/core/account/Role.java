package news.cms.core.account;

/** What a signed-in person may do; Spring Security sees these as {@code ROLE_<name>}. */
public enum Role {
    REPORTER,
    EDITOR,
    MODERATOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
