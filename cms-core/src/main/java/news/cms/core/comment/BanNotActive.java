package news.cms.core.comment;

/** The ban was lifted already or has run out: there is nothing to lift. */
public class BanNotActive extends RuntimeException {

    public BanNotActive(BanId id) {
        super("ban " + id + " no longer applies");
    }
}
