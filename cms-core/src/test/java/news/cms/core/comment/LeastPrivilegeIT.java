package news.cms.core.comment;

import static news.cms.core.comment.CommentMother.arabic;
import static news.cms.core.comment.CommentMother.article;
import static news.cms.core.comment.CommentMother.english;
import static news.cms.core.comment.CommentMother.sorani;
import static news.cms.core.comment.CommentMother.turkish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.Map;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.DatabaseOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * ADR 0009 on the real database: the apps' role may change data only as the apps do; the owner may
 * not delete a comment or an audit event either, except through the retention purge, which is
 * audited. The statements bypass cms-core's code on purpose.
 */
@CmsIntegrationTest
@WithMockUser(username = "karwan", roles = "MODERATOR")
class LeastPrivilegeIT {

    @Autowired
    CommentService comments;

    @Autowired
    ArticleService articles;

    /** As the apps connect: the context's own pool. */
    @Autowired
    JdbcClient app;

    @Autowired
    Environment environment;

    JdbcClient owner;

    @BeforeEach
    void connectAsOwner() {
        owner = JdbcClient.create(DatabaseOwner.dataSource(environment));
    }

    @Test
    void theAppsRoleIsNeitherSuperuserNorOwner() {
        Map<String, Object> role = app.sql("select current_user as name, rolsuper, rolcreatedb, rolcreaterole,"
                        + " rolbypassrls from pg_roles where rolname = current_user")
                .query()
                .singleRow();
        assertThat(role)
                .containsEntry("name", "cms_app")
                .containsEntry("rolsuper", false)
                .containsEntry("rolcreatedb", false)
                .containsEntry("rolcreaterole", false)
                .containsEntry("rolbypassrls", false);
        assertThat(app.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theAppsRoleCannotDeleteACommentNorInsertItAgainWithOtherText() {
        Comment stored = comments.submit(arabic(article(articles, "Market prices"), "ar-delete"));

        assertThatThrownBy(() -> app.sql("delete from comment where id = ?")
                        .param(stored.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table comment");
        assertThat(textOf(stored)).isEqualTo(stored.text().value());
    }

    @Test
    void theAppsRoleCannotTruncateAlterOrSwitchTriggersOff() {
        comments.submit(turkish(article(articles, "Şehir haberleri"), "tr-truncate"));

        assertThatThrownBy(() -> app.sql("truncate comment cascade").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table comment");
        assertThatThrownBy(() -> app.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(
                        () -> app.sql("set session_replication_role = replica").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied to set parameter \"session_replication_role\"");
        assertThatThrownBy(() -> app.sql("alter table comment disable trigger comment_refuse_edits")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("must be owner of table comment");
        assertThatThrownBy(() ->
                        app.sql("drop trigger comment_refuse_delete on comment").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("must be owner of relation comment");
        assertThatThrownBy(() -> app.sql("create table comment_copy (id uuid)").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for schema public");
        assertThatThrownBy(() -> app.sql("create schema elsewhere").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for database");
        assertThatThrownBy(() ->
                        app.sql("update audit_event set actor = 'someone else'").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() ->
                        app.sql("select * from flyway_schema_history").query().listOfRows())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table flyway_schema_history");
        assertThatThrownBy(() ->
                        app.sql("select * from purge_retention(now())").query().listOfRows())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for function purge_retention");
        assertThat(app.sql("select count(*) from comment").query(Long.class).single())
                .isOne();
    }

    @Test
    void theOwnerCannotDeleteACommentOrAnAuditEventOutsideThePurge() {
        Comment stored = comments.submit(sorani(article(articles, "Library hours"), "ckb-owner"));

        assertThatThrownBy(() -> owner.sql("delete from comment where id = ?")
                        .param(stored.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("only the retention purge deletes comments");
        assertThatThrownBy(() -> owner.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_event is append-only: DELETE refused");
        assertThatThrownBy(() -> owner.sql("update audit_event set actor = 'someone else'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_event is append-only: UPDATE refused");
        // The flag the purge sets means nothing outside it: the app's role still has no DELETE.
        assertThatThrownBy(() -> app.sql("select set_config('cms.retention_purge', 'on', false);"
                                + " delete from comment where id = ?")
                        .param(stored.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(textOf(stored)).isEqualTo(stored.text().value());
    }

    @Test
    void theOwnersRetentionPurgeDeletesOldCommentsAndAuditEventsAndIsAudited() {
        ArticleId story = article(articles, "Flood warnings");
        Comment old = comments.submit(english(story, "en-old"));
        Timestamp cutoff =
                owner.sql("select clock_timestamp()").query(Timestamp.class).single();
        Comment recent = comments.submit(turkish(story, "tr-recent"));
        long auditBefore = owner.sql("select count(*) from audit_event where at < ?")
                .param(cutoff)
                .query(Long.class)
                .single();
        assertThat(auditBefore).isPositive(); // at least the article's creation
        // Other tests of this class may have left comments of their own, all older than the cut-off.
        long commentsBefore = owner.sql("select count(*) from comment where created_at < ?")
                .param(cutoff)
                .query(Long.class)
                .single();
        assertThat(commentsBefore).isPositive();

        Map<String, Object> purged = owner.sql("select * from purge_retention(?)")
                .param(cutoff)
                .query()
                .singleRow();

        assertThat(purged).containsEntry("comments", commentsBefore).containsEntry("audit_events", auditBefore);
        assertThat(owner.sql("select id from comment")
                        .query(java.util.UUID.class)
                        .list())
                .containsExactly(recent.id().value())
                .doesNotContain(old.id().value());
        assertThat(owner.sql("select count(*) from audit_event where at < ?")
                        .param(cutoff)
                        .query(Long.class)
                        .single())
                .isZero();
        Map<String, Object> audited = owner.sql(
                        "select actor, target_type, details from audit_event where action = 'retention.purge'")
                .query()
                .singleRow();
        assertThat(audited).containsEntry("actor", "cms_owner").containsEntry("target_type", "retention");
        assertThat(audited.get("details").toString())
                .contains("\"comments\": \"" + commentsBefore + "\"")
                .contains("\"auditEvents\": \"" + auditBefore + "\"");
        // The cut-off may not lie ahead: a purge of everything by mistake is refused.
        assertThatThrownBy(() -> owner.sql("select * from purge_retention(now() + interval '1 day')")
                        .query()
                        .listOfRows())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("needs a cut-off in the past");
    }

    private String textOf(Comment comment) {
        return owner.sql("select text from comment where id = ?")
                .param(comment.id().value())
                .query(String.class)
                .single();
    }
}
