package news.cms.core.budget;

/** Someone a planned item may be given to: an enabled reporter or editor. */
public record Assignee(String username, String displayName) {}
