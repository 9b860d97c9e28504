package news.cms.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.notification.Notification;
import news.cms.core.notification.NotificationKind;
import news.cms.core.notification.NotificationService;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The story budget on real PostgreSQL: editors plan, the assignee is told once (never the editor who
 * acted), only the assignee starts an item and only once, and every refusal leaves what is stored as
 * it was. Every test plans with people of its own, so the counts are exact.
 */
@CmsIntegrationTest
class BudgetIT {

    @Autowired
    BudgetService budget;

    @Autowired
    ArticleService articles;

    @Autowired
    NotificationService notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @BeforeAll
    static void newsroom(@Autowired AccountService accounts) {
        Newsroom.asAdmin(() -> {
            for (String reporter : List.of("bawan", "derya", "hevi", "jiyan", "lana", "mehmet")) {
                accounts.save(
                        new UserAccount(reporter, reporter.toUpperCase(), Set.of(Role.REPORTER), true), "pass-word-r");
            }
            accounts.save(new UserAccount("gone", "Gone Reporter", Set.of(Role.REPORTER), false), "pass-word-r");
            accounts.save(new UserAccount("mod", "Moderator", Set.of(Role.MODERATOR), true), "pass-word-m");
            for (String editor : List.of("ayse", "karwan", "noor")) {
                accounts.save(new UserAccount(editor, editor, Set.of(Role.EDITOR), true), "pass-word-e");
            }
        });
    }

    static <T> T as(String user, Role role, Supplier<T> action) {
        return Newsroom.as(user, action, role);
    }

    private Instant inHours(long hours) {
        return clock.instant().plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    }

    private Plan plan(String slug, String assignee, String notes, LanguageTag... languages) {
        return new Plan(slug, "economy", assignee, inHours(6), 600, List.of(languages), notes);
    }

    private int articleCount() {
        return Newsroom.as("ayse", () -> articles.count(), Role.EDITOR);
    }

    private Map<String, Object> stored(PlannedItemId id) {
        return jdbc.sql("select slug, section, assignee, due_at, planned_words, languages::text as languages, notes,"
                        + " state, article_id, version from planned_item where id = ?")
                .param(id.value())
                .query()
                .singleRow();
    }

    private List<Notification> notificationsOf(String user, Role role) {
        return as(user, role, () -> notifications.mine(100));
    }

    private void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    @Test
    void anEditorPlansTheReporterSeesItAndStartsItOnceAsADraftLinkedToIt() {
        PlannedItem item = as(
                "ayse",
                Role.EDITOR,
                () -> budget.create(plan(
                        "Erbil-Budget-Vote",
                        "bawan",
                        "بەدواداچوون بۆ دەنگدانی بودجە؛ Meclis kaynaklarından teyit al; اتصل بوزارة المالية; ask for the"
                                + " final figures.",
                        LanguageTag.SORANI,
                        LanguageTag.ARABIC)));
        assertThat(item.plan().slug()).as("lower-cased like an article slug").isEqualTo("erbil-budget-vote");
        assertThat(item.state()).isEqualTo(PlanState.PLANNED);

        assertThat(as("bawan", Role.REPORTER, () -> budget.mine()))
                .extracting(PlannedItem::id)
                .containsExactly(item.id());
        assertThat(as("derya", Role.REPORTER, () -> budget.mine()))
                .as("another reporter's list")
                .isEmpty();
        int before = articleCount();

        Article draft = as("bawan", Role.REPORTER, () -> budget.start(item.id(), "ar", "Erbil"));
        assertThat(draft.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(draft.language()).isEqualTo(LanguageTag.ARABIC);
        assertThat(draft.content().section()).isEqualTo("economy");
        assertThat(draft.authors()).containsExactly("bawan");
        assertThat(draft.content().bylines().getFirst().name()).isEqualTo("BAWAN");
        assertThat(draft.content().body()).startsWith("بەدواداچوون بۆ دەنگدانی بودجە");
        assertThat(draft.slug().value()).isEqualTo("erbil-budget-vote");

        PlannedItem started =
                as("bawan", Role.REPORTER, () -> budget.find(item.id())).orElseThrow();
        assertThat(started.state()).isEqualTo(PlanState.STARTED);
        assertThat(started.articleId()).isEqualTo(draft.id());
        assertThat(articleCount()).isEqualTo(before + 1);

        assertThatThrownBy(() -> as("bawan", Role.REPORTER, () -> budget.start(item.id(), "ckb", "Hewlêr")))
                .isInstanceOfSatisfying(BudgetRefused.class, r -> {
                    assertThat(r.kind()).isEqualTo(BudgetRefused.Kind.ALREADY_STARTED);
                    assertThat(r.code()).isEqualTo("budget.already-started");
                });
        assertThat(articleCount()).as("a second start makes no second draft").isEqualTo(before + 1);
        assertThatThrownBy(() -> as("ayse", Role.EDITOR, () -> budget.cancel(item.id(), started.version())))
                .isInstanceOfSatisfying(
                        BudgetRefused.class, r -> assertThat(r.kind()).isEqualTo(BudgetRefused.Kind.ALREADY_STARTED));

        assertThat(jdbc.sql("select action, actor from audit_event where target_type = 'planned-item'"
                                + " and target_id = ? order by id")
                        .param(item.id().toString())
                        .query((rs, i) -> rs.getString(1) + " " + rs.getString(2))
                        .list())
                .containsExactly("budget.create ayse", "budget.start bawan");
    }

    @Test
    void editorsEditAndCancelReportersDoNeitherAndOnlyTheAssigneeStarts() {
        PlannedItem item = as(
                "karwan",
                Role.EDITOR,
                () -> budget.create(plan(
                        "zaxo-koprusu", "derya", "Köprü açılışı, belediye başkanıyla röportaj.", LanguageTag.TURKISH)));

        assertThatThrownBy(() -> as(
                        "derya",
                        Role.REPORTER,
                        () -> budget.create(plan("kendi-haberim", "derya", "", LanguageTag.TURKISH))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("derya", Role.REPORTER, () -> budget.cancel(item.id(), item.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", Role.ADMIN, () -> budget.start(item.id(), null, "Zaxo")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("hevi", Role.REPORTER, () -> budget.start(item.id(), null, "Zaxo")))
                .isInstanceOfSatisfying(
                        BudgetRefused.class, r -> assertThat(r.kind()).isEqualTo(BudgetRefused.Kind.NOT_ASSIGNEE));
        assertThatThrownBy(() -> as("karwan", Role.EDITOR, () -> budget.start(item.id(), null, "Zaxo")))
                .as("not even the editor who planned it")
                .isInstanceOfSatisfying(
                        BudgetRefused.class, r -> assertThat(r.kind()).isEqualTo(BudgetRefused.Kind.NOT_ASSIGNEE));

        Plan longer = new Plan(
                "zaxo-koprusu", "news", "derya", inHours(8), 900, List.of(LanguageTag.TURKISH), "Fotoğraf da lazım.");
        PlannedItem edited = as("noor", Role.EDITOR, () -> budget.update(item.id(), item.version(), longer));
        assertThat(edited.version()).isEqualTo(2);
        assertThat(stored(item.id())).containsEntry("section", "news").containsEntry("planned_words", 900);

        assertThatThrownBy(() -> as("karwan", Role.EDITOR, () -> budget.cancel(item.id(), item.version())))
                .as("an editor with the old version")
                .isInstanceOfSatisfying(
                        BudgetRefused.class, r -> assertThat(r.kind()).isEqualTo(BudgetRefused.Kind.CHANGED));
        PlannedItem cancelled = as("karwan", Role.EDITOR, () -> budget.cancel(item.id(), edited.version()));
        assertThat(cancelled.state()).isEqualTo(PlanState.CANCELLED);
        assertThat(as("derya", Role.REPORTER, () -> budget.mine()))
                .as("a cancelled item leaves the reporter's list")
                .isEmpty();
        int before = articleCount();
        assertThatThrownBy(() -> as("derya", Role.REPORTER, () -> budget.start(item.id(), null, "Zaxo")))
                .isInstanceOfSatisfying(
                        BudgetRefused.class, r -> assertThat(r.kind()).isEqualTo(BudgetRefused.Kind.CANCELLED));
        assertThatThrownBy(() -> as("noor", Role.EDITOR, () -> budget.update(item.id(), cancelled.version(), longer)))
                .isInstanceOfSatisfying(
                        BudgetRefused.class, r -> assertThat(r.kind()).isEqualTo(BudgetRefused.Kind.CANCELLED));
        assertThat(articleCount()).isEqualTo(before);
        assertThat(stored(item.id())).containsEntry("state", "CANCELLED").containsEntry("version", 3L);
    }

    @Test
    void badInputIsRefusedWithItsFieldAndNothingStoredChanges() {
        assertThatThrownBy(() -> plan("Bad Slug!", "hevi", "", LanguageTag.ENGLISH))
                .isInstanceOfSatisfying(BudgetRefused.class, r -> {
                    assertThat(r.code()).isEqualTo("budget.slug");
                    assertThat(r.field()).isEqualTo("slug");
                });
        assertThatThrownBy(() -> plan("double--hyphen", "hevi", "", LanguageTag.ENGLISH))
                .isInstanceOf(BudgetRefused.class);
        assertThatThrownBy(() -> plan("  ", "hevi", "", LanguageTag.ENGLISH))
                .isInstanceOfSatisfying(
                        InvalidText.class, r -> assertThat(r.field()).isEqualTo("slug"));
        assertThatThrownBy(
                        () -> new Plan("kirkuk-oil", "news", "hevi", inHours(2), 0, List.of(LanguageTag.ENGLISH), ""))
                .isInstanceOfSatisfying(BudgetRefused.class, r -> {
                    assertThat(r.code()).isEqualTo("budget.planned-words");
                    assertThat(r.params()).containsEntry("min", 1).containsEntry("max", 20_000);
                });
        assertThatThrownBy(() -> new Plan("kirkuk-oil", "news", "hevi", null, 400, List.of(LanguageTag.ENGLISH), ""))
                .isInstanceOfSatisfying(
                        InvalidText.class, r -> assertThat(r.field()).isEqualTo("due"));
        assertThatThrownBy(() -> new Plan("kirkuk-oil", "news", "hevi", inHours(2), 400, List.of(), ""))
                .isInstanceOfSatisfying(
                        InvalidText.class, r -> assertThat(r.field()).isEqualTo("languages"));
        assertThatThrownBy(() -> new Plan(
                        "kirkuk-oil", "news", "hevi", inHours(2), 400, List.of(LanguageTag.ENGLISH), "ن".repeat(4_001)))
                .isInstanceOfSatisfying(InvalidText.class, r -> {
                    assertThat(r.field()).isEqualTo("notes");
                    assertThat(r.code()).isEqualTo("text.too-long");
                });
        assertThat(plan("کەرکووک-نەوت", "hevi", "", LanguageTag.SORANI).slug())
                .as("letters of any script, like an article slug")
                .isEqualTo("کەرکووک-نەوت");

        for (String nobody : List.of("nobody", "gone", "mod")) {
            assertThatThrownBy(() -> as(
                            "ayse",
                            Role.EDITOR,
                            () -> budget.create(plan("kirkuk-oil", nobody, "", LanguageTag.ENGLISH))))
                    .as(nobody)
                    .isInstanceOfSatisfying(BudgetRefused.class, r -> {
                        assertThat(r.code()).isEqualTo("budget.assignee");
                        assertThat(r.field()).isEqualTo("assignee");
                    });
        }
        assertThat(jdbc.sql("select count(*) from planned_item where slug = 'kirkuk-oil'")
                        .query(Integer.class)
                        .single())
                .isZero();

        PlannedItem item = as(
                "ayse",
                Role.EDITOR,
                () -> budget.create(plan("kirkuk-oil", "hevi", "Kirkuk oil exports resume.", LanguageTag.ENGLISH)));
        Map<String, Object> before = stored(item.id());
        assertThatThrownBy(() -> as(
                        "ayse",
                        Role.EDITOR,
                        () -> budget.update(
                                item.id(), item.version(), plan("kirkuk-oil", "gone", "", LanguageTag.ENGLISH))))
                .isInstanceOf(BudgetRefused.class);
        int articlesBefore = articleCount();
        assertThatThrownBy(() -> as("hevi", Role.REPORTER, () -> budget.start(item.id(), "tr", "Kerkük")))
                .isInstanceOfSatisfying(BudgetRefused.class, r -> {
                    assertThat(r.code()).isEqualTo("budget.language-not-planned");
                    assertThat(r.params()).containsEntry("value", "tr");
                });
        assertThatThrownBy(() -> as("hevi", Role.REPORTER, () -> budget.start(item.id(), "x!", "Kirkuk")))
                .isInstanceOf(InvalidLanguageTag.class);
        assertThatThrownBy(() -> as("hevi", Role.REPORTER, () -> budget.start(item.id(), "en", "  ")))
                .isInstanceOfSatisfying(
                        InvalidText.class, r -> assertThat(r.field()).isEqualTo("dateline place"));
        assertThat(stored(item.id())).as("nothing stored changed").isEqualTo(before);
        assertThat(articleCount()).isEqualTo(articlesBefore);
    }

    @Test
    void theAssigneeIsToldOncePerAssignmentAndTheEditorWhoActedNever() {
        PlannedItem item = as(
                "noor",
                Role.EDITOR,
                () -> budget.create(plan("sulaymaniyah-festival", "jiyan", "ڕاپۆرتی فێستیڤاڵ.", LanguageTag.SORANI)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(notificationsOf("jiyan", Role.REPORTER)).hasSize(1));
        Notification told = notificationsOf("jiyan", Role.REPORTER).getFirst();
        assertThat(told.kind()).isEqualTo(NotificationKind.ASSIGNED);
        assertThat(told.plannedItemId()).isEqualTo(item.id());
        assertThat(told.articleId()).isNull();
        assertThat(told.headline()).isEqualTo("sulaymaniyah-festival");
        assertThat(told.actor()).isEqualTo("noor");

        // Delivered again (a retried outbox entry): nobody is told twice.
        transactions.executeWithoutResult(tx -> events.publishEvent(new PlannedItemAssigned(
                item.id(), "sulaymaniyah-festival", "jiyan", "noor", item.version(), clock.instant())));
        // An edit that keeps the assignee tells nobody; handing it to Lana tells Lana, once.
        PlannedItem edited = as(
                "noor",
                Role.EDITOR,
                () -> budget.update(
                        item.id(),
                        item.version(),
                        plan("sulaymaniyah-festival", "jiyan", "ڕاپۆرت و وێنە.", LanguageTag.SORANI)));
        as(
                "karwan",
                Role.EDITOR,
                () -> budget.update(
                        item.id(),
                        edited.version(),
                        plan("sulaymaniyah-festival", "lana", "ڕاپۆرت و وێنە.", LanguageTag.SORANI)));
        // An editor who plans a story for herself is not told of her own act.
        as("ayse", Role.EDITOR, () -> budget.create(plan("ankara-visit", "ayse", "", LanguageTag.TURKISH)));

        awaitOutboxDrained();
        assertThat(notificationsOf("jiyan", Role.REPORTER)).hasSize(1);
        assertThat(notificationsOf("lana", Role.REPORTER)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.ASSIGNED);
            assertThat(n.actor()).isEqualTo("karwan");
        });
        assertThat(notificationsOf("noor", Role.EDITOR)).isEmpty();
        assertThat(notificationsOf("karwan", Role.EDITOR)).isEmpty();
        assertThat(notificationsOf("ayse", Role.EDITOR)).isEmpty();
        assertThat(jdbc.sql(
                                "select count(*) from notification where planned_item_id is not null and article_id is not null")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aNotificationHasExactlyOneSubject() {
        assertThatThrownBy(() -> jdbc.sql("insert into notification (recipient, kind, actor, event_key, created_at)"
                                + " values ('lana', 'ASSIGNED', 'noor', 'no-subject', now())")
                        .update())
                .hasMessageContaining("notification_one_subject");
    }

    @Test
    void theDaysBudgetListsItemsDueInTheRangeEarliestFirst() {
        PlannedItem late = as(
                "ayse",
                Role.EDITOR,
                () -> budget.create(
                        new Plan("late-item", "news", "mehmet", inHours(10), 300, List.of(LanguageTag.TURKISH), "")));
        PlannedItem early = as(
                "ayse",
                Role.EDITOR,
                () -> budget.create(
                        new Plan("early-item", "news", "mehmet", inHours(3), 300, List.of(LanguageTag.TURKISH), "")));
        as(
                "ayse",
                Role.EDITOR,
                () -> budget.create(new Plan(
                        "next-week", "news", "mehmet", inHours(24 * 7), 300, List.of(LanguageTag.TURKISH), "")));
        List<PlannedItem> due = as("mehmet", Role.REPORTER, () -> budget.due(inHours(1), inHours(11)));
        assertThat(due.stream().filter(i -> i.plan().assignee().equals("mehmet")))
                .as("Mehmet's, among the other tests' items")
                .extracting(PlannedItem::id)
                .containsExactly(early.id(), late.id());
        assertThat(due)
                .isSortedAccordingTo(
                        java.util.Comparator.comparing(i -> i.plan().due()));
        assertThat(early.isOverdue(inHours(4))).isTrue();
        assertThat(early.isOverdue(inHours(2))).isFalse();
        assertThatThrownBy(() -> as("mehmet", Role.REPORTER, () -> budget.due(inHours(2), inHours(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> as("mehmet", Role.MODERATOR, () -> budget.due(inHours(1), inHours(2))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
