package news.cms.core.workflow;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** The action exists from this state, but this actor may not take it. */
public class NotPermitted extends AccessDeniedException {

    public NotPermitted(Actor actor, ArticleState state, Action action, @Nullable String reason) {
        super(
                reason != null
                        ? reason
                        : actor.name() + " may not " + action.verb() + " an article that is " + state.label());
    }
}
