package news.cms.core.comment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.audit.AuditLog;
import news.cms.core.comment.internal.ClosureRepository;
import news.cms.core.language.Texts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a story takes comments. Open unless an editor or a moderator closed them (a story that
 * draws a flood, a legal matter); closing keeps what was posted and stops new comments at intake.
 */
@Service
public class CommentThreads {

    public static final int MAX_NOTE = 500;

    private final ClosureRepository closures;
    private final AuditLog audit;
    private final Clock clock;

    CommentThreads(ClosureRepository closures, AuditLog audit, Clock clock) {
        this.closures = closures;
        this.audit = audit;
        this.clock = clock;
    }

    /** Open to everyone: the intake asks before it stores a comment. */
    @Transactional(readOnly = true)
    public Optional<CommentClosure> closure(ArticleId article) {
        return closures.find(article);
    }

    /**
     * Closes the story's comments; closing closed ones changes nothing.
     *
     * @param note why, for the newsroom (at most {@value #MAX_NOTE} characters; may be empty)
     * @throws ArticleNotFound when there is no such article
     */
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    @Transactional
    public CommentClosure close(ArticleId article, String note) {
        String cleaned = Texts.clean(note == null ? "" : note, "note").strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NOTE) {
            throw new IllegalArgumentException("a note has at most " + MAX_NOTE + " characters");
        }
        String actor = actor();
        CommentClosure closure = new CommentClosure(article, clock.instant(), actor, cleaned);
        if (closures.insertIfAbsent(closure)) {
            audit.record(actor, "comments.close", "article", article.toString(), Map.of("note", cleaned));
            return closure;
        }
        return closures.find(article).orElseThrow();
    }

    /** Opens the story's comments again; opening open ones changes nothing. */
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    @Transactional
    public void reopen(ArticleId article) {
        if (closures.delete(article)) {
            audit.record(actor(), "comments.reopen", "article", article.toString(), Map.of());
        }
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("no signed-in user");
        }
        return auth.getName();
    }
}
