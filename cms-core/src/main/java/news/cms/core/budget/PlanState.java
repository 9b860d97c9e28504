package news.cms.core.budget;

/** Where a planned item is: still planned, started as a draft (once), or cancelled by an editor. */
public enum PlanState {
    PLANNED,
    STARTED,
    CANCELLED
}
