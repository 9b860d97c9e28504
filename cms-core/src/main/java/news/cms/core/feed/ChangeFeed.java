package news.cms.core.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.cms.core.feed.internal.FeedRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the change feed in commit order; open to everyone, it holds only public changes. */
@Service
public class ChangeFeed {

    public static final int MAX_PAGE = 1_000;

    private final FeedRepository entries;

    ChangeFeed(FeedRepository entries) {
        this.entries = entries;
    }

    /** Up to {@code limit} entries after {@code sequence} (0 for the start), oldest first. */
    @Transactional(readOnly = true)
    public List<FeedEntry> after(long sequence, int limit) {
        if (sequence < 0) {
            throw new IllegalArgumentException("a feed position is never negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a feed page holds 1 to " + MAX_PAGE + " entries");
        }
        return entries.after(sequence, limit);
    }

    /**
     * As {@link #after(long, int)}, only entries of stories in one of {@code languages} (primary
     * language subtags such as {@code ar}; every language when empty) and in {@code section} (every
     * section when null). A filtered reader's position is still a sequence, so it skips and repeats
     * nothing of what it asked for.
     */
    @Transactional(readOnly = true)
    public List<FeedEntry> after(long sequence, int limit, List<String> languages, @Nullable String section) {
        if (sequence < 0) {
            throw new IllegalArgumentException("a feed position is never negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a feed page holds 1 to " + MAX_PAGE + " entries");
        }
        return entries.after(sequence, limit, List.copyOf(languages), section);
    }

    /** The position after every entry committed now: a reader starting there gets only what follows. */
    @Transactional(readOnly = true)
    public long head() {
        return entries.lastSequence();
    }

    /**
     * The position before the first entry made at or after {@code time}. Entry times follow
     * sequence order (each is taken under the counter's lock), so nothing at or after it is skipped.
     */
    @Transactional(readOnly = true)
    public long positionBefore(Instant time) {
        return entries.lastSequenceBefore(time);
    }

    /**
     * The kills made at or after {@code since}, newest first, of stories in one of {@code languages}
     * (primary subtags; all when empty): what an Atom feed marks as deleted entries (RFC 6721).
     */
    @Transactional(readOnly = true)
    public List<FeedEntry> killedSince(Instant since, List<String> languages, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a feed page holds 1 to " + MAX_PAGE + " entries");
        }
        return entries.killedSince(since, List.copyOf(languages), limit);
    }

    /**
     * When the newest entry was made, if there is one: a story arriving, leaving or changing on any
     * public surface made one.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> latestChangeAt() {
        return entries.latestAt();
    }
}
