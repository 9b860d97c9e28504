package news.cms.core.note;

import java.time.Instant;
import java.util.Set;
import news.cms.core.article.ArticleId;

/**
 * A domain event: a note was added to a story's thread.
 *
 * @param mentioned the accounts the note's mentions reach (desks resolved to their members when
 *     the note was written), the author left out
 */
public record NoteAdded(NoteId noteId, ArticleId articleId, String author, Set<String> mentioned, Instant at) {

    public NoteAdded {
        mentioned = Set.copyOf(mentioned);
    }
}
