package news.cms.core.comment;

import java.util.List;
import java.util.Optional;
import news.cms.core.comment.internal.QueueRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' view of all comments: pending, approved or rejected, filtered and searched, counted
 * and read a slice at a time, so that a queue of any length can be scrolled through.
 */
@Service
public class CommentQueue {

    /** The most comments one read returns. */
    public static final int MAX_SLICE = 200;

    private final QueueRepository queue;

    CommentQueue(QueueRepository queue) {
        this.queue = queue;
    }

    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public int count(QueueQuery query) {
        return queue.count(query);
    }

    /**
     * The comments at positions {@code offset} to {@code offset + limit - 1} of the query's order.
     *
     * @throws IllegalArgumentException when offset is negative or limit is not 1 to {@value #MAX_SLICE}
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public List<Comment> slice(QueueQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_SLICE) {
            throw new IllegalArgumentException("a slice starts at 0 or later and holds 1 to " + MAX_SLICE);
        }
        return queue.slice(query, offset, limit);
    }

    /** The comment after {@code anchor} in the query's order (the anchor itself need not match). */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Optional<Comment> after(QueueQuery query, CommentId anchor) {
        return queue.neighbour(query, anchor, true);
    }

    /** The comment before {@code anchor} in the query's order (the anchor itself need not match). */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Optional<Comment> before(QueueQuery query, CommentId anchor) {
        return queue.neighbour(query, anchor, false);
    }

    /** The anchor's index in the query's order: how many of the query's comments come before it. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public int position(QueueQuery query, CommentId anchor) {
        return queue.position(query, anchor);
    }

    /** The sections of stories that have comments, for the queue's filter. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public List<String> sections() {
        return queue.sections();
    }
}
