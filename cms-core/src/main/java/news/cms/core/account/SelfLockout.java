package news.cms.core.account;

/** An admin tried to disable their own account or drop their own ADMIN role, which would lock them out. */
public class SelfLockout extends IllegalStateException {

    public SelfLockout() {
        super("you cannot disable your own account or remove your own admin role");
    }
}
