package news.cms.core.comment;

import static news.cms.core.comment.CommentMother.arabic;
import static news.cms.core.comment.CommentMother.article;
import static news.cms.core.comment.CommentMother.sorani;
import static news.cms.core.comment.CommentMother.turkish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The database itself keeps comments unedited and decisions final, whoever sends the SQL: these
 * statements bypass cms-core's code on purpose.
 */
@CmsIntegrationTest
@WithMockUser(username = "karwan", roles = "MODERATOR")
class CommentImmutabilityIT {

    @Autowired
    CommentService comments;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTextCannotBeUpdated() {
        Comment stored = comments.submit(sorani(article(articles, "Library hours"), "ckb-1"));

        assertThatThrownBy(() -> jdbc.sql("update comment set text = ? where id = ?")
                        .params("دەستکاریکراو", stored.id().value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("comment " + stored.id() + " is immutable");

        assertThat(comments.find(stored.id())).contains(stored);
    }

    @Test
    void theTextDigestThatRepeatChecksUseCannotBeUpdatedEither() {
        Comment stored = comments.submit(arabic(article(articles, "Library hours"), "ar-digest"));

        assertThatThrownBy(() -> jdbc.sql("update comment set text_digest = ? where id = ?")
                        .params("0".repeat(64), stored.id().value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("is immutable");
        assertThat(jdbc.sql("select text_digest from comment where id = ?")
                        .param(stored.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo(TextDigest.of(stored.text()).value());
    }

    @Test
    void neitherAuthorNorArticleNorEmailCanBeUpdatedEvenAfterTheDecision() {
        ArticleId article = article(articles, "Mild weather in Izmir");
        ArticleId other = article(articles, "Another story");
        Comment pending = comments.submit(turkish(article, "tr-1"));
        Comment approved =
                comments.approve(comments.submit(turkish(article, "tr-2")).id());

        Map<String, Object> edits = Map.of(
                "display_name",
                "Başka Biri",
                "article_id",
                other.value(),
                "email_hash",
                "0".repeat(64),
                "language",
                "en");
        for (Comment c : new Comment[] {pending, approved}) {
            edits.forEach((column, value) -> assertThatThrownBy(
                            () -> jdbc.sql("update comment set " + column + " = ? where id = ?")
                                    .params(value, c.id().value())
                                    .update())
                    .as(column)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("is immutable"));
            assertThat(comments.find(c.id())).contains(c);
        }
    }

    @Test
    void aDecisionCannotBeUndoneOrChanged() {
        ArticleId article = article(articles, "Budget");
        Comment approved =
                comments.approve(comments.submit(sorani(article, "ckb-a")).id());
        Comment rejected =
                comments.reject(comments.submit(sorani(article, "ckb-r")).id(), RejectionReason.SPAM);

        assertThatThrownBy(() -> jdbc.sql("update comment set state = 'PENDING', decided_at = null, decided_by = null"
                                + " where id = ?")
                        .param(approved.id().value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("already decided (APPROVED)");
        assertThatThrownBy(() -> jdbc.sql("update comment set rejection_reason = 'off-topic' where id = ?")
                        .param(rejected.id().value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("already decided (REJECTED)");
        assertThatThrownBy(() -> jdbc.sql("update comment set state = 'APPROVED', rejection_reason = null where id = ?")
                        .param(rejected.id().value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(comments.find(approved.id())).contains(approved);
        assertThat(comments.find(rejected.id())).contains(rejected);
    }

    @Test
    void checkConstraintsRefuseARejectionWithoutReasonAndAReasonWithoutRejection() {
        ArticleId article = article(articles, "Checks");
        Comment pending = comments.submit(turkish(article, "tr-check"));

        assertThatThrownBy(() -> jdbc.sql("update comment set state = 'REJECTED', decided_at = now(), decided_by = 'x'"
                                + " where id = ?")
                        .param(pending.id().value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("comment_reason_when_rejected");
        assertThatThrownBy(() -> jdbc.sql("update comment set rejection_reason = 'spam' where id = ?")
                        .param(pending.id().value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update comment set state = 'APPROVED', decided_at = now(), decided_by = 'x',"
                                + " rejection_reason = 'rude' where id = ?")
                        .param(pending.id().value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(comments.find(pending.id())).contains(pending);
    }

    @Test
    void theScreeningResultMayBeWrittenLater() {
        Comment pending = comments.submit(turkish(article(articles, "Screening"), "tr-screen"));

        jdbc.sql("update comment set screening = cast(? as jsonb) where id = ?")
                .params("{\"flags\": []}", pending.id().value())
                .update();

        assertThat(comments.find(pending.id()).orElseThrow().screening()).isEqualTo("{\"flags\": []}");
    }
}
