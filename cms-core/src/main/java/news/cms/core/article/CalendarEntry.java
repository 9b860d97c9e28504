package news.cms.core.article;

import java.time.Instant;

/**
 * A moment on the desk's calendar: a scheduled story goes live, or an embargo on a story lifts.
 * A story both scheduled and embargoed appears twice.
 */
public record CalendarEntry(Kind kind, Instant at, Article article) {

    public enum Kind {
        EMBARGO_LIFTS,
        GOES_LIVE
    }

    /** Where the next page starts after this entry. */
    public CalendarQuery.Cursor cursor() {
        return new CalendarQuery.Cursor(at, kind, article.id());
    }
}
