package news.cms.core.workflow;

import static news.cms.core.workflow.ArticleState.APPROVED;
import static news.cms.core.workflow.ArticleState.DRAFT;
import static news.cms.core.workflow.ArticleState.KILLED;
import static news.cms.core.workflow.ArticleState.PUBLISHED;
import static news.cms.core.workflow.ArticleState.SCHEDULED;
import static news.cms.core.workflow.ArticleState.SPIKED;
import static news.cms.core.workflow.ArticleState.SUBMITTED;
import static news.cms.core.workflow.ArticleState.UNPUBLISHED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The workflow table of ARCHITECTURE.md as data: from which states an action may start, where it
 * leads, and who may take it. The server decides with it; the UI only offers what it allows.
 */
public final class Workflow {

    /** Who may take a transition, given the actor and the article's authors. */
    enum Who {
        AUTHOR_OR_EDITOR {
            @Override
            boolean permits(Actor actor, Authorship authorship) {
                return actor.isEditor() || (actor.isReporter() && authorship.isAuthor(actor));
            }
        },
        EDITOR {
            @Override
            boolean permits(Actor actor, Authorship authorship) {
                return actor.isEditor();
            }
        },
        /** An editor who is not the story's only author. */
        SECOND_EDITOR {
            @Override
            boolean permits(Actor actor, Authorship authorship) {
                return actor.isEditor() && !authorship.isSoleAuthor(actor);
            }
        },
        SCHEDULER {
            @Override
            boolean permits(Actor actor, Authorship authorship) {
                return actor.system();
            }
        };

        abstract boolean permits(Actor actor, Authorship authorship);
    }

    /** One row of the table; {@code to} is {@code null} where the state stays as it is. */
    record Transition(Set<ArticleState> from, Action action, ArticleState to, Who who) {

        Transition(ArticleState from, Action action, ArticleState to, Who who) {
            this(EnumSet.of(from), action, to, who);
        }
    }

    static final List<Transition> TABLE = List.of(
            new Transition(EnumSet.of(DRAFT), Action.EDIT, DRAFT, Who.AUTHOR_OR_EDITOR),
            new Transition(EnumSet.of(SUBMITTED, APPROVED, SCHEDULED), Action.EDIT, null, Who.EDITOR),
            new Transition(DRAFT, Action.SUBMIT, SUBMITTED, Who.AUTHOR_OR_EDITOR),
            new Transition(SUBMITTED, Action.REQUEST_CHANGES, DRAFT, Who.EDITOR),
            new Transition(SUBMITTED, Action.APPROVE, APPROVED, Who.SECOND_EDITOR),
            new Transition(APPROVED, Action.PUBLISH, PUBLISHED, Who.EDITOR),
            new Transition(APPROVED, Action.SCHEDULE, SCHEDULED, Who.EDITOR),
            new Transition(SCHEDULED, Action.UNSCHEDULE, APPROVED, Who.EDITOR),
            new Transition(SCHEDULED, Action.GO_LIVE, PUBLISHED, Who.SCHEDULER),
            new Transition(PUBLISHED, Action.CORRECT, PUBLISHED, Who.EDITOR),
            new Transition(PUBLISHED, Action.UPDATE, PUBLISHED, Who.EDITOR),
            new Transition(PUBLISHED, Action.UNPUBLISH, UNPUBLISHED, Who.EDITOR),
            new Transition(EnumSet.of(PUBLISHED, UNPUBLISHED), Action.KILL, KILLED, Who.EDITOR),
            new Transition(EnumSet.of(DRAFT, SUBMITTED), Action.SPIKE, SPIKED, Who.AUTHOR_OR_EDITOR),
            new Transition(SPIKED, Action.RESTORE, DRAFT, Who.AUTHOR_OR_EDITOR),
            new Transition(EnumSet.of(APPROVED, SCHEDULED, PUBLISHED), Action.EMBARGO, null, Who.EDITOR));

    private Workflow() {}

    /**
     * The state an action leads to.
     *
     * @throws IllegalTransition when the action cannot start from {@code state}
     * @throws NotPermitted when it can, but not by this actor
     */
    public static ArticleState check(ArticleState state, Action action, Actor actor, Authorship authorship) {
        List<Transition> rows = TABLE.stream()
                .filter(t -> t.action() == action && t.from().contains(state))
                .toList();
        if (rows.isEmpty()) {
            throw new IllegalTransition(state, action);
        }
        return rows.stream()
                .filter(t -> t.who().permits(actor, authorship))
                .findFirst()
                .map(t -> t.to() == null ? state : t.to())
                .orElseThrow(() -> new NotPermitted(actor, state, action, reason(rows, actor, authorship)));
    }

    /** The actions this actor may take on an article in this state. */
    public static Set<Action> allowed(ArticleState state, Actor actor, Authorship authorship) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Transition t : TABLE) {
            if (t.from().contains(state) && t.who().permits(actor, authorship)) {
                allowed.add(t.action());
            }
        }
        return allowed;
    }

    private static String reason(List<Transition> rows, Actor actor, Authorship authorship) {
        boolean fourEyes = rows.stream().anyMatch(t -> t.who() == Who.SECOND_EDITOR)
                && actor.isEditor()
                && authorship.isSoleAuthor(actor);
        return fourEyes ? "the sole author of a story cannot approve it; another editor must" : null;
    }
}
