package news.cms.core.push.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import news.cms.core.audit.AuditLog;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.observability.Meters;
import news.cms.core.push.DeliveryAttempt.Outcome;
import news.cms.core.push.PushProperties;
import news.cms.core.push.Subscription;
import news.cms.core.push.SubscriptionDisabled;
import news.cms.core.push.SubscriptionId;
import news.cms.core.push.SubscriptionState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Each subscription with work gets a lane (a virtual thread) on this instance
 * that claims up to {@code concurrency} deliveries at a time (a lease, {@code FOR UPDATE SKIP
 * LOCKED}, so other instances take others), sends them at once, records each attempt and loops
 * until nothing is due. Lanes never wait on each other: a dead or slow endpoint holds only its own
 * lane. A story's deliveries go out one after another in feed order (the claim takes only the
 * earliest open delivery of a story). A worker that dies leaves leases that run out; the delivery
 * is then sent again with the same {@code webhook-id}.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Delivery attempts, by {@code outcome} (delivered, retry, failed, gone). */
    public static final String ATTEMPTS = "cms.push.attempts";

    /** How long partners' endpoints took to answer (or to fail). */
    public static final String LATENCY = "cms.push.latency";

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final WebhookSender sender;
    private final NoticePayload payloads;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PushProperties properties;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final Set<SubscriptionId> busy = ConcurrentHashMap.newKeySet();
    /** Lanes found busy by a dispatch: work may have come after their last claim, so they look again. */
    private final Set<SubscriptionId> again = ConcurrentHashMap.newKeySet();

    private final MeterRegistry meters;
    private final Timer latency;
    private volatile @Nullable ExecutorService lanes;

    DeliveryWorker(
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            WebhookSender sender,
            NoticePayload payloads,
            TransactionTemplate transactions,
            AuditLog audit,
            ApplicationEventPublisher events,
            PushProperties properties,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        this.meters = Meters.registry(meters);
        this.latency = Timer.builder(LATENCY)
                .description("Time partners' endpoints took to answer a delivery, or to fail")
                .register(this.meters);
        for (Outcome outcome : Outcome.values()) {
            attempts(outcome);
        }
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.payloads = payloads;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.schedule = new RetrySchedule(
                properties.retrySchedule(),
                properties.jitter(),
                properties.maxRetryAfter(),
                () -> ThreadLocalRandom.current().nextDouble());
        // Longer than any one attempt can take (the sender's deadline), with room for the database.
        this.lease = properties
                .connectTimeout()
                .plus(properties.requestTimeout())
                .multipliedBy(2)
                .plusSeconds(30);
    }

    @Scheduled(fixedDelayString = "${cms.push.poll-interval:250ms}")
    void poll() {
        dispatch();
    }

    /** Looks for due work now rather than at the next poll (a delivery was just committed here). */
    void wake() {
        ExecutorService running = lanes;
        if (running != null) {
            try {
                running.execute(this::dispatch);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down: the next start polls
            }
        }
    }

    /** Wakes the worker once the caller's transaction commits (work was queued in it). */
    public void wakeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    /** Another instance wrote feed entries (and so perhaps deliveries): look now. */
    @EventListener
    void on(ChangeNotice notice) {
        if ("feed_entry".equals(notice.table()) || notice.affectsAll("feed_entry")) {
            wake();
        }
    }

    private void dispatch() {
        ExecutorService running = lanes;
        if (running == null) {
            return;
        }
        List<SubscriptionId> due;
        try {
            Instant now = clock.instant();
            due = transactions.execute(tx -> deliveries.dueSubscriptions(now, payloads.makesNinjs()));
        } catch (RuntimeException e) {
            log.warn("push: could not look for due deliveries: {}", e.toString());
            return;
        }
        for (SubscriptionId id : due == null ? List.<SubscriptionId>of() : due) {
            if (!busy.add(id)) {
                again.add(id);
            } else {
                try {
                    running.execute(() -> {
                        try {
                            drain(id);
                        } catch (RuntimeException e) {
                            log.warn("push: lane of subscription {} stopped: {}", id, e.toString());
                        } finally {
                            busy.remove(id);
                            if (again.remove(id)) {
                                wake();
                            }
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    busy.remove(id);
                    return;
                }
            }
        }
    }

    /** Sends the subscription's due deliveries until none is left. */
    private void drain(SubscriptionId id) {
        while (lanes != null && !Thread.currentThread().isInterrupted()) {
            Instant now = clock.instant();
            List<DeliveryRepository.Claimed> batch = transactions.execute(
                    tx -> deliveries.claim(id, now, now.plus(lease), properties.concurrency(), payloads.makesNinjs()));
            if (batch == null || batch.isEmpty()) {
                return;
            }
            Optional<Subscription> subscription = subscriptions.find(id);
            List<String> secrets = subscriptions.secrets(id, now);
            if (subscription.isEmpty() || secrets.isEmpty()) {
                return; // deleted meanwhile: its deliveries went with it
            }
            if (batch.size() == 1) {
                deliver(subscription.get(), secrets, batch.getFirst());
                continue;
            }
            List<Future<?>> inFlight = new ArrayList<>();
            ExecutorService running = lanes;
            for (DeliveryRepository.Claimed delivery : batch) {
                if (running == null) {
                    return;
                }
                inFlight.add(running.submit(() -> deliver(subscription.get(), secrets, delivery)));
            }
            for (Future<?> f : inFlight) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn(
                            "push: a delivery of subscription {} failed to record: {}",
                            id,
                            e.getCause().toString());
                }
            }
        }
    }

    private void deliver(Subscription subscription, List<String> secrets, DeliveryRepository.Claimed delivery) {
        String body = payloads.body(delivery, subscription.payload());
        Instant sentAt = clock.instant();
        long timestamp = sentAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSecrets.signature(secrets, delivery.webhookId(), timestamp, body));
        WebhookSender.Result result = sender.send(subscription.endpoint(), headers, body);
        Outcome outcome = transactions.execute(tx -> record(subscription, delivery, result));
        latency.record(Duration.ofMillis(result.latencyMillis()));
        if (outcome != null) {
            attempts(outcome).increment();
        }
    }

    private Counter attempts(Outcome outcome) {
        return Counter.builder(ATTEMPTS)
                .description("Push delivery attempts, by outcome")
                .tag("outcome", Meters.tag(outcome))
                .register(meters);
    }

    private Outcome record(
            Subscription subscription, DeliveryRepository.Claimed delivery, WebhookSender.Result result) {
        SubscriptionId id = subscription.id();
        Instant now = clock.instant();
        Integer status = result.status();
        if (status != null && status >= 200 && status <= 299) {
            deliveries.finish(delivery.id(), id, now, Outcome.DELIVERED, status, result.latencyMillis(), null, null);
            subscriptions.healthy(id);
            return Outcome.DELIVERED;
        }
        if (status != null && status == 410) {
            deliveries.finish(
                    delivery.id(), id, now, Outcome.GONE, status, result.latencyMillis(), result.error(), null);
            disable(subscription, SubscriptionDisabled.Cause.GONE, "the endpoint answered 410 Gone", now);
            return Outcome.GONE;
        }
        boolean retryable = status == null
                || status >= 500
                || status < 200
                || status == 408
                || status == 429
                || (status >= 300 && status < 400);
        Optional<Instant> next =
                retryable ? schedule.next(delivery.attempts() + 1, now, result.retryAfter()) : Optional.empty();
        String error = result.error();
        if (retryable && next.isEmpty()) {
            error = error + "; retries used up";
        }
        Outcome outcome = next.isPresent() ? Outcome.RETRY : Outcome.FAILED;
        deliveries.finish(delivery.id(), id, now, outcome, status, result.latencyMillis(), error, next.orElse(null));
        Instant failingSince = subscriptions.failing(id, now);
        if (Duration.between(failingSince, now).compareTo(properties.disableAfter()) >= 0) {
            disable(
                    subscription,
                    SubscriptionDisabled.Cause.FAILING,
                    "every attempt failed since " + failingSince,
                    now);
        }
        return outcome;
    }

    private void disable(Subscription subscription, SubscriptionDisabled.Cause cause, String reason, Instant now) {
        if (subscriptions.disable(subscription.id(), reason, now)) {
            log.warn("push: subscription {} ({}) disabled: {}", subscription.id(), subscription.name(), reason);
            audit.record(
                    "push-worker",
                    "push-subscription.disable",
                    "push-subscription",
                    subscription.id().toString(),
                    Map.of("reason", reason, "state", SubscriptionState.DISABLED.name()));
            events.publishEvent(new SubscriptionDisabled(subscription.id(), subscription.name(), cause, reason, now));
        }
    }

    @Override
    public void start() {
        if (properties.workerEnabled()) {
            lanes = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("push-", 0).factory());
        }
    }

    @Override
    public void stop() {
        ExecutorService running = lanes;
        lanes = null;
        if (running != null) {
            running.shutdownNow();
            try {
                // Attempts in flight end at their deadline at the latest; their leases cover the rest.
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return lanes != null;
    }
}
