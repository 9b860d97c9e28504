package news.cms.core.notice;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code table} changed in some JVM and the change is committed.
 *
 * @param table the table's name, or {@code *} when notices may have been missed (the listening
 *     connection was lost), so that anything cached may be stale
 * @param id the row's id, or null when the whole table changed (it was emptied)
 */
public record ChangeNotice(String table, @Nullable String id) {

    static final String ANY_TABLE = "*";

    /** Notices may have been lost: every cache should forget everything. */
    public static ChangeNotice everything() {
        return new ChangeNotice(ANY_TABLE, null);
    }

    /** Parses a payload of the {@code cms_change} channel: {@code <table>:<id>} or {@code <table>:*}. */
    public static ChangeNotice parse(String payload) {
        int colon = payload.indexOf(':');
        if (colon <= 0) {
            return everything();
        }
        String id = payload.substring(colon + 1);
        return new ChangeNotice(payload.substring(0, colon), id.isEmpty() || id.equals("*") ? null : id);
    }

    /** Whether every cached row of the table may be stale now. */
    public boolean affectsAll(String table) {
        return this.table.equals(ANY_TABLE) || (this.table.equals(table) && id == null);
    }
}
