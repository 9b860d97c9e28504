package news.cms.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.feed.ChangeFeed;
import news.cms.core.language.LanguageTag;
import news.cms.core.push.Receiver.Reply;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Push delivery end to end: stories published through the workflow, deliveries made in the feed
 * entry's transaction, sent by the worker to real HTTP receivers on loopback (allowed here by
 * configuration), with a clock the test moves forward for retries. The first test runs on real
 * time, so the Standard Webhooks library can check the timestamps too.
 */
@CmsIntegrationTest(
        properties = {
            "cms.push.worker-enabled=true",
            "cms.push.allow-http=true",
            "cms.push.allowed-networks=127.0.0.0/8,::1/128",
            "cms.push.poll-interval=100ms",
            "cms.push.connect-timeout=2s",
            "cms.push.request-timeout=20s"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushDeliveryIT {

    static final Duration PROMPTLY = Duration.ofSeconds(10);

    @Autowired
    PushSubscriptions push;

    @Autowired
    ArticleService articles;

    @Autowired
    ChangeFeed feed;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OffsetClock clock;

    @AfterEach
    void removeSubscriptions() {
        admin(() -> {
            push.list().forEach(s -> push.delete(s.id()));
            return null;
        });
    }

    @Test
    @Order(1)
    void signedNoticesInFourLanguagesVerifyWithTheStandardWebhooksLibrary() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            IssuedSecret issued = admin(() -> push.create(settings("Wire partner", receiver.uri())));
            assertThat(issued.secret()).startsWith("whsec_");
            assertThat(issued.toString()).doesNotContain(issued.secret());

            List<Article> stories = List.of(
                    publish(
                            LanguageTag.ENGLISH,
                            "Erbil opens a new bridge",
                            "The bridge opened this morning.",
                            "ERBIL"),
                    publish(LanguageTag.ARABIC, "افتتاح جسر جديد في أربيل", "افتُتح الجسر صباح اليوم.", "أربيل"),
                    publish(
                            LanguageTag.SORANI,
                            "پردێکی نوێ لە هەولێر کرایەوە",
                            "پردەکە ئەمڕۆ بەیانی کرایەوە.",
                            "هەولێر"),
                    publish(LanguageTag.TURKISH, "Erbil'de yeni köprü açıldı", "Köprü bu sabah açıldı.", "Erbil"));
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 4);

            Webhook partner = new Webhook(issued.secret());
            for (Receiver.Request request : receiver.requests()) {
                partner.verify(request.body(), request.headers()); // throws if the signature or time is wrong
                assertThat(request.header("content-type")).startsWith("application/json");
            }
            var bySequence = receiver.requests().stream()
                    .sorted(java.util.Comparator.comparingLong(Receiver.Request::sequence))
                    .toList();
            List<Long> sequences = feed.after(0, 100).stream()
                    .filter(e -> stories.stream().anyMatch(s -> s.id().equals(e.articleId())))
                    .map(e -> e.sequence())
                    .toList();
            assertThat(bySequence).extracting(Receiver.Request::sequence).containsExactlyElementsOf(sequences);
            for (int i = 0; i < stories.size(); i++) {
                var json = bySequence.get(i).json();
                assertThat(json.get("type").asString()).isEqualTo("article.published");
                assertThat(json.get("data").get("uri").asString())
                        .isEqualTo("urn:newsroom-cms:article:"
                                + stories.get(i).id().value());
                assertThat(json.get("data").get("version").asInt()).isEqualTo(1);
                assertThat(json.get("data").get("language").asString())
                        .isEqualTo(stories.get(i).language().value());
                assertThat(json.get("data").get("href").asString())
                        .isEqualTo("http://localhost:8081/v1/articles/"
                                + stories.get(i).id().value());
            }
            Receiver.awaitDelivered(push, issued.subscription().id(), 4, PROMPTLY);
            assertThat(admin(() -> push.attempts(issued.subscription().id(), false, 10)))
                    .hasSize(4)
                    .allSatisfy(a -> {
                        assertThat(a.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
                        assertThat(a.statusCode()).isEqualTo(204);
                        assertThat(a.latencyMillis()).isNotNegative();
                    });
        }
    }

    @Test
    @Order(2)
    void afterARotationBothSecretsSignUntilTheOverlapEnds() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            IssuedSecret first = admin(() -> push.create(settings("Rotating partner", receiver.uri())));
            IssuedSecret second =
                    admin(() -> push.rotateSecret(first.subscription().id()));
            assertThat(second.secret()).isNotEqualTo(first.secret()).startsWith("whsec_");
            assertThat(second.subscription().previousSecretUntil())
                    .isAfter(clock.instant().plus(Duration.ofHours(23)));

            publish(LanguageTag.TURKISH, "Van Gölü'nde su seviyesi yükseldi", "Göl bu yıl yükseldi.", "Van");
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 1);

            Receiver.Request request = receiver.requests().getFirst();
            assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
            new Webhook(second.secret()).verify(request.body(), request.headers());
            new Webhook(first.secret()).verify(request.body(), request.headers());
        }
    }

    @Test
    @Order(3)
    void aFailingReceiverIsRetriedOnTheScheduleWithOneWebhookIdUntilItAccepts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Receiver receiver = Receiver.answering(r -> Reply.status(calls.incrementAndGet() <= 3 ? 503 : 200))) {
            IssuedSecret issued = admin(() -> push.create(settings("Flaky partner", receiver.uri())));
            SubscriptionId id = issued.subscription().id();
            publish(
                    LanguageTag.ENGLISH,
                    "Snow closes the Hamilton road",
                    "The road is closed until Friday.",
                    "RAWANDUZ");

            // Attempt 1 at once; then 5 s, 5 min and 30 min later (each ±10 %), as the clock moves.
            List<Duration> waits = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));
            for (int attempt = 1; attempt <= 3; attempt++) {
                int made = attempt;
                Awaitility.await().atMost(PROMPTLY).until(() -> attempts(id).size() == made);
                Delivery pending = only(id);
                DeliveryAttempt last = attempts(id).getFirst();
                assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(last.outcome()).isEqualTo(DeliveryAttempt.Outcome.RETRY);
                assertThat(last.statusCode()).isEqualTo(503);
                long wait = Duration.between(last.at(), pending.nextAttemptAt()).toMillis();
                long expected = waits.get(attempt - 1).toMillis();
                assertThat(wait)
                        .as("wait after attempt %d", attempt)
                        .isBetween(Math.round(expected * 0.9), Math.round(expected * 1.1));
                // Not sent again before it is due.
                assertThat(receiver.requests()).hasSize(attempt);
                clock.advance(waits.get(attempt - 1).multipliedBy(12).dividedBy(10));
            }
            Awaitility.await().atMost(PROMPTLY).until(() -> only(id).status() == DeliveryStatus.DELIVERED);

            List<Receiver.Request> requests = receiver.requests();
            assertThat(requests).hasSize(4);
            assertThat(requests).extracting(Receiver.Request::webhookId).containsOnly(only(id).webhookId());
            assertThat(requests)
                    .extracting(Receiver.Request::body)
                    .containsOnly(requests.getFirst().body());
            Webhook partner = new Webhook(issued.secret());
            for (Receiver.Request r : requests) {
                // The timestamps are the moved clock's, so compare signatures instead of verify()'s time check.
                assertThat(r.header("webhook-signature"))
                        .isEqualTo(partner.sign(r.webhookId(), r.timestamp(), r.body()));
            }
            assertThat(requests.get(3).timestamp())
                    .isGreaterThan(requests.get(0).timestamp() + 35 * 60);
            assertThat(attempts(id))
                    .extracting(DeliveryAttempt::outcome)
                    .containsExactly(
                            DeliveryAttempt.Outcome.DELIVERED,
                            DeliveryAttempt.Outcome.RETRY,
                            DeliveryAttempt.Outcome.RETRY,
                            DeliveryAttempt.Outcome.RETRY);
            assertThat(admin(() -> push.attempts(id, true, 10))).hasSize(3);
            assertThat(admin(() -> push.find(id)).failingSince())
                    .as("healthy again")
                    .isNull();
        }
    }

    @Test
    @Order(4)
    void retryAfterIsHonouredAndOther4xxEndTheDeliveryAndRedirectsAreNotFollowed() throws Exception {
        try (Receiver busy = Receiver.answering(r -> new Reply(429, Map.of("Retry-After", "3600"), false));
                Receiver refusing = Receiver.answering(r -> Reply.status(422));
                Receiver target = Receiver.ok();
                Receiver moved = Receiver.answering(
                        r -> new Reply(307, Map.of("Location", target.uri().toString()), false))) {
            SubscriptionId busyId = admin(() -> push.create(settings("Busy partner", busy.uri())))
                    .subscription()
                    .id();
            SubscriptionId refusingId = admin(() -> push.create(settings("Refusing partner", refusing.uri())))
                    .subscription()
                    .id();
            SubscriptionId movedId = admin(() -> push.create(settings("Moved partner", moved.uri())))
                    .subscription()
                    .id();
            publish(LanguageTag.ARABIC, "أمطار غزيرة في السليمانية", "هطلت الأمطار طوال الليل.", "السليمانية");
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> attempts(busyId).size() == 1
                            && attempts(refusingId).size() == 1
                            && attempts(movedId).size() == 1);

            DeliveryAttempt busyAttempt = attempts(busyId).getFirst();
            assertThat(busyAttempt.statusCode()).isEqualTo(429);
            assertThat(Duration.between(busyAttempt.at(), only(busyId).nextAttemptAt()))
                    .as("Retry-After: 3600 rather than the schedule's 5 s")
                    .isEqualTo(Duration.ofHours(1));

            assertThat(only(refusingId).status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(attempts(refusingId).getFirst().outcome()).isEqualTo(DeliveryAttempt.Outcome.FAILED);

            DeliveryAttempt redirect = attempts(movedId).getFirst();
            assertThat(redirect.statusCode()).isEqualTo(307);
            assertThat(redirect.outcome()).isEqualTo(DeliveryAttempt.Outcome.RETRY);
            assertThat(redirect.error()).startsWith("redirect not followed");
            assertThat(target.requests()).as("the redirect's target").isEmpty();
        }
    }

    @Test
    @Order(5)
    void aHangingEndpointDelaysNobodyElse() throws Exception {
        try (Receiver hanging = Receiver.answering(r -> Reply.hanging());
                Receiver healthy = Receiver.ok()) {
            SubscriptionId hangingId = admin(() -> push.create(settings("Hanging partner", hanging.uri())))
                    .subscription()
                    .id();
            admin(() -> push.create(settings("Healthy partner", healthy.uri())));

            publish(LanguageTag.SORANI, "بەفر ڕێگای هاملتۆنی داخست", "ڕێگاکە تا هەینی داخراوە.", "ڕەواندز");
            Awaitility.await().atMost(PROMPTLY).until(() -> hanging.requests().size() == 1);
            publish(LanguageTag.ENGLISH, "Markets reopen in Duhok", "Traders returned on Sunday.", "DUHOK");

            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> healthy.requests().size() == 2);
            assertThat(attempts(hangingId))
                    .as("the hanging attempt is still open")
                    .isEmpty();

            hanging.release();
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> admin(() -> push.deliveries(hangingId, 0, DeliveryStatus.DELIVERED, 10))
                                    .size()
                            == 2);
        }
    }

    @Test
    @Order(6)
    void gone410DisablesTheSubscriptionAndTellsTheAdmins() throws Exception {
        try (Receiver gone = Receiver.answering(r -> Reply.status(410))) {
            SubscriptionId id = admin(() -> push.create(settings("Former partner", gone.uri())))
                    .subscription()
                    .id();
            publish(LanguageTag.TURKISH, "Dicle'de taşkın uyarısı", "Nehir yükseliyor.", "Diyarbakır");
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> admin(() -> push.find(id)).state() == SubscriptionState.DISABLED);

            Subscription disabled = admin(() -> push.find(id));
            assertThat(disabled.disabledReason()).isEqualTo(SubscriptionDisabled.GONE);
            assertThat(only(id).status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(attempts(id).getFirst().outcome()).isEqualTo(DeliveryAttempt.Outcome.GONE);
            List<AuditEvent> trail = admin(() -> audit.find(AuditQuery.forTarget("push-subscription", id.toString())));
            assertThat(trail).extracting(AuditEvent::action).contains("push-subscription.disable");

            publish(LanguageTag.ENGLISH, "Flood warning on the Tigris", "The river is rising.", "MOSUL");
            assertThat(admin(() -> push.deliveries(id, 0, null, 10)))
                    .as("a disabled subscription gets no new deliveries")
                    .hasSize(1);
            assertThat(gone.requests()).hasSize(1);
        }
    }

    @Test
    @Order(7)
    void aStorysSecondVersionNeverOvertakesItsFirstWhileOtherStoriesGoAhead() throws Exception {
        AtomicInteger firstStoryCalls = new AtomicInteger();
        String[] firstUri = new String[1];
        try (Receiver receiver = Receiver.answering(r -> {
            if (r.uri().equals(firstUri[0]) && firstStoryCalls.incrementAndGet() == 1) {
                return Reply.status(500);
            }
            return Reply.status(200);
        })) {
            SubscriptionId id = admin(() -> push.create(settings("Ordered partner", receiver.uri())))
                    .subscription()
                    .id();
            Article story = Newsroom.approvedStory(
                    articles,
                    Newsroom.story(LanguageTag.ARABIC, "انتخابات بلدية في كركوك", "بدأ التصويت صباحاً.", "كركوك"));
            firstUri[0] = "urn:newsroom-cms:article:" + story.id().value();
            Article v1 = Newsroom.asEditor(() -> articles.publish(story.id(), story.version()));
            Article v2 = Newsroom.asEditor(() -> articles.update(
                    v1.id(),
                    v1.version(),
                    Newsroom.story(
                            LanguageTag.ARABIC,
                            "انتخابات بلدية في كركوك",
                            "بدأ التصويت صباحاً وتستمر حتى المساء.",
                            "كركوك")));
            Article other = publish(LanguageTag.ENGLISH, "Kirkuk votes", "Polls opened in the morning.", "KIRKUK");

            String otherUri = "urn:newsroom-cms:article:" + other.id().value();
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> receiver.requests().stream()
                                    .anyMatch(r -> r.uri().equals(otherUri))
                            && attempts(id).stream().anyMatch(a -> a.outcome() == DeliveryAttempt.Outcome.RETRY));
            assertThat(receiver.requests())
                    .filteredOn(r -> r.uri().equals(firstUri[0]))
                    .as("version 2 waits for version 1")
                    .extracting(Receiver.Request::version)
                    .containsExactly(1);

            clock.advance(Duration.ofSeconds(6));
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> admin(() -> push.deliveries(id, 0, DeliveryStatus.DELIVERED, 10))
                                    .size()
                            == 3);
            assertThat(receiver.requests())
                    .filteredOn(r -> r.uri().equals(firstUri[0]))
                    .extracting(Receiver.Request::version)
                    .containsExactly(1, 1, v2.publicVersion());
            assertThat(v2.publicVersion()).isEqualTo(2);
        }
    }

    @Test
    @Order(8)
    void replaySendsAgainWithTheSameWebhookIdsAndNeverMakesASecondDelivery() throws Exception {
        try (Receiver receiver = Receiver.ok();
                Receiver latecomer = Receiver.ok()) {
            SubscriptionId id = admin(() -> push.create(settings("Replaying partner", receiver.uri())))
                    .subscription()
                    .id();
            long before = feed.head();
            Instant since = clock.instant();
            publish(LanguageTag.SORANI, "فێستیڤاڵی کتێب لە سلێمانی", "فێستیڤاڵەکە سبەینێ دەست پێدەکات.", "سلێمانی");
            publish(LanguageTag.TURKISH, "Mardin'de kitap fuarı", "Fuar yarın başlıyor.", "Mardin");
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 2);
            Receiver.awaitDelivered(push, id, 2, PROMPTLY);
            List<String> ids = receiver.requests().stream()
                    .map(Receiver.Request::webhookId)
                    .sorted()
                    .toList();

            SubscriptionId lateId = admin(() -> push.create(settings("Late partner", latecomer.uri())))
                    .subscription()
                    .id();
            assertThat(admin(() -> push.replay(id, before))).isEqualTo(2);
            assertThat(admin(() -> push.replaySince(lateId, since)))
                    .as("made for the first time")
                    .isEqualTo(2);
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> receiver.requests().size() == 4
                            && latecomer.requests().size() == 2);

            assertThat(receiver.requests().subList(2, 4))
                    .extracting(Receiver.Request::webhookId)
                    .containsExactlyInAnyOrderElementsOf(ids);
            // Two stories: sent side by side, so in either order (only a story's own versions queue).
            assertThat(latecomer.requests())
                    .extracting(Receiver.Request::sequence)
                    .containsExactlyInAnyOrder(before + 1, before + 2);
            assertThat(jdbc.sql("select count(*) from (select 1 from push_delivery group by subscription_id, sequence"
                                    + " having count(*) > 1) twice")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThatThrownBy(() -> jdbc.sql("insert into push_delivery (id, subscription_id, sequence, article_id,"
                                    + " event, public_version, language, entry_at, status, next_attempt_at, created_at)"
                                    + " select gen_random_uuid(), subscription_id, sequence, article_id, event,"
                                    + " public_version, language, entry_at, 'PENDING', now(), now()"
                                    + " from push_delivery where subscription_id = ? limit 1")
                            .param(id.value())
                            .update())
                    .isInstanceOf(DuplicateKeyException.class);
        }
    }

    @Test
    @Order(9)
    void filtersPickLanguagesSectionsAndEvents() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            SubscriptionSettings kurdishKills = new SubscriptionSettings(
                    "Sorani desk",
                    receiver.uri(),
                    EnumSet.of(PushEvent.PUBLISH, PushEvent.KILL),
                    Set.of("ckb"),
                    Set.of("news"),
                    PayloadForm.NOTICE);
            SubscriptionId id =
                    admin(() -> push.create(kurdishKills)).subscription().id();
            Article sorani = publish(LanguageTag.SORANI, "باران لە دهۆک", "باران هەموو شەو باری.", "دهۆک");
            publish(LanguageTag.ENGLISH, "Rain in Duhok", "It rained all night.", "DUHOK");
            Article updated = Newsroom.asEditor(() -> articles.update(
                    sorani.id(),
                    sorani.version(),
                    Newsroom.story(LanguageTag.SORANI, "باران لە دهۆک", "باران تا بەیانی باری.", "دهۆک")));
            Newsroom.asEditor(() -> articles.kill(updated.id(), updated.version(), "سەرچاوەکە هەڵە بوو"));

            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 2);
            assertThat(receiver.requests())
                    .extracting(r -> r.json().get("type").asString())
                    .containsExactly("article.published", "article.killed");
            assertThat(receiver.requests()
                            .get(1)
                            .json()
                            .get("data")
                            .get("notice")
                            .asString())
                    .isEqualTo("سەرچاوەکە هەڵە بوو");
            assertThat(admin(() -> push.deliveries(id, 0, null, 10))).hasSize(2);
        }
    }

    @Test
    @Order(10)
    void onlyAdminsManageSubscriptionsAndBadSettingsAreRefused() {
        URI endpoint = URI.create("http://127.0.0.1:9/hooks");
        assertThatThrownBy(() -> Newsroom.asEditor(() -> {
                    push.create(settings("Editor's partner", endpoint));
                    return null;
                }))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> settings(" ", endpoint)).isInstanceOf(InvalidSubscription.class);
        assertThatThrownBy(() -> new SubscriptionSettings(
                        "No events", endpoint, Set.of(), Set.of(), Set.of(), PayloadForm.NOTICE))
                .isInstanceOf(InvalidSubscription.class);
        assertThatThrownBy(() -> new SubscriptionSettings(
                        "Bad language",
                        endpoint,
                        Set.of(PushEvent.KILL),
                        Set.of("arabic!"),
                        Set.of(),
                        PayloadForm.NOTICE))
                .isInstanceOf(InvalidSubscription.class);
        assertThatThrownBy(() ->
                        admin(() -> push.create(settings("Metadata", URI.create("http://169.254.169.254/latest")))))
                .isInstanceOf(EndpointRefused.class)
                .hasMessageContaining("link-local");
        assertThat(admin(() -> push.list())).isEmpty();
    }

    @Test
    @Order(11)
    void aPausedSubscriptionHoldsItsDeliveriesAndSendsThemInOrderWhenResumed() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            SubscriptionId id = admin(() -> push.create(settings("Pausing partner", receiver.uri())))
                    .subscription()
                    .id();
            assertThat(admin(() -> push.pause(id)).state()).isEqualTo(SubscriptionState.PAUSED);
            publish(LanguageTag.ARABIC, "معرض للصور في دهوك", "يفتتح المعرض مساء الخميس.", "دهوك");
            publish(LanguageTag.TURKISH, "Duhok'ta fotoğraf sergisi", "Sergi perşembe açılıyor.", "Duhok");
            assertThat(admin(() -> push.deliveries(id, 0, DeliveryStatus.PENDING, 10)))
                    .hasSize(2);
            Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(PROMPTLY)
                    .until(() -> receiver.requests().isEmpty());

            assertThat(admin(() -> push.resume(id)).state()).isEqualTo(SubscriptionState.ACTIVE);
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 2);
            assertThat(receiver.requests())
                    .extracting(r -> r.json().get("data").get("language").asString())
                    .containsExactlyInAnyOrder("ar", "tr");
        }
    }

    @Test
    @Order(12)
    void aSubscriptionFailingFor72HoursIsDisabled() throws Exception {
        try (Receiver broken = Receiver.answering(r -> Reply.status(500))) {
            SubscriptionId id = admin(() -> push.create(settings("Broken partner", broken.uri())))
                    .subscription()
                    .id();
            publish(LanguageTag.SORANI, "کارەبا لە کەرکووک بڕا", "کارەبا دوو کاتژمێر بڕا.", "کەرکووک");
            Awaitility.await().atMost(PROMPTLY).until(() -> attempts(id).size() == 1);
            Instant failingSince = admin(() -> push.find(id)).failingSince();
            assertThat(failingSince).isNotNull();
            assertThat(admin(() -> push.find(id)).state()).isEqualTo(SubscriptionState.ACTIVE);

            clock.advance(Duration.ofHours(72).plusMinutes(1));
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> admin(() -> push.find(id)).state() == SubscriptionState.DISABLED);
            assertThat(admin(() -> push.find(id)).disabledReason()).isEqualTo("failing-since " + failingSince);
            assertThat(attempts(id)).hasSize(2);
        }
    }

    @Test
    @Order(13)
    void aDeliveryLeftByADeadWorkerIsSentWhenItsLeaseRunsOutWithTheSameWebhookId() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            SubscriptionId id = admin(() -> push.create(settings("Patient partner", receiver.uri())))
                    .subscription()
                    .id();
            admin(() -> push.pause(id));
            publish(LanguageTag.ENGLISH, "Power cut in Kirkuk", "Power was off for two hours.", "KIRKUK");
            Delivery held = only(id);
            // As a worker that claimed it and died (kill -9) would leave it: leased for ten minutes.
            jdbc.sql("update push_delivery set lease_until = ? where id = ?")
                    .params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(10))), held.id())
                    .update();
            admin(() -> push.resume(id));
            Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(PROMPTLY)
                    .until(() -> receiver.requests().isEmpty());

            clock.advance(Duration.ofMinutes(11));
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 1);
            assertThat(receiver.requests().getFirst().webhookId()).isEqualTo(held.webhookId());
            Receiver.awaitDelivered(push, id, 1, PROMPTLY);
        }
    }

    @Test
    @Order(14)
    void aBurstLargerThanALanesBatchesArrivesOnceEachAndIsLoggedOnce() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            SubscriptionId id = admin(() -> push.create(settings("Busy partner", receiver.uri())))
                    .subscription()
                    .id();
            admin(() -> push.pause(id));
            List<String[]> stories = List.of(
                    new String[] {"en", "Ferry service resumes on the lake", "The first boat left at dawn.", "DUKAN"},
                    new String[] {"ar", "استئناف رحلات العبّارة في البحيرة", "غادر أول قارب عند الفجر.", "دوكان"},
                    new String[] {
                        "ckb", "گەشتی بەلەم لە دەریاچەکە دەستی پێکردەوە", "یەکەم بەلەم بەیانی زوو ڕۆیشت.", "دوکان"
                    },
                    new String[] {
                        "tr", "Göldeki feribot seferleri yeniden başladı", "İlk tekne şafakta kalktı.", "Dukan"
                    });
            int rounds = 4; // 16 deliveries: more than a lane holds at once (3 x concurrency 4)
            for (int round = 1; round <= rounds; round++) {
                for (String[] story : stories) {
                    publish(LanguageTag.of(story[0]), story[1] + " " + round, story[2], story[3]);
                }
            }
            int expected = rounds * stories.size();
            assertThat(admin(() -> push.deliveries(id, 0, DeliveryStatus.PENDING, 100)))
                    .hasSize(expected);

            admin(() -> push.resume(id));
            Receiver.awaitDelivered(push, id, expected, PROMPTLY);
            assertThat(receiver.requests())
                    .as("each delivery sent once")
                    .hasSize(expected)
                    .extracting(Receiver.Request::webhookId)
                    .doesNotHaveDuplicates();
            assertThat(attempts(id))
                    .as("each attempt logged once, as delivered")
                    .hasSize(expected)
                    .allSatisfy(a -> assertThat(a.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED));
        }
    }

    private Article publish(LanguageTag language, String headline, String body, String place) {
        return Newsroom.publishedStory(articles, Newsroom.story(language, headline, body, place));
    }

    private Delivery only(SubscriptionId id) {
        List<Delivery> all = admin(() -> push.deliveries(id, 0, null, 10));
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private List<DeliveryAttempt> attempts(SubscriptionId id) {
        return admin(() -> push.attempts(id, false, 50));
    }

    static SubscriptionSettings settings(String name, URI endpoint) {
        return new SubscriptionSettings(
                name, endpoint, EnumSet.allOf(PushEvent.class), Set.of(), Set.of(), PayloadForm.NOTICE);
    }

    static <T> T admin(Supplier<T> action) {
        return Newsroom.as("hana", action, Role.ADMIN);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        OffsetClock offsetClock() {
            return new OffsetClock();
        }
    }
}
