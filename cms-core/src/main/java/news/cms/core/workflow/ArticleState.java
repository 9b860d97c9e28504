package news.cms.core.workflow;

/** Where an article stands in the editorial workflow. */
public enum ArticleState {
    DRAFT,
    SUBMITTED,
    APPROVED,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED,
    KILLED,
    SPIKED;

    /** The state in words, e.g. "submitted". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether readers and partners may see the article in this state (embargo aside). */
    public boolean isLive() {
        return this == PUBLISHED;
    }
}
