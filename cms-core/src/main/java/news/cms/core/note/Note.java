package news.cms.core.note;

import java.time.Instant;
import java.util.List;
import news.cms.core.article.ArticleId;
import news.cms.core.language.TextDirection;
import org.jspecify.annotations.Nullable;

/**
 * One note of a story's thread, as it reads against the story's current body.
 *
 * @param anchor the passage as it was when the note was written; null for a note on the whole story
 * @param placement where the note sits now
 * @param paragraph the body paragraph holding the quote now; null unless {@code placement} is PASSAGE
 * @param mentions the users and desks the note names, in the order they appear
 */
public record Note(
        NoteId id,
        ArticleId articleId,
        String author,
        String text,
        @Nullable Anchor anchor,
        Instant createdAt,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy,
        List<Mention> mentions,
        Placement placement,
        @Nullable Integer paragraph) {

    public Note {
        mentions = List.copyOf(mentions);
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** The text's own direction, from its script (names and mentions in Latin letters aside). */
    public TextDirection direction() {
        return Passages.direction(text);
    }
}
