package news.cms.editor.desk;

import java.util.EnumSet;
import java.util.Set;
import news.cms.core.workflow.ArticleState;

/** The desk's queues (named in the bundles as {@code queue.<name>}): which states each shows, and whether only the signed-in user's own stories. */
enum Queue {
    MINE(EnumSet.allOf(ArticleState.class), true),
    SUBMITTED(EnumSet.of(ArticleState.SUBMITTED), false),
    APPROVED(EnumSet.of(ArticleState.APPROVED), false),
    SCHEDULED(EnumSet.of(ArticleState.SCHEDULED), false),
    PUBLISHED(EnumSet.of(ArticleState.PUBLISHED), false),
    SPIKED(EnumSet.of(ArticleState.SPIKED), false),
    ALL(EnumSet.allOf(ArticleState.class), false),
    /** Stale translations, whoever wrote them: the source changed since they were made. */
    TO_UPDATE(EnumSet.allOf(ArticleState.class), false);

    private final Set<ArticleState> states;
    private final boolean mine;

    Queue(Set<ArticleState> states, boolean mine) {
        this.states = states;
        this.mine = mine;
    }

    Set<ArticleState> states() {
        return states;
    }

    boolean mine() {
        return mine;
    }
}
