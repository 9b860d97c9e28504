package news.cms.core.comment;

/** No ban has that id. */
public class BanNotFound extends RuntimeException {

    public BanNotFound(BanId id) {
        super("no ban " + id);
    }
}
