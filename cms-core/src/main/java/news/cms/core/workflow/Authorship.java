package news.cms.core.workflow;

import java.util.Set;

/**
 * Who wrote an article, for the rules that depend on it: authors may submit and spike their own
 * stories, and the sole author may not approve their own story (four eyes).
 *
 * @param authors the accounts that created or co-wrote the story
 */
public record Authorship(Set<String> authors) {

    public Authorship {
        authors = Set.copyOf(authors);
    }

    public static Authorship of(String... authors) {
        return new Authorship(Set.of(authors));
    }

    public boolean isAuthor(Actor actor) {
        return authors.contains(actor.name());
    }

    public boolean isSoleAuthor(Actor actor) {
        return authors.size() == 1 && isAuthor(actor);
    }
}
