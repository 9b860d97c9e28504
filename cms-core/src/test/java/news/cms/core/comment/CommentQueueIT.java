package news.cms.core.comment;

import static news.cms.core.comment.CommentMother.arabic;
import static news.cms.core.comment.CommentMother.article;
import static news.cms.core.comment.CommentMother.comment;
import static news.cms.core.comment.CommentMother.english;
import static news.cms.core.comment.CommentMother.sorani;
import static news.cms.core.comment.CommentMother.turkish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.DatabaseOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** The moderators' queue reads on real PostgreSQL: counts, slices, filters, search and neighbours. */
@CmsIntegrationTest
@WithMockUser(username = "karwan", roles = "MODERATOR")
class CommentQueueIT {

    private static final String THREAT = """
            {"risk": 60, "suggestedReason": "THREATS", "evidence": [
              {"category": "THREATS", "rule": "test", "matched": "x", "start": 0, "end": 1}]}""";
    private static final String SPAM = """
            {"risk": 40, "suggestedReason": "SPAM", "evidence": [
              {"category": "SPAM", "rule": "test", "matched": "x", "start": 0, "end": 1}]}""";

    @Autowired
    CommentService comments;

    @Autowired
    CommentQueue queue;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    ArticleId article;

    // The tests count whole queues: each starts with none (the class's tables are emptied only once).
    @BeforeEach
    void noCommentsAndANewArticle() {
        // As the owner, and by truncation: the app's role may not delete comments (ADR 0009).
        new JdbcTemplate(DatabaseOwner.dataSource(environment)).execute("truncate comment cascade");
        article = article(articles, "Erbil library opens until midnight");
    }

    @Test
    void aQueueLongerThanOneSliceIsCountedAndReadWholeWithoutGapsOrRepeats() {
        List<CommentId> sent = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            sent.add(comments.submit(turkish(article, "many-" + i)).id());
        }
        QueueQuery pending = QueueQuery.pending();

        assertThat(queue.count(pending)).isEqualTo(230);
        List<CommentId> read = new ArrayList<>();
        queue.slice(pending, 0, CommentQueue.MAX_SLICE).forEach(c -> read.add(c.id()));
        queue.slice(pending, 200, CommentQueue.MAX_SLICE).forEach(c -> read.add(c.id()));
        assertThat(read).containsExactlyElementsOf(sent);
        assertThat(queue.slice(pending.withOrder(QueueQuery.Order.NEWEST), 0, 1))
                .extracting(Comment::id)
                .containsExactly(sent.getLast());
        assertThatThrownBy(() -> queue.slice(pending, 0, CommentQueue.MAX_SLICE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.slice(pending, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filtersByStoryLanguageCategoryAndSearchAndCountsAgreeWithSlices() {
        ArticleId other = article(articles, "Van lake shrinks again");
        Comment en = comments.submit(english(article, "f-en"));
        Comment ar = comments.submit(arabic(article, "f-ar"), THREAT).comment();
        Comment ckb = comments.submit(sorani(other, "f-ckb"), SPAM).comment();
        Comment tr = comments.submit(turkish(other, "f-tr"));
        Comment percent = comments.submit(
                comment(other, LanguageTag.ENGLISH, "Aram", null, "Prices rose 100% in Van_city this year", "f-pct"));
        QueueQuery all = QueueQuery.pending();

        assertThat(ids(all.withArticle(article))).containsExactly(en.id(), ar.id());
        assertThat(ids(all.withLanguage(LanguageTag.SORANI))).containsExactly(ckb.id());
        assertThat(ids(all.withCategory(RejectionReason.THREATS))).containsExactly(ar.id());
        assertThat(ids(all.withCategory(RejectionReason.SPAM).withArticle(other)))
                .containsExactly(ckb.id());
        // Search ignores case and takes % and _ literally.
        assertThat(ids(all.withSearch("LIBRARY'S"))).containsExactly(en.id());
        assertThat(ids(all.withSearch("الموازنة"))).containsExactly(ar.id());
        assertThat(ids(all.withSearch("ilkay"))).containsExactly(tr.id());
        assertThat(ids(all.withSearch("100%"))).containsExactly(percent.id());
        assertThat(ids(all.withSearch("n_c"))).containsExactly(percent.id());
        assertThat(ids(all.withSearch("0%i"))).isEmpty();
        assertThat(ids(all.withSection("culture"))).hasSize(5);
        assertThat(ids(all.withSection("sport"))).isEmpty();
        assertThat(queue.sections()).containsExactly("culture");
        assertThat(queue.count(all.withArticle(other).withLanguage(LanguageTag.TURKISH)))
                .isEqualTo(1);
        assertThat(ids(all.withOrder(QueueQuery.Order.RISKIEST)).subList(0, 2)).containsExactly(ar.id(), ckb.id());
    }

    @Test
    void decidedQueuesComeNewestDecisionFirstAndTheCategoryAlsoFindsRejections() {
        Comment first = comments.submit(english(article, "d-1"));
        Comment second = comments.submit(arabic(article, "d-2"));
        Comment third = comments.submit(sorani(article, "d-3"));
        comments.approve(first.id());
        comments.approve(third.id());
        comments.reject(second.id(), RejectionReason.OFF_TOPIC);
        QueueQuery approved = QueueQuery.pending().withState(CommentState.APPROVED);

        assertThat(ids(approved)).containsExactly(third.id(), first.id());
        assertThat(queue.count(QueueQuery.pending())).isZero();
        assertThat(ids(QueueQuery.pending().withState(CommentState.REJECTED).withCategory(RejectionReason.OFF_TOPIC)))
                .containsExactly(second.id());
        assertThat(queue.after(approved, third.id())).map(Comment::id).contains(first.id());
        assertThat(queue.before(approved, first.id())).map(Comment::id).contains(third.id());
    }

    @Test
    void theNeighboursOfALeftOutCommentAreTheOnesAroundWhereItWas() {
        Comment a = comments.submit(english(article, "n-1"));
        Comment b = comments.submit(arabic(article, "n-2"));
        Comment c = comments.submit(sorani(article, "n-3"));
        QueueQuery withoutB = QueueQuery.pending().excluding(Set.of(b.id()));

        assertThat(ids(withoutB)).containsExactly(a.id(), c.id());
        assertThat(queue.count(withoutB)).isEqualTo(2);
        assertThat(queue.after(withoutB, b.id())).map(Comment::id).contains(c.id());
        assertThat(queue.before(withoutB, b.id())).map(Comment::id).contains(a.id());
        assertThat(queue.after(withoutB, c.id())).isEmpty();
        assertThat(queue.position(withoutB, c.id())).isEqualTo(1);
        QueueQuery newest = QueueQuery.pending().withOrder(QueueQuery.Order.NEWEST);
        assertThat(queue.after(newest, c.id())).map(Comment::id).contains(b.id());
        assertThat(queue.position(newest, a.id())).isEqualTo(2);
    }

    @Test
    @WithMockUser(username = "rezan", roles = "REPORTER")
    void onlyModeratorsReadTheQueue() {
        assertThatThrownBy(() -> queue.count(QueueQuery.pending())).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queue.slice(QueueQuery.pending(), 0, 10))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void anOverLongSearchIsRefusedBeforeAnyQuery() {
        assertThatThrownBy(() -> QueueQuery.pending().withSearch("ب".repeat(QueueQuery.MAX_SEARCH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<CommentId> ids(QueueQuery q) {
        List<CommentId> ids = queue.slice(q, 0, CommentQueue.MAX_SLICE).stream()
                .map(Comment::id)
                .toList();
        assertThat(queue.count(q)).as("count agrees with the slice").isEqualTo(ids.size());
        return ids;
    }
}
