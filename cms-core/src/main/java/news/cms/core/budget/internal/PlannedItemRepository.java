package news.cms.core.budget.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.budget.Assignee;
import news.cms.core.budget.Plan;
import news.cms.core.budget.PlanState;
import news.cms.core.budget.PlannedItem;
import news.cms.core.budget.PlannedItemId;
import news.cms.core.language.LanguageTag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Planned items in PostgreSQL, with plain SQL. */
@Repository
public class PlannedItemRepository {

    private static final String COLUMNS = "id, slug, section, assignee, due_at, planned_words, languages, notes,"
            + " state, article_id, created_by, created_at, updated_at, version";

    private final JdbcClient jdbc;

    PlannedItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PlannedItem item) {
        Plan p = item.plan();
        jdbc.sql("insert into planned_item (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        item.id().value(),
                        p.slug(),
                        p.section(),
                        p.assignee(),
                        Timestamp.from(p.due()),
                        p.plannedWords(),
                        languages(p),
                        p.notes(),
                        item.state().name(),
                        item.articleId() == null ? null : item.articleId().value(),
                        item.createdBy(),
                        Timestamp.from(item.createdAt()),
                        Timestamp.from(item.updatedAt()),
                        item.version())
                .update();
    }

    /**
     * Stores the item's new plan, state and draft if it is still at {@code expectedVersion}.
     *
     * @return false when someone changed it first
     */
    public boolean update(PlannedItem item, long expectedVersion) {
        Plan p = item.plan();
        return jdbc.sql("update planned_item set slug = ?, section = ?, assignee = ?, due_at = ?, planned_words = ?,"
                                + " languages = ?, notes = ?, state = ?, article_id = ?, updated_at = ?, version = ?"
                                + " where id = ? and version = ?")
                        .params(
                                p.slug(),
                                p.section(),
                                p.assignee(),
                                Timestamp.from(p.due()),
                                p.plannedWords(),
                                languages(p),
                                p.notes(),
                                item.state().name(),
                                item.articleId() == null
                                        ? null
                                        : item.articleId().value(),
                                Timestamp.from(item.updatedAt()),
                                item.version(),
                                item.id().value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    public Optional<PlannedItem> find(PlannedItemId id) {
        return jdbc.sql("select " + COLUMNS + " from planned_item where id = ?")
                .param(id.value())
                .query(PlannedItemRepository::row)
                .optional();
    }

    /** The item, locked until the transaction ends: two starts of one item run one after the other. */
    public Optional<PlannedItem> findForUpdate(PlannedItemId id) {
        return jdbc.sql("select " + COLUMNS + " from planned_item where id = ? for update")
                .param(id.value())
                .query(PlannedItemRepository::row)
                .optional();
    }

    /** Items due at or after {@code from} and before {@code to}, earliest first. */
    public List<PlannedItem> due(Instant from, Instant to, int limit) {
        return jdbc.sql("select " + COLUMNS + " from planned_item where due_at >= ? and due_at < ?"
                        + " order by due_at, slug, id limit ?")
                .params(Timestamp.from(from), Timestamp.from(to), limit)
                .query(PlannedItemRepository::row)
                .list();
    }

    /** The user's planned and started items, earliest due first. */
    public List<PlannedItem> assignedTo(String username, int limit) {
        return jdbc.sql("select " + COLUMNS + " from planned_item where assignee = ? and state <> 'CANCELLED'"
                        + " order by due_at, slug, id limit ?")
                .params(username, limit)
                .query(PlannedItemRepository::row)
                .list();
    }

    /** The enabled accounts that write stories (reporters and editors), by name. */
    public List<Assignee> assignees() {
        return jdbc.sql("select username, display_name from user_account where enabled"
                        + " and roles && array['REPORTER', 'EDITOR']::text[] order by display_name, username")
                .query((rs, i) -> new Assignee(rs.getString("username"), rs.getString("display_name")))
                .list();
    }

    public Optional<Assignee> assignee(String username) {
        return jdbc.sql("select username, display_name from user_account where username = ? and enabled"
                        + " and roles && array['REPORTER', 'EDITOR']::text[]")
                .param(username)
                .query((rs, i) -> new Assignee(rs.getString("username"), rs.getString("display_name")))
                .optional();
    }

    private static String[] languages(Plan p) {
        return p.languages().stream().map(LanguageTag::value).toArray(String[]::new);
    }

    private static PlannedItem row(ResultSet rs, int i) throws SQLException {
        Array langs = rs.getArray("languages");
        List<LanguageTag> languages =
                Arrays.stream((String[]) langs.getArray()).map(LanguageTag::of).toList();
        UUID article = rs.getObject("article_id", UUID.class);
        return new PlannedItem(
                new PlannedItemId(rs.getObject("id", UUID.class)),
                new Plan(
                        rs.getString("slug"),
                        rs.getString("section"),
                        rs.getString("assignee"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getInt("planned_words"),
                        languages,
                        rs.getString("notes")),
                PlanState.valueOf(rs.getString("state")),
                article == null ? null : new ArticleId(article),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
