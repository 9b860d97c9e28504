package news.cms.core.workflow;

/** Everything that can happen to an article, one per row of the workflow table. */
public enum Action {
    /** Change headline, body and the rest, without changing the state. */
    CREATE,
    EDIT,
    SUBMIT,
    REQUEST_CHANGES,
    APPROVE,
    PUBLISH,
    SCHEDULE,
    UNSCHEDULE,
    /** The scheduler publishes a scheduled article when its time comes. */
    GO_LIVE,
    /** A new public version of a published article, with a public correction note. */
    CORRECT,
    /** A new public version of a published article without a correction note. */
    UPDATE,
    UNPUBLISH,
    KILL,
    SPIKE,
    RESTORE,
    EMBARGO;

    /** The action as a verb for messages, e.g. "request changes to". */
    public String verb() {
        return switch (this) {
            case CREATE -> "create";
            case EDIT -> "edit";
            case SUBMIT -> "submit";
            case REQUEST_CHANGES -> "request changes to";
            case APPROVE -> "approve";
            case PUBLISH -> "publish";
            case SCHEDULE -> "schedule";
            case UNSCHEDULE -> "unschedule";
            case GO_LIVE -> "put live";
            case CORRECT -> "correct";
            case UPDATE -> "update";
            case UNPUBLISH -> "unpublish";
            case KILL -> "kill";
            case SPIKE -> "spike";
            case RESTORE -> "restore";
            case EMBARGO -> "embargo";
        };
    }
}
