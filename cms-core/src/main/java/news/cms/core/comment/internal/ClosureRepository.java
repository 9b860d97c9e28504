package news.cms.core.comment.internal;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.comment.CommentClosure;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Closed comment threads in PostgreSQL. */
@Repository
public class ClosureRepository {

    private final JdbcClient jdbc;

    ClosureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommentClosure> find(ArticleId article) {
        return jdbc.sql("select article_id, closed_at, closed_by, note from comment_closure where article_id = ?")
                .param(article.value())
                .query((rs, n) -> new CommentClosure(
                        new ArticleId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    /** @return false when the thread was closed already */
    public boolean insertIfAbsent(CommentClosure c) {
        try {
            return jdbc.sql("insert into comment_closure (article_id, closed_at, closed_by, note) values (?, ?, ?, ?)"
                                    + " on conflict (article_id) do nothing")
                            .params(c.articleId().value(), Timestamp.from(c.closedAt()), c.closedBy(), c.note())
                            .update()
                    == 1;
        } catch (DataIntegrityViolationException e) {
            throw new ArticleNotFound(c.articleId());
        }
    }

    public boolean delete(ArticleId article) {
        return jdbc.sql("delete from comment_closure where article_id = ?")
                        .param(article.value())
                        .update()
                == 1;
    }
}
