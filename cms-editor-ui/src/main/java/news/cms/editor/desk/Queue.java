package news.cms.editor.desk;

import java.util.EnumSet;
import java.util.Set;
import news.cms.core.workflow.ArticleState;

/** The desk's queues: which states each shows, and whether only the signed-in user's own stories. */
enum Queue {
    MINE("My stories", EnumSet.allOf(ArticleState.class), true),
    SUBMITTED("Submitted", EnumSet.of(ArticleState.SUBMITTED), false),
    APPROVED("Approved", EnumSet.of(ArticleState.APPROVED), false),
    SCHEDULED("Scheduled", EnumSet.of(ArticleState.SCHEDULED), false),
    PUBLISHED("Published", EnumSet.of(ArticleState.PUBLISHED), false),
    SPIKED("Spiked", EnumSet.of(ArticleState.SPIKED), false),
    ALL("All", EnumSet.allOf(ArticleState.class), false);

    private final String label;
    private final Set<ArticleState> states;
    private final boolean mine;

    Queue(String label, Set<ArticleState> states, boolean mine) {
        this.label = label;
        this.states = states;
        this.mine = mine;
    }

    String label() {
        return label;
    }

    Set<ArticleState> states() {
        return states;
    }

    boolean mine() {
        return mine;
    }
}
