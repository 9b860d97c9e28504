package news.cms.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.feed.ChangeFeed;
import news.cms.core.language.LanguageTag;
import news.cms.core.notification.Notification;
import news.cms.core.notification.NotificationKind;
import news.cms.core.notification.NotificationService;
import news.cms.core.partnerkey.NewPartnerKey;
import news.cms.core.partnerkey.PartnerKeyId;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The admins' side of push, on real loopback receivers: every admin (nobody else) is told once in
 * the bell when a 410 disables a subscription; a partner replays the subscription linked to its key
 * from a feed position, receiving the same {@code webhook-id}s again, and nothing else.
 */
@CmsIntegrationTest(
        properties = {
            "cms.push.worker-enabled=true",
            "cms.push.allow-http=true",
            "cms.push.allowed-networks=127.0.0.0/8,::1/128",
            "cms.push.poll-interval=100ms"
        })
class PushAdminNoticesIT {

    static final Duration PROMPTLY = Duration.ofSeconds(15);

    @Autowired
    PushSubscriptions push;

    @Autowired
    ArticleService articles;

    @Autowired
    AccountService accounts;

    @Autowired
    NotificationService notifications;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    ChangeFeed feed;

    @AfterEach
    void removeSubscriptions() {
        admin(() -> {
            push.list().forEach(s -> push.delete(s.id()));
            return null;
        });
    }

    @Test
    void aGoneEndpointDisablesTheSubscriptionAndTellsEveryAdminOnce() throws Exception {
        Newsroom.asAdmin(() -> {
            accounts.save(new UserAccount("amina", "Amina Karim", Set.of(Role.ADMIN), true), "Zaxo-2026-river");
            accounts.save(new UserAccount("baran", "Baran Aziz", Set.of(Role.ADMIN), true), "Zaxo-2026-river");
            accounts.save(new UserAccount("deniz", "Deniz Kaya", Set.of(Role.EDITOR), true), "Zaxo-2026-river");
        });
        try (Receiver gone = Receiver.answering(r -> Receiver.Reply.status(410))) {
            Subscription subscription = admin(() -> push.create(PushDeliveryIT.settings("موقع مغلق", gone.uri())))
                    .subscription();
            Newsroom.publishedStory(
                    articles, Newsroom.story(LanguageTag.ARABIC, "أمطار غزيرة في دهوك", "هطلت الأمطار ليلًا.", "دهوك"));
            Newsroom.publishedStory(
                    articles,
                    Newsroom.story(LanguageTag.TURKISH, "Duhok'ta yoğun yağış", "Yağmur gece yağdı.", "Duhok"));
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> admin(() -> push.find(subscription.id())).state() == SubscriptionState.DISABLED);

            for (String admin : List.of("amina", "baran")) {
                Awaitility.await()
                        .atMost(PROMPTLY)
                        .until(() -> !pushNotices(admin, Role.ADMIN).isEmpty());
                List<Notification> told = pushNotices(admin, Role.ADMIN);
                assertThat(told).as(admin).hasSize(1);
                Notification notice = told.getFirst();
                assertThat(notice.kind()).isEqualTo(NotificationKind.PUSH_GONE);
                assertThat(notice.subscription()).isEqualTo(subscription.id());
                assertThat(notice.articleId()).isNull();
                assertThat(notice.headline()).isEqualTo("موقع مغلق");
                assertThat(notice.actor()).isEqualTo("push-worker");
            }
            assertThat(pushNotices("deniz", Role.EDITOR))
                    .as("an editor is not told")
                    .isEmpty();
        }
    }

    @Test
    void aPartnerReplaysItsOwnSubscriptionFromAFeedPositionWithTheSameWebhookIds() throws Exception {
        PartnerKeyId linked = Newsroom.as(
                        "hana",
                        () -> keys.issue(new NewPartnerKey("Kurdistan24", Set.of(PartnerScope.FEED), null, 60)),
                        Role.ADMIN)
                .key()
                .id();
        PartnerKeyId other = Newsroom.as(
                        "hana",
                        () -> keys.issue(new NewPartnerKey("Rudaw", Set.of(PartnerScope.FEED), null, 60)),
                        Role.ADMIN)
                .key()
                .id();
        try (Receiver receiver = Receiver.ok()) {
            SubscriptionSettings plain = PushDeliveryIT.settings("Kurdistan24 push", receiver.uri());
            SubscriptionSettings settings = new SubscriptionSettings(
                    plain.name(),
                    plain.endpoint(),
                    EnumSet.allOf(PushEvent.class),
                    Set.of(),
                    Set.of(),
                    PayloadForm.NOTICE,
                    linked);
            Subscription subscription = admin(() -> push.create(settings)).subscription();
            assertThat(subscription.partnerKey()).isEqualTo(linked);
            assertThatThrownBy(() -> admin(() -> push.create(settings)))
                    .isInstanceOf(InvalidSubscription.class)
                    .hasMessageContaining("partnerKey");
            Article first = Newsroom.publishedStory(
                    articles, Newsroom.story(LanguageTag.SORANI, "بەفر لە پێنجوێن", "بەفر بارییەوە.", "پێنجوێن"));
            Newsroom.publishedStory(
                    articles,
                    Newsroom.story(LanguageTag.ENGLISH, "Snow in Penjwen", "Snow fell overnight.", "Penjwen"));
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 2);
            Receiver.awaitDelivered(push, subscription.id(), 2, PROMPTLY);
            long from = feed.after(0, 1000).stream()
                    .filter(e -> e.articleId().equals(first.id()))
                    .findFirst()
                    .orElseThrow()
                    .sequence();

            PartnerReplay replay = asPartner(() -> push.replayForPartner(linked, from, null));
            assertThat(replay.subscription()).isEqualTo(subscription.id());
            assertThat(replay.queued()).isEqualTo(2);
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 4);
            List<String> ids = receiver.requests().stream()
                    .map(Receiver.Request::webhookId)
                    .toList();
            assertThat(ids.subList(2, 4)).containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));

            assertThatThrownBy(() -> asPartner(() -> push.replayForPartner(other, from, null)))
                    .isInstanceOf(NoLinkedSubscription.class);
            assertThatThrownBy(() -> asPartner(() -> push.replayForPartner(linked, null, null)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> asPartner(() -> push.replayForPartner(linked, 0L, null)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> admin(() -> push.replayForPartner(linked, from, null)))
                    .as("staff replay through the admin methods")
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(receiver.requests()).hasSize(4);
        }
    }

    private List<Notification> pushNotices(String user, Role role) {
        return pushNotices(notifications, user, role);
    }

    /** The push notices (gone, failing) in a user's bell. */
    static List<Notification> pushNotices(NotificationService notifications, String user, Role role) {
        return Newsroom.as(user, () -> notifications.mine(50), role).stream()
                .filter(n -> n.kind() == NotificationKind.PUSH_GONE || n.kind() == NotificationKind.PUSH_FAILING)
                .toList();
    }

    /** As the public API signs a FEED-scoped partner key in. */
    private static <T> T asPartner(Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "cmsk_partner", null, AuthorityUtils.createAuthorityList("SCOPE_FEED")));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static <T> T admin(Supplier<T> action) {
        return Newsroom.as("hana", action, Role.ADMIN);
    }
}
