package news.cms.testsupport;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * People of a test newsroom and stories that went through the workflow the way people take them:
 * reporter Rezan files, editor Layla approves and publishes.
 */
public final class Newsroom {

    public static final String REPORTER = "rezan";
    public static final String EDITOR = "layla";
    public static final String SECOND_EDITOR = "selin";

    private Newsroom() {}

    /** Runs the action signed in as {@code user} with {@code roles}, then restores who was signed in. */
    public static <T> T as(String user, Supplier<T> action, Role... roles) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(
                user,
                null,
                AuthorityUtils.createAuthorityList(
                        java.util.Arrays.stream(roles).map(Role::authority).toArray(String[]::new))));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Runs the action as an admin (seeding accounts is an admin's act), then restores who was signed in. */
    public static void asAdmin(Runnable action) {
        as(
                "admin",
                () -> {
                    action.run();
                    return null;
                },
                Role.ADMIN);
    }

    public static Article asReporter(Supplier<Article> action) {
        return as(REPORTER, action, Role.REPORTER);
    }

    public static Article asEditor(Supplier<Article> action) {
        return as(EDITOR, action, Role.EDITOR);
    }

    /** Filed by the reporter, submitted, approved by the editor. */
    public static Article approvedStory(ArticleService articles, ArticleContent content) {
        Article draft = asReporter(() -> articles.createDraft(content));
        Article submitted = asReporter(() -> articles.submit(draft.id(), draft.version()));
        return asEditor(() -> articles.approve(submitted.id(), submitted.version()));
    }

    /** Filed, approved and published. */
    public static Article publishedStory(ArticleService articles, ArticleContent content) {
        Article approved = approvedStory(articles, content);
        return asEditor(() -> articles.publish(approved.id(), approved.version()));
    }

    /** A short story of our own in the given language. */
    public static ArticleContent story(LanguageTag language, String headline, String body, String place) {
        return new ArticleContent(
                language,
                "news",
                headline,
                "",
                body,
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline(place, null, null, LocalDate.of(2026, 11, 25)));
    }
}
