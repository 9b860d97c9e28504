package news.cms.core.comment;

import static news.cms.core.comment.CommentMother.arabic;
import static news.cms.core.comment.CommentMother.article;
import static news.cms.core.comment.CommentMother.english;
import static news.cms.core.comment.CommentMother.sorani;
import static news.cms.core.comment.CommentMother.turkish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.internal.EmailHasher;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Comments on real PostgreSQL: the state machine, role checks, events through the outbox and keyset
 * paging. A settable clock gives comments chosen creation times.
 */
@CmsIntegrationTest
@RecordApplicationEvents
@WithMockUser(username = "karwan", roles = "MODERATOR")
class CommentServiceIT {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @Autowired
    CommentService comments;

    @Autowired
    ArticleService articles;

    @Autowired
    EmailHasher emails;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettableClock clock;

    @Autowired
    ReceivedEvents received;

    @Autowired
    ApplicationEvents events;

    ArticleId article;

    @BeforeEach
    void newArticle() {
        clock.set(NOW);
        article = article(articles, "Erbil library opens until midnight");
    }

    @Test
    void everyDecisionIsAnAuditEventAndScreeningIsStoredWithTheComment() {
        String screening = "{\"risk\": 35, \"evidence\": [], \"suggestedReason\": null}";
        Submission first = comments.submit(arabic(article, "audit-1"), screening);
        Submission again = comments.submit(arabic(article, "audit-1"), null);
        Comment other = comments.submit(sorani(article, "audit-2"));
        assertThat(first.isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.comment().id()).isEqualTo(first.comment().id());
        assertThat(first.comment().screening()).isEqualTo(screening);
        assertThat(comments.find(first.comment().id()).orElseThrow().screening())
                .contains("\"risk\": 35");
        assertThat(comments.pendingByRisk(10))
                .first()
                .extracting(Comment::id)
                .isEqualTo(first.comment().id());

        comments.reject(first.comment().id(), RejectionReason.ABUSE, AbuseKind.XENOPHOBIA);
        comments.approve(other.id());

        List<String> audited = jdbc.sql("""
                        select actor || ' ' || action || ' ' || coalesce(details ->> 'reason', '-') || ' '
                            || coalesce(details ->> 'abuseKind', '-')
                        from audit_event where target_type = 'comment' and target_id in (?, ?) order by id""")
                .params(first.comment().id().toString(), other.id().toString())
                .query(String.class)
                .list();
        assertThat(audited).containsExactly("karwan comment.reject abuse xenophobia", "karwan comment.approve - -");
    }

    @Test
    void commentsInEveryScriptAreStoredPendingAndReadBackUnchanged() {
        for (NewComment sent : List.of(
                english(article, "en-1"),
                arabic(article, "ar-1"),
                sorani(article, "ckb-1"),
                turkish(article, "tr-1"))) {
            Comment stored = comments.submit(sent);

            assertThat(stored.state()).isEqualTo(CommentState.PENDING);
            assertThat(stored.text()).isEqualTo(sent.text());
            assertThat(stored.displayName()).isEqualTo(sent.displayName());
            assertThat(stored.language()).isEqualTo(sent.language());
            assertThat(stored.createdAt()).isEqualTo(NOW);
            assertThat(comments.find(stored.id())).contains(stored);
        }
        assertThat(decisionEvents()).isEmpty();
    }

    @Test
    void theEmailIsKeptOnlyAsItsHash() {
        Comment stored = comments.submit(turkish(article, "tr-email"));

        assertThat(stored.emailHash()).isEqualTo(emails.hash(new EmailAddress("ilkay.isik@example.com.tr")));
        assertThat(comments.submit(arabic(article, "ar-no-email")).emailHash()).isNull();
        // no column of any row holds the address or a part of it
        assertThat(jdbc.sql("select count(*) from comment c where c::text ilike '%example%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aCommentOnAnArticleThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> comments.submit(english(ArticleId.random(), "nowhere")))
                .isInstanceOf(ArticleNotFound.class);
    }

    @Test
    void aModeratorApprovesAPendingCommentOnceAndOneEventGoesThroughTheOutbox() {
        Comment pending = comments.submit(sorani(article, "ckb-approve"));
        clock.set(NOW.plusSeconds(60));

        Comment approved = comments.approve(pending.id());

        assertThat(approved.state()).isEqualTo(CommentState.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("karwan");
        assertThat(approved.decidedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(comments.find(pending.id())).contains(approved);

        var expected = new CommentApproved(pending.id(), article, "karwan", NOW.plusSeconds(60));
        assertThat(events.stream(CommentApproved.class)).containsExactly(expected);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.all().contains(expected));
        assertThat(jdbc.sql("select count(*) from event_publication where event_type = ? and serialized_event like ?")
                        .params(CommentApproved.class.getName(), "%" + pending.id() + "%")
                        .query(Long.class)
                        .single())
                .isOne();

        assertThatThrownBy(() -> comments.approve(pending.id()))
                .isInstanceOf(CommentAlreadyDecided.class)
                .hasMessageContaining("APPROVED");
        assertThatThrownBy(() -> comments.reject(pending.id(), RejectionReason.SPAM))
                .isInstanceOf(CommentAlreadyDecided.class);
        assertThat(comments.find(pending.id())).contains(approved);
        assertThat(decisionEvents()).hasSize(1);
    }

    @Test
    void aModeratorRejectsWithAGuidelineReasonAndTheCommenterSeesIt() {
        Comment pending = comments.submit(arabic(article, "ar-reject"));

        Comment rejected = comments.reject(pending.id(), RejectionReason.PERSONAL_ATTACKS);

        assertThat(rejected.state()).isEqualTo(CommentState.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.PERSONAL_ATTACKS);
        assertThat(comments.findByReceipt(pending.receipt()))
                .get()
                .extracting(Comment::state, Comment::rejectionReason)
                .containsExactly(CommentState.REJECTED, RejectionReason.PERSONAL_ATTACKS);
        assertThat(events.stream(CommentRejected.class))
                .containsExactly(new CommentRejected(
                        pending.id(), article, RejectionReason.PERSONAL_ATTACKS, null, "karwan", NOW));

        assertThatThrownBy(() -> comments.approve(pending.id()))
                .isInstanceOf(CommentAlreadyDecided.class)
                .hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> comments.reject(pending.id(), RejectionReason.SPAM))
                .isInstanceOf(CommentAlreadyDecided.class);
        assertThat(comments.find(pending.id())).contains(rejected);
    }

    @Test
    void anAbuseRejectionMayNameTheKindOfAbuse() {
        Comment pending = comments.submit(english(article, "en-abuse"));

        Comment rejected = comments.reject(pending.id(), RejectionReason.ABUSE, AbuseKind.XENOPHOBIA);

        assertThat(comments.find(pending.id()).orElseThrow().abuseKind()).isEqualTo(AbuseKind.XENOPHOBIA);
        assertThat(rejected.abuseKind()).isEqualTo(AbuseKind.XENOPHOBIA);
        Comment other = comments.submit(english(article, "en-spam"));
        assertThatThrownBy(() -> comments.reject(other.id(), RejectionReason.SPAM, AbuseKind.RACISM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRejectionWithoutReasonIsRefusedAndChangesNothing() {
        Comment pending = comments.submit(turkish(article, "tr-no-reason"));

        assertThatThrownBy(() -> comments.reject(pending.id(), null)).isInstanceOf(RejectionReasonRequired.class);

        assertThat(comments.find(pending.id())).contains(pending);
        assertThat(decisionEvents()).isEmpty();
    }

    @Test
    void decidingACommentThatDoesNotExistIsCommentNotFound() {
        assertThatThrownBy(() -> comments.approve(CommentId.random())).isInstanceOf(CommentNotFound.class);
        assertThatThrownBy(() -> comments.reject(CommentId.random(), RejectionReason.SPAM))
                .isInstanceOf(CommentNotFound.class);
    }

    @Test
    @WithMockUser(username = "rezan", roles = "REPORTER")
    void aReporterCannotDecideNorReadTheQueue() {
        Comment pending = comments.submit(english(article, "en-reporter"));

        assertThatThrownBy(() -> comments.approve(pending.id())).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> comments.reject(pending.id(), RejectionReason.SPAM))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> comments.pending(null, 10)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> comments.find(pending.id())).isInstanceOf(AuthorizationDeniedException.class);
        // the commenter's own receipt and the public list need no role
        assertThat(comments.findByReceipt(pending.receipt()))
                .get()
                .extracting(Comment::state)
                .isEqualTo(CommentState.PENDING);
        assertThat(comments.approvedFor(article, null, 10).comments()).isEmpty();
        assertThat(decisionEvents()).isEmpty();
    }

    @Test
    @WithMockUser(username = "layla", roles = "EDITOR")
    void anEditorIsNoModerator() {
        Comment pending = comments.submit(english(article, "en-editor"));

        assertThatThrownBy(() -> comments.approve(pending.id())).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void theQueueIsPagedOldestFirstWithTiesBrokenById() {
        Instant early = Instant.parse("2020-01-01T00:00:00Z");
        List<Comment> mine = new ArrayList<>();
        // submitted out of time order, two of them in the same microsecond
        for (int second : new int[] {3, 1, 2, 0, 2}) {
            clock.set(early.plusSeconds(second));
            mine.add(comments.submit(english(article, "queue-" + mine.size())));
        }

        List<Comment> queue = new ArrayList<>();
        CommentCursor cursor = null;
        do {
            CommentPage page = comments.pending(cursor, 2);
            assertThat(page.comments()).hasSizeLessThanOrEqualTo(2);
            queue.addAll(page.comments());
            // clients keep only the opaque token between requests
            cursor =
                    page.next() == null ? null : CommentCursor.parse(page.next().token());
        } while (cursor != null);

        Comparator<Comment> oldestFirst =
                Comparator.comparing(Comment::createdAt).thenComparing(c -> c.id().toString());
        assertThat(queue).doesNotHaveDuplicates().isSortedAccordingTo(oldestFirst);
        assertThat(queue).allMatch(Comment::isPending);
        assertThat(queue.subList(0, mine.size()))
                .containsExactlyElementsOf(mine.stream().sorted(oldestFirst).toList());
    }

    @Test
    void readersGetAnArticlesApprovedCommentsInTheOrderTheyWereWritten() {
        ArticleId other = article(articles, "Another story");
        List<Comment> written = new ArrayList<>();
        List<NewComment> sent = List.of(
                english(article, "a"),
                arabic(article, "b"),
                sorani(article, "c"),
                turkish(article, "d"),
                english(article, "e"),
                arabic(article, "f"));
        for (NewComment c : sent) {
            clock.set(clock.instant().plusSeconds(1));
            written.add(comments.submit(c));
        }
        Comment onOther = comments.approve(comments.submit(english(other, "a")).id());
        // approved in another order than written; c is rejected and f stays pending
        for (int i : new int[] {4, 0, 3, 1}) {
            comments.approve(written.get(i).id());
        }
        comments.reject(written.get(2).id(), RejectionReason.OFF_TOPIC);

        CommentPage first = comments.approvedFor(article, null, 2);
        CommentPage second = comments.approvedFor(article, first.next(), 2);

        assertThat(first.comments()).extracting(Comment::id).containsExactly(id(written, 0), id(written, 1));
        assertThat(second.comments()).extracting(Comment::id).containsExactly(id(written, 3), id(written, 4));
        assertThat(second.next()).isNull();
        assertThat(comments.approvedFor(other, null, 50).comments())
                .extracting(Comment::id)
                .containsExactly(onOther.id());
        assertThatThrownBy(() -> comments.approvedFor(article, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> comments.approvedFor(article, null, CommentPage.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<Object> decisionEvents() {
        return Stream.<Object>concat(events.stream(CommentApproved.class), events.stream(CommentRejected.class))
                .toList();
    }

    private static CommentId id(List<Comment> list, int index) {
        return list.get(index).id();
    }

    /** A clock the test sets; the article and comment services read it. */
    static class SettableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A listener on the comment events, so that Spring Modulith records their publications. */
    static class ReceivedEvents {

        private final List<Object> events = new CopyOnWriteArrayList<>();

        // a method, not the field: the bean is a proxy (the listener is asynchronous and transactional)
        List<Object> all() {
            return events;
        }

        @ApplicationModuleListener
        void on(CommentApproved event) {
            events.add(event);
        }

        @ApplicationModuleListener
        void on(CommentRejected event) {
            events.add(event);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }

        @Bean
        ReceivedEvents receivedEvents() {
            return new ReceivedEvents();
        }
    }
}
