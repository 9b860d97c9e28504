package news.cms.core.comment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One keyset page of comments, oldest first.
 *
 * @param next where the following page starts; null on the last page
 */
public record CommentPage(List<Comment> comments, @Nullable CommentCursor next) {

    public static final int MAX_LIMIT = 200;

    public CommentPage {
        comments = List.copyOf(comments);
    }
}
