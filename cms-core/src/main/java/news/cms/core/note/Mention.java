package news.cms.core.note;

/** Whom a note names: one user, or a section's desk (each of its members). */
public record Mention(Kind kind, String name) {

    public enum Kind {
        USER,
        DESK
    }

    public Mention {
        if (kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mention needs a kind and a name");
        }
    }

    public static Mention user(String username) {
        return new Mention(Kind.USER, username);
    }

    public static Mention desk(String section) {
        return new Mention(Kind.DESK, section);
    }
}
