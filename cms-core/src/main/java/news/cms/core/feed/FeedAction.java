package news.cms.core.feed;

import java.util.Optional;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;

/** The changes partners see; every other workflow action stays inside the newsroom. */
public enum FeedAction {
    PUBLISH,
    GO_LIVE,
    UPDATE,
    CORRECT,
    UNPUBLISH,
    KILL,
    /** The embargo of a live story was set, moved or lifted. */
    EMBARGO,
    /** The embargo of a live story ran out: from now on everyone may read it. */
    EMBARGO_LIFTED;

    /** The feed action for a workflow action that left the article in {@code state}, if it is public. */
    public static Optional<FeedAction> of(Action action, ArticleState state) {
        return Optional.ofNullable(
                switch (action) {
                    case PUBLISH -> PUBLISH;
                    case GO_LIVE -> GO_LIVE;
                    case UPDATE -> UPDATE;
                    case CORRECT -> CORRECT;
                    case UNPUBLISH -> UNPUBLISH;
                    case KILL -> KILL;
                    case EMBARGO -> state == ArticleState.PUBLISHED ? EMBARGO : null;
                    default -> null;
                });
    }

    /** After this change the article is live (perhaps under embargo); else it is withdrawn or killed. */
    public boolean leavesLive() {
        return this != UNPUBLISH && this != KILL;
    }
}
