package news.cms.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleChanged;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleLocks;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.note.Desks;
import news.cms.core.note.NoteService;
import news.cms.core.translation.TranslationService;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications from the outbox on real PostgreSQL: each event tells each recipient once, never
 * the one who acted, also when the event is delivered again. Every test has people of its own, so
 * the counts are exact.
 */
@CmsIntegrationTest
class NotificationIT {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLocks locks;

    @Autowired
    NoteService notes;

    @Autowired
    TranslationService translations;

    @Autowired
    NotificationService notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void newsroom(@Autowired AccountService accounts, @Autowired Desks desks) {
        news.cms.testsupport.Newsroom.asAdmin(() -> {
            for (String reporter : List.of("aram", "dilan", "emre", "hana", "kawa", "rojin")) {
                accounts.save(new UserAccount(reporter, reporter, Set.of(Role.REPORTER), true), "pass-word-r");
            }
            for (String editor : List.of("nadia", "omar", "sara", "yusuf", "zana")) {
                accounts.save(new UserAccount(editor, editor, Set.of(Role.EDITOR), true), "pass-word-e");
            }
            desks.join("ekonomi", "omar");
            desks.join("ekonomi", "sara");
            desks.join("ekonomi", "dilan");
        });
    }

    static <T> T as(String user, Role role, Supplier<T> action) {
        return news.cms.testsupport.Newsroom.as(user, action, role);
    }

    static ArticleContent story(LanguageTag language, String section, String headline, String body) {
        return new ArticleContent(
                language,
                section,
                headline,
                "",
                body,
                List.of(new Byline("Staff", "Staff reporter")),
                new Dateline("Duhok", "Kurdistan Region", "IQ", LocalDate.of(2026, 12, 5)));
    }

    static ArticleContent rewritten(Article a, String body) {
        ArticleContent c = a.content();
        return new ArticleContent(
                c.language(),
                c.section(),
                c.headline(),
                c.standfirst(),
                body,
                c.bylines(),
                c.dateline(),
                c.tags(),
                c.directions());
    }

    private List<NotificationKind> kindsOf(String user, Role role) {
        return as(user, role, () -> notifications.mine(100)).stream()
                .map(Notification::kind)
                .toList()
                .reversed();
    }

    /** Every outbox listener has run: what is stored now is all the events made. */
    private void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    @Test
    void theAuthorIsToldOfEachStepOfTheirStoryOnceAndTheEditorWhoTookItNever() {
        Article draft = as(
                "aram",
                Role.REPORTER,
                () -> articles.createDraft(story(
                        LanguageTag.ENGLISH, "news", "Duhok dam reaches record level", "The reservoir is full.")));
        Article submitted = as("aram", Role.REPORTER, () -> articles.submit(draft.id(), draft.version()));
        Article returned = as(
                "nadia",
                Role.EDITOR,
                () -> articles.requestChanges(submitted.id(), submitted.version(), "Add a quote."));
        Article again = as("aram", Role.REPORTER, () -> articles.submit(returned.id(), returned.version()));
        Article approved = as("nadia", Role.EDITOR, () -> articles.approve(again.id(), again.version()));
        Article published = as("nadia", Role.EDITOR, () -> articles.publish(approved.id(), approved.version()));
        Article corrected = as(
                "nadia",
                Role.EDITOR,
                () -> articles.correct(
                        published.id(),
                        published.version(),
                        rewritten(published, "The reservoir is 98 per cent full."),
                        "An earlier version said the reservoir was full."));
        as("nadia", Role.EDITOR, () -> articles.kill(corrected.id(), corrected.version(), "Legal advice."));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(kindsOf("aram", Role.REPORTER)).hasSize(5));
        awaitOutboxDrained();
        assertThat(kindsOf("aram", Role.REPORTER))
                .containsExactly(
                        NotificationKind.RETURNED,
                        NotificationKind.APPROVED,
                        NotificationKind.PUBLISHED,
                        NotificationKind.CORRECTED,
                        NotificationKind.KILLED);
        List<Notification> mine = as("aram", Role.REPORTER, () -> notifications.mine(100));
        assertThat(mine).allSatisfy(n -> {
            assertThat(n.actor()).isEqualTo("nadia");
            assertThat(n.articleId()).isEqualTo(draft.id());
            assertThat(n.headline()).isEqualTo("Duhok dam reaches record level");
            assertThat(n.isRead()).isFalse();
        });
        assertThat(kindsOf("nadia", Role.EDITOR))
                .as("the editor acted; she is told nothing")
                .isEmpty();

        assertThat(as("aram", Role.REPORTER, () -> notifications.unreadCount())).isEqualTo(5);
        long first = mine.getFirst().id();
        assertThat(as("nadia", Role.EDITOR, () -> notifications.markRead(first)))
                .as("nobody marks another's notification")
                .isFalse();
        assertThat(as("aram", Role.REPORTER, () -> notifications.markRead(first)))
                .isTrue();
        assertThat(as("aram", Role.REPORTER, () -> notifications.unreadCount())).isEqualTo(4);
        assertThat(as("aram", Role.REPORTER, () -> notifications.markAllRead())).isEqualTo(4);
        assertThat(as("aram", Role.REPORTER, () -> notifications.unreadCount())).isZero();
    }

    @Test
    void anEditorWhoPublishesHerOwnStoryIsNotToldThatSheDidIt() {
        Article draft = as(
                "yusuf",
                Role.EDITOR,
                () -> articles.createDraft(
                        story(LanguageTag.TURKISH, "news", "Zaxo köprüsü onarıldı", "Tarihî köprü yeniden açıldı.")));
        Article submitted = as("yusuf", Role.EDITOR, () -> articles.submit(draft.id(), draft.version()));
        Article approved = as("sara", Role.EDITOR, () -> articles.approve(submitted.id(), submitted.version()));
        as("yusuf", Role.EDITOR, () -> articles.publish(approved.id(), approved.version()));

        awaitOutboxDrained();
        assertThat(kindsOf("yusuf", Role.EDITOR))
                .as("told of the approval by another, not of his own publishing")
                .containsExactly(NotificationKind.APPROVED);
    }

    @Test
    void aMentionOfADeskTellsEachMemberOnceAndNotTheWriter() {
        Article draft = as(
                "dilan",
                Role.REPORTER,
                () -> articles.createDraft(
                        story(LanguageTag.SORANI, "ekonomi", "نرخی دۆلار لە هەولێر بەرز بووەوە", "بازاڕ ئارام بوو.")));
        // Omar is mentioned by name and through the desk, Dilan (the writer) sits on the desk.
        as("dilan", Role.REPORTER, () -> notes.add(draft.id(), "@ekonomi @omar @dilan ئەم ژمارەیە ڕاستە؟", null));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(kindsOf("sara", Role.EDITOR)).hasSize(1));
        awaitOutboxDrained();
        assertThat(kindsOf("omar", Role.EDITOR)).containsExactly(NotificationKind.MENTIONED);
        assertThat(kindsOf("sara", Role.EDITOR)).containsExactly(NotificationKind.MENTIONED);
        assertThat(kindsOf("dilan", Role.REPORTER)).isEmpty();
    }

    @Test
    void theHolderOfABrokenLockIsToldOnce() {
        Article draft = as(
                "emre",
                Role.REPORTER,
                () -> articles.createDraft(
                        story(LanguageTag.ARABIC, "news", "أمطار غزيرة في دهوك", "أغلقت الطرق الجبلية.")));
        as("emre", Role.REPORTER, () -> locks.acquire(draft.id()));
        as("nadia", Role.EDITOR, () -> {
            locks.breakLock(draft.id());
            return null;
        });
        // An editor who breaks her own lock is told nothing.
        as("zana", Role.EDITOR, () -> locks.acquire(draft.id()));
        as("zana", Role.EDITOR, () -> {
            locks.breakLock(draft.id());
            return null;
        });

        awaitOutboxDrained();
        assertThat(kindsOf("emre", Role.REPORTER)).containsExactly(NotificationKind.LOCK_BROKEN);
        assertThat(kindsOf("zana", Role.EDITOR)).isEmpty();
    }

    @Test
    void theTranslatorIsToldWhenTheSourceMovesOnButNotTheSourcesWriter() {
        Article source = as(
                "hana",
                Role.REPORTER,
                () -> articles.createDraft(story(
                        LanguageTag.ENGLISH, "news", "Akre's waterfall dries up", "No water has fallen since June.")));
        Article turkish = as("kawa", Role.REPORTER, () -> translations.translate(source.id(), "tr"));
        as(
                "kawa",
                Role.REPORTER,
                () -> articles.save(
                        turkish.id(), turkish.version(), rewritten(turkish, "Haziran'dan beri su akmıyor.")));
        as(
                "hana",
                Role.REPORTER,
                () -> articles.save(
                        source.id(), source.version(), rewritten(source, "No water has fallen since May.")));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(kindsOf("kawa", Role.REPORTER)).hasSize(1));
        awaitOutboxDrained();
        assertThat(kindsOf("kawa", Role.REPORTER)).containsExactly(NotificationKind.TRANSLATION_STALE);
        assertThat(as("kawa", Role.REPORTER, () -> notifications.mine(10)).getFirst())
                .satisfies(n -> {
                    assertThat(n.articleId()).isEqualTo(turkish.id());
                    assertThat(n.actor()).isEqualTo("hana");
                });
        assertThat(kindsOf("hana", Role.REPORTER)).isEmpty();
    }

    @Test
    void anEventDeliveredAgainTellsNobodyTwice() {
        Article draft = as(
                "rojin",
                Role.REPORTER,
                () -> articles.createDraft(story(LanguageTag.ENGLISH, "city", "A second delivery", "Once is enough.")));
        Article submitted = as("rojin", Role.REPORTER, () -> articles.submit(draft.id(), draft.version()));
        Article approved = as("omar", Role.EDITOR, () -> articles.approve(submitted.id(), submitted.version()));
        awaitOutboxDrained();
        long before = countFor("rojin", approved);
        assertThat(before).isOne();

        // The same event as the approval recorded, published again as the outbox would resubmit it.
        ArticleChanged again = new ArticleChanged(
                approved.id(),
                approved.version(),
                Action.APPROVE,
                ArticleState.APPROVED,
                approved.updatedAt(),
                "omar",
                approved.authors());
        transactions.executeWithoutResult(tx -> events.publishEvent(again));
        awaitOutboxDrained();

        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?"
                                + " and event_type = ? and listener_id like '%NotificationRecorder%'")
                        .params("%" + approved.id() + "%", ArticleChanged.class.getName())
                        .query(Integer.class)
                        .single())
                .as("the listener got create, submit, approve, and the approval again")
                .isEqualTo(4);
        assertThat(countFor("rojin", approved)).isOne();
    }

    private long countFor(String user, Article article) {
        return jdbc.sql(
                        "select count(*) from notification where recipient = ? and article_id = ? and kind = 'APPROVED'")
                .params(user, article.id().value())
                .query(Long.class)
                .single();
    }
}
