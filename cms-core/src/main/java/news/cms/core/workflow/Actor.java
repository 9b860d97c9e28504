package news.cms.core.workflow;

import java.util.Set;
import news.cms.core.account.Role;

/**
 * Who asks for an action: a signed-in person with roles, or the system itself (the scheduler).
 */
public record Actor(String name, Set<Role> roles, boolean system) {

    public static final Actor SCHEDULER = new Actor("scheduler", Set.of(), true);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor person(String name, Set<Role> roles) {
        return new Actor(name, roles, false);
    }

    public boolean isEditor() {
        return roles.contains(Role.EDITOR);
    }

    public boolean isReporter() {
        return roles.contains(Role.REPORTER);
    }
}
