package news.cms.core.comment;

import static news.cms.core.comment.CommentMother.arabic;
import static news.cms.core.comment.CommentMother.article;
import static news.cms.core.comment.CommentMother.sorani;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Retries of one submission never make a second comment, also when they arrive all at once. */
@CmsIntegrationTest
class CommentIdempotencyIT {

    static final int SUBMISSIONS = 20;

    @Autowired
    CommentService comments;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    ArticleId article;

    @BeforeEach
    void newArticle() {
        article = article(articles, "Budget debate in parliament");
    }

    @Test
    void twentyConcurrentSubmissionsWithOneKeyStoreOneComment() throws Exception {
        NewComment sent = sorani(article, "ckb-retry-7f3a");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Comment>> results = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(SUBMISSIONS);
        try {
            for (int i = 0; i < SUBMISSIONS; i++) {
                // each thread calls the service on its own, so each submission is its own transaction
                results.add(threads.submit(() -> {
                    start.await();
                    return comments.submit(sent);
                }));
            }
            start.countDown();
            List<Comment> returned = new ArrayList<>();
            for (Future<Comment> result : results) {
                returned.add(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(returned)
                    .extracting(Comment::id)
                    .containsOnly(returned.getFirst().id());
            assertThat(returned)
                    .extracting(Comment::receipt)
                    .containsOnly(returned.getFirst().receipt());
            assertThat(countFor(article)).isOne();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRetryWithTheSameCommentGetsTheFirstButAnotherCommentUnderTheKeyIsRefused() {
        Comment first = comments.submit(arabic(article, "ar-1"));
        Comment retry = comments.submit(arabic(article, "ar-1"));
        assertThat(retry).isEqualTo(first);

        NewComment other = CommentMother.english(article, "ar-1");
        NewComment sameClient = new NewComment(
                other.articleId(),
                other.language(),
                other.displayName(),
                other.email(),
                other.text(),
                arabic(article, "ar-1").clientFingerprint(),
                other.idempotencyKey());
        assertThatThrownBy(() -> comments.submit(sameClient)).isInstanceOf(IdempotencyKeyReused.class);
        assertThatThrownBy(() -> comments.findSubmission(sameClient)).isInstanceOf(IdempotencyKeyReused.class);
        assertThat(countFor(article)).isOne();
    }

    @Test
    void anotherClientsKeyIsAnotherComment() {
        NewComment mine = arabic(article, "shared-key");
        NewComment theirs = new NewComment(
                mine.articleId(),
                LanguageTag.TURKISH,
                new DisplayName("Deniz"),
                null,
                new CommentText("Aynı anahtar, başka bir okur."),
                new ClientFingerprint("another-client"),
                mine.idempotencyKey());

        Comment first = comments.submit(mine);
        assertThat(comments.findSubmission(theirs)).isEmpty();
        Comment second = comments.submit(theirs);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.text().value()).isEqualTo("Aynı anahtar, başka bir okur.");
        assertThat(countFor(article)).isEqualTo(2);
    }

    @Test
    void theKeyIsPerArticle() {
        ArticleId other = article(articles, "Another story");

        Comment here = comments.submit(arabic(article, "same-key"));
        Comment there = comments.submit(arabic(other, "same-key"));

        assertThat(here.id()).isNotEqualTo(there.id());
        assertThat(countFor(article) + countFor(other)).isEqualTo(2);
    }

    private long countFor(ArticleId id) {
        return jdbc.sql("select count(*) from comment where article_id = ?")
                .param(id.value())
                .query(Long.class)
                .single();
    }
}
