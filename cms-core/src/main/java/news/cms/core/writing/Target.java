package news.cms.core.writing;

import org.jspecify.annotations.Nullable;

/**
 * A desk's length targets for one story; a null limit is no limit (or, in a section's own target,
 * "as the default").
 *
 * @param headlineCharacters most characters a headline should have
 * @param standfirstCharacters most characters a standfirst should have
 * @param standfirstWords most words a standfirst should have
 * @param bodyWords most words a body should have
 */
public record Target(
        @Nullable Integer headlineCharacters,
        @Nullable Integer standfirstCharacters,
        @Nullable Integer standfirstWords,
        @Nullable Integer bodyWords) {

    public static final Target NONE = new Target(null, null, null, null);

    public Target {
        positive(headlineCharacters, "headline-characters");
        positive(standfirstCharacters, "standfirst-characters");
        positive(standfirstWords, "standfirst-words");
        positive(bodyWords, "body-words");
    }

    /** This target, with the other's limit wherever this one sets none. */
    public Target over(Target fallback) {
        return new Target(
                headlineCharacters != null ? headlineCharacters : fallback.headlineCharacters,
                standfirstCharacters != null ? standfirstCharacters : fallback.standfirstCharacters,
                standfirstWords != null ? standfirstWords : fallback.standfirstWords,
                bodyWords != null ? bodyWords : fallback.bodyWords);
    }

    /** Whether a count is over a limit (no limit: never). */
    public static boolean over(int count, @Nullable Integer limit) {
        return limit != null && count > limit;
    }

    private static void positive(@Nullable Integer limit, String name) {
        if (limit != null && limit <= 0) {
            throw new IllegalArgumentException("cms.writing target " + name + " must be positive, not " + limit);
        }
    }
}
