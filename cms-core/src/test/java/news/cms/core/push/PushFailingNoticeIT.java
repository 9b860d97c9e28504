package news.cms.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.notification.Notification;
import news.cms.core.notification.NotificationKind;
import news.cms.core.notification.NotificationService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An endpoint that keeps failing (503 on every attempt, several deliveries in flight) is disabled
 * once it has failed for {@code cms.push.disable-after} (2 s here instead of 72 h), and every admin
 * is told once with a {@code PUSH_FAILING} notice, however many deliveries failed meanwhile; no
 * attempt is made after that beyond those already in flight.
 */
@CmsIntegrationTest(
        properties = {
            "cms.push.worker-enabled=true",
            "cms.push.allow-http=true",
            "cms.push.allowed-networks=127.0.0.0/8,::1/128",
            "cms.push.poll-interval=100ms",
            "cms.push.retry-schedule=0s,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms,500ms",
            "cms.push.jitter=0",
            "cms.push.disable-after=2s"
        })
class PushFailingNoticeIT {

    static final Duration PROMPTLY = Duration.ofSeconds(20);

    @Autowired
    PushSubscriptions push;

    @Autowired
    ArticleService articles;

    @Autowired
    AccountService accounts;

    @Autowired
    NotificationService notifications;

    @AfterEach
    void removeSubscriptions() {
        PushAdminNoticesIT.admin(() -> {
            push.list().forEach(s -> push.delete(s.id()));
            return null;
        });
    }

    @Test
    void anEndpointFailingLongEnoughIsDisabledAndEveryAdminIsToldOnce() throws Exception {
        Newsroom.asAdmin(() -> {
            accounts.save(new UserAccount("shilan", "Shilan Omar", Set.of(Role.ADMIN), true), "Akre-2026-valley");
            accounts.save(new UserAccount("emre", "Emre Yıldız", Set.of(Role.ADMIN), true), "Akre-2026-valley");
            accounts.save(new UserAccount("rawa", "Rawa Hassan", Set.of(Role.REPORTER), true), "Akre-2026-valley");
        });
        try (Receiver failing = Receiver.answering(r -> Receiver.Reply.status(503))) {
            Subscription subscription = PushAdminNoticesIT.admin(
                            () -> push.create(PushDeliveryIT.settings("ماڵپەڕی نەخۆش", failing.uri())))
                    .subscription();
            Newsroom.publishedStory(
                    articles, Newsroom.story(LanguageTag.SORANI, "لافاو لە ئاکرێ", "ئاو ڕێگاکانی گرت.", "ئاکرێ"));
            Newsroom.publishedStory(
                    articles, Newsroom.story(LanguageTag.TURKISH, "Akre'de sel", "Sular yolları kapattı.", "Akre"));
            Newsroom.publishedStory(
                    articles, Newsroom.story(LanguageTag.ARABIC, "فيضانات في عقرة", "أغلقت المياه الطرق.", "عقرة"));
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> PushAdminNoticesIT.admin(() -> push.find(subscription.id()))
                                    .state()
                            == SubscriptionState.DISABLED);
            int attempts = failing.requests().size();
            assertThat(attempts).as("retried meanwhile").isGreaterThan(3);
            for (String admin : List.of("shilan", "emre")) {
                Awaitility.await()
                        .atMost(PROMPTLY)
                        .until(() -> !failingNotices(admin, Role.ADMIN).isEmpty());
            }
            // Retries that were due are not sent once disabled, and nobody is told twice.
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(PROMPTLY).untilAsserted(() -> {
                assertThat(failing.requests()).hasSizeLessThanOrEqualTo(attempts + 4);
                for (String admin : List.of("shilan", "emre")) {
                    List<Notification> told = failingNotices(admin, Role.ADMIN);
                    assertThat(told).as(admin).hasSize(1);
                    Notification notice = told.getFirst();
                    assertThat(notice.subscription()).isEqualTo(subscription.id());
                    assertThat(notice.articleId()).isNull();
                    assertThat(notice.headline()).isEqualTo("ماڵپەڕی نەخۆش");
                    assertThat(notice.actor()).isEqualTo("push-worker");
                }
            });
            assertThat(pushNotices("rawa", Role.REPORTER))
                    .as("a reporter is not told")
                    .isEmpty();
        }
    }

    private List<Notification> failingNotices(String user, Role role) {
        return pushNotices(user, role).stream()
                .filter(n -> n.kind() == NotificationKind.PUSH_FAILING)
                .toList();
    }

    private List<Notification> pushNotices(String user, Role role) {
        return PushAdminNoticesIT.pushNotices(notifications, user, role);
    }
}
