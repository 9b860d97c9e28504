package news.cms.core.article;

/** Someone else is editing the article; the message says who and since when. */
public class LockHeld extends RuntimeException {

    private final EditLock lock;

    public LockHeld(EditLock lock) {
        super("being edited by " + lock.holder() + " since " + lock.acquiredAt());
        this.lock = lock;
    }

    public EditLock lock() {
        return lock;
    }
}
