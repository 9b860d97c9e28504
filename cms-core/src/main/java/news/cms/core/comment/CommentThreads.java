package news.cms.core.comment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import news.cms.core.account.CurrentUser;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.audit.AuditLog;
import news.cms.core.comment.internal.ClosureRepository;
import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a story takes comments. Open unless an editor or a moderator closed them (a story that
 * draws a flood, a legal matter); closing keeps what was posted and stops new comments at intake.
 */
@Service
public class CommentThreads {

    public static final int MAX_NOTE = 500;
    private static final int MAX_KNOWN = 50_000;

    private final ClosureRepository closures;
    private final AuditLog audit;
    private final Clock clock;
    /** The trigger on comment_closure notifies per statement: any notice empties it all. */
    private final NoticedCache<ArticleId, Optional<CommentClosure>> known =
            NoticedCache.<ArticleId, Optional<CommentClosure>>watching("comment_closure")
                    .maxEntries(MAX_KNOWN)
                    .build();

    CommentThreads(ClosureRepository closures, AuditLog audit, Clock clock) {
        this.closures = closures;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Open to everyone: the intake asks before it stores a comment. Answered from memory after the
     * first look; a change in any app empties the memory (on commit here, by a change notice in the
     * others), so the intake does no database work for it.
     */
    public Optional<CommentClosure> closure(ArticleId article) {
        return known.get(article, closures::find);
    }

    @EventListener
    void on(ChangeNotice notice) {
        known.on(notice);
    }

    /** Forgets every story's state now and again once the caller's transaction has ended. */
    private void forgetAfterCommit() {
        NoticedCache.nowAndAfterTransaction(known::clear);
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
            throw new InvalidText(
                    "a note has at most " + MAX_NOTE + " characters",
                    "note",
                    InvalidText.Problem.TOO_LONG,
                    MAX_NOTE,
                    null);
        }
        String actor = actor();
        CommentClosure closure = new CommentClosure(article, clock.instant(), actor, cleaned);
        if (closures.insertIfAbsent(closure)) {
            forgetAfterCommit();
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
            forgetAfterCommit();
            audit.record(actor(), "comments.reopen", "article", article.toString(), Map.of());
        }
    }

    private static String actor() {
        return CurrentUser.get().name();
    }
}
