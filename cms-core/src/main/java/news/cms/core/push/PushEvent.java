package news.cms.core.push;

import news.cms.core.feed.FeedAction;

/** What a partner can subscribe to: the feed's actions as partners name them. */
public enum PushEvent {
    /** Published now or at its scheduled time: both are a first publication to partners. */
    PUBLISH("article.published"),
    UPDATE("article.updated"),
    CORRECT("article.corrected"),
    UNPUBLISH("article.unpublished"),
    KILL("article.killed"),
    /** The embargo of a live story was set, moved or lifted early. */
    EMBARGO("article.embargoed"),
    EMBARGO_LIFTED("article.embargo-lifted");

    private final String type;

    PushEvent(String type) {
        this.type = type;
    }

    /** The payload's {@code type}, in the Standard Webhooks {@code noun.verb} form. */
    public String type() {
        return type;
    }

    public static PushEvent of(FeedAction action) {
        return switch (action) {
            case PUBLISH, GO_LIVE -> PUBLISH;
            case UPDATE -> UPDATE;
            case CORRECT -> CORRECT;
            case UNPUBLISH -> UNPUBLISH;
            case KILL -> KILL;
            case EMBARGO -> EMBARGO;
            case EMBARGO_LIFTED -> EMBARGO_LIFTED;
        };
    }
}
