package news.cms.core.comment;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test comments in English, Arabic, Sorani and Turkish, and articles to hang them on. */
final class CommentMother {

    private CommentMother() {}

    static NewComment english(ArticleId article, String key) {
        return comment(
                article,
                LanguageTag.ENGLISH,
                "Rezan from Erbil",
                "rezan.reader@example.com",
                "The library's new opening hours will help students during exams. Thank you for the report.",
                key);
    }

    static NewComment arabic(ArticleId article, String key) {
        return comment(
                article,
                LanguageTag.ARABIC,
                "ليلى من البصرة",
                null,
                "أتمنى أن تناقش الموازنة رواتب المعلمين أيضاً، فهذا أمر مهم للجميع.",
                key);
    }

    static NewComment sorani(ArticleId article, String key) {
        return comment(
                article,
                LanguageTag.SORANI,
                "کاروان لە سلێمانی",
                "karwan.s@example.net",
                "زۆر سوپاس بۆ ئەم ڕاپۆرتە. کتێبخانەکە پێویستی بە کتێبی کوردیی زیاترە.",
                key);
    }

    static NewComment turkish(ArticleId article, String key) {
        return comment(
                article,
                LanguageTag.TURKISH,
                "İlkay Işık",
                "ILKAY.ISIK@Example.com.tr",
                "İzmir'deki ılık hava haberini okudum; ağaçlandırma çalışmaları da anlatılsaydı iyi olurdu.",
                key);
    }

    static NewComment comment(
            ArticleId article, LanguageTag language, String name, @Nullable String email, String text, String key) {
        return new NewComment(
                article,
                language,
                new DisplayName(name),
                email == null ? null : new EmailAddress(email),
                new CommentText(text),
                new ClientFingerprint("test-client:" + key),
                new IdempotencyKey(key));
    }

    /** A draft article, filed by a reporter whatever the test's own user is. */
    static ArticleId article(ArticleService articles, String headline) {
        return asReporter(() -> articles.createDraft(new ArticleContent(
                        LanguageTag.ENGLISH,
                        "culture",
                        headline,
                        "",
                        "Erbil's central library now opens until midnight.",
                        List.of(new Byline("Selin Kaya", "Staff reporter")),
                        new Dateline("ERBIL", "Kurdistan Region", "IQ", LocalDate.of(2026, 11, 25))))
                .id());
    }

    private static <T> T asReporter(Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext reporter = SecurityContextHolder.createEmptyContext();
        reporter.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "selin", "n/a", AuthorityUtils.createAuthorityList("ROLE_REPORTER")));
        SecurityContextHolder.setContext(reporter);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
