package news.cms.core.push.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
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
 * that claims due deliveries (a lease, {@code FOR UPDATE SKIP LOCKED}, so other instances take
 * others), keeps up to {@code concurrency} of them in flight, records the ended attempts together
 * in the transaction of its next claim, and loops until nothing is due. Lanes never wait on each other: a dead or slow endpoint holds only its own
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
    /**
     * The lanes' transactions at once, whatever the number of lanes: the worker shares the app's
     * connection pool (10), so it takes at most this many of its connections for recording and
     * claiming (plus one for the look-up of due work).
     */
    static final int CONNECTIONS = 2;

    /**
     * A lane holds at most this many times {@code concurrency} claimed deliveries (in flight or next),
     * so that each of its transactions records and claims several.
     */
    private static final int HELD = 3;

    /** A lane gives up after this many failed transactions in a row (its leases then run out). */
    private static final int STEP_TRIES = 5;

    private static final Duration STEP_BACKOFF = Duration.ofMillis(250);

    private final Semaphore connections = new Semaphore(CONNECTIONS, true);
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
        // Longer than a claimed delivery can wait in its lane and then take (HELD sender's deadlines
        // at most: the lane holds HELD x concurrency and sends concurrency at once), with room for
        // the database.
        this.lease = properties
                .connectTimeout()
                .plus(properties.requestTimeout())
                .multipliedBy(HELD)
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

    /**
     * Sends the subscription's due deliveries until none is left, keeping up to {@code concurrency}
     * in flight: as an attempt ends, the next claimed delivery goes out at once, and the lane claims
     * the next ones while the last are still in flight (it holds at most {@link #HELD} times {@code concurrency},
     * leased, each the earliest open delivery of its story). Ended attempts are recorded together,
     * in the transaction of the next claim (one statement for all of them). A connection is held only
     * for that transaction, never during a send.
     */
    private void drain(SubscriptionId id) {
        int window = properties.concurrency();
        BlockingQueue<Sent> ended = new LinkedBlockingQueue<>();
        Deque<DeliveryRepository.Claimed> held = new ArrayDeque<>();
        List<Sent> unrecorded = new ArrayList<>();
        SubscriptionRepository.@Nullable Sending sending = null;
        int inFlight = 0;
        boolean exhausted = false;
        boolean claim = true;
        int failures = 0;
        try {
            while (lanes != null && !Thread.currentThread().isInterrupted()) {
                if (claim) {
                    int room = HELD * window - inFlight - held.size();
                    Step step;
                    try {
                        step = step(id, sending, unrecorded, room);
                        failures = 0;
                    } catch (RuntimeException e) {
                        // A statement timeout or no connection for a while: the attempts that ended
                        // are still to record and those in flight still end here, so try again.
                        if (++failures >= STEP_TRIES) {
                            throw e;
                        }
                        log.warn(
                                "push: subscription {}: could not record or claim, trying again: {}", id, e.toString());
                        Thread.sleep(STEP_BACKOFF.multipliedBy(failures));
                        continue;
                    }
                    unrecorded.clear();
                    if (step.gone()) {
                        return; // deleted meanwhile: its deliveries went with it
                    }
                    if (step.sending() != null) {
                        sending = step.sending();
                    }
                    held.addAll(step.claimed());
                    exhausted = step.claimed().size() < room;
                }
                ExecutorService running = lanes;
                while (inFlight < window && !held.isEmpty() && running != null && sending != null) {
                    DeliveryRepository.Claimed delivery = held.poll();
                    SubscriptionRepository.Sending with = sending;
                    running.execute(() -> ended.add(send(with, delivery)));
                    inFlight++;
                }
                if (inFlight == 0) {
                    if (exhausted) {
                        return;
                    }
                    claim = true;
                    continue;
                }
                // Wait for an attempt to end, and take every other that has too.
                int waiting = unrecorded.size();
                unrecorded.add(ended.take());
                ended.drainTo(unrecorded);
                inFlight -= unrecorded.size() - waiting;
                // Record and claim again when the held deliveries run low (a window's worth left),
                // when two windows' worth of attempts wait to be recorded, or when nothing more was
                // due (an ended attempt may let its story's next version go; more work may have come).
                claim = exhausted || inFlight + held.size() <= window || unrecorded.size() >= (HELD - 1) * window;
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            if (!unrecorded.isEmpty() && sending != null) {
                recordWhileStopping(id, sending.subscription(), unrecorded);
            }
            if (!held.isEmpty()) {
                release(id, held);
            }
        }
    }

    /** Stopping: claimed deliveries that were not sent go back to the queue at once (not at their lease's end). */
    private void release(SubscriptionId id, Collection<DeliveryRepository.Claimed> held) {
        boolean interrupted = Thread.interrupted();
        try {
            connections.acquireUninterruptibly();
            try {
                deliveries.release(
                        held.stream().map(DeliveryRepository.Claimed::id).toList());
            } finally {
                connections.release();
            }
        } catch (RuntimeException e) {
            log.warn(
                    "push: {} claimed deliveries of subscription {} wait for their lease: {}",
                    held.size(),
                    id,
                    e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stopping: what ended is recorded if it still can be; leases cover the rest. */
    private void recordWhileStopping(SubscriptionId id, Subscription subscription, List<Sent> ended) {
        boolean interrupted = Thread.interrupted();
        try {
            connections.acquireUninterruptibly();
            try {
                transactions.executeWithoutResult(tx -> record(subscription, ended));
            } finally {
                connections.release();
            }
            count(ended);
        } catch (RuntimeException e) {
            log.warn("push: {} ended attempts of subscription {} not recorded: {}", ended.size(), id, e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What one transaction of a lane gave: the subscription with its secrets as they are now (read
     * only when something was claimed), the deliveries claimed, and whether the subscription is gone.
     */
    private record Step(
            SubscriptionRepository.@Nullable Sending sending, List<DeliveryRepository.Claimed> claimed, boolean gone) {}

    /** One transaction: records the ended attempts, then claims up to {@code room} due deliveries. */
    private Step step(SubscriptionId id, SubscriptionRepository.@Nullable Sending known, List<Sent> ended, int room)
            throws InterruptedException {
        connections.acquire();
        Step step;
        try {
            step = transactions.execute(tx -> {
                if (!ended.isEmpty() && known != null) {
                    record(known.subscription(), ended);
                }
                Instant now = clock.instant();
                List<DeliveryRepository.Claimed> claimed =
                        room <= 0 ? List.of() : deliveries.claim(id, now, now.plus(lease), room, payloads.makesNinjs());
                if (claimed.isEmpty()) {
                    return new Step(null, claimed, false);
                }
                Optional<SubscriptionRepository.Sending> current = subscriptions.sending(id, now);
                return new Step(current.orElse(null), claimed, current.isEmpty());
            });
        } finally {
            connections.release();
        }
        count(ended);
        return step == null ? new Step(null, List.of(), true) : step;
    }

    /** An attempt that ended: what was answered, and when; no result when it could not be made. */
    private record Sent(DeliveryRepository.Claimed delivery, WebhookSender.@Nullable Result result, Instant at) {}

    /** Signs and sends one delivery; never throws (the lane waits for every attempt it started). */
    private Sent send(SubscriptionRepository.Sending sending, DeliveryRepository.Claimed delivery) {
        try {
            Subscription subscription = sending.subscription();
            String body = payloads.body(delivery, subscription.payload());
            long timestamp = clock.instant().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", delivery.webhookId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put(
                    "webhook-signature",
                    WebhookSecrets.signature(sending.secrets(), delivery.webhookId(), timestamp, body));
            WebhookSender.Result result = sender.send(subscription.endpoint(), headers, body);
            latency.record(Duration.ofMillis(result.latencyMillis()));
            return new Sent(delivery, result, clock.instant());
        } catch (RuntimeException e) {
            // Its lease runs out and it is sent again (same webhook-id).
            log.warn("push: delivery {} could not be sent: {}", delivery.webhookId(), e.toString());
            return new Sent(delivery, null, clock.instant());
        }
    }

    private void count(List<Sent> recorded) {
        for (Sent sent : recorded) {
            if (sent.result() != null) {
                attempts(outcome(sent.result())).increment();
            }
        }
    }

    private Counter attempts(Outcome outcome) {
        return Counter.builder(ATTEMPTS)
                .description("Push delivery attempts, by outcome")
                .tag("outcome", Meters.tag(outcome))
                .register(meters);
    }

    /** 2xx delivers; 410 is gone; 408, 429, 5xx, 3xx and no answer are retried; other 4xx fail. */
    private static Outcome outcome(WebhookSender.Result result) {
        Integer status = result.status();
        if (status != null && status >= 200 && status <= 299) {
            return Outcome.DELIVERED;
        }
        if (status != null && status == 410) {
            return Outcome.GONE;
        }
        boolean retryable = status == null
                || status >= 500
                || status < 200
                || status == 408
                || status == 429
                || (status >= 300 && status < 400);
        return retryable ? Outcome.RETRY : Outcome.FAILED;
    }

    /**
     * Records ended attempts of one subscription, in the order they ended, and what they mean for it:
     * a success clears its failing state; a failure after the last success starts it (and disables
     * the subscription once it has lasted {@code disableAfter}); 410 disables it.
     */
    private void record(Subscription subscription, List<Sent> ended) {
        SubscriptionId id = subscription.id();
        List<DeliveryRepository.Finished> finished = new ArrayList<>(ended.size());
        @Nullable Instant failedAt = null; // the first failure after the last success
        @Nullable Instant lastFailedAt = null;
        @Nullable Instant goneAt = null;
        for (Sent sent : ended) {
            WebhookSender.Result result = sent.result();
            if (result == null) {
                continue;
            }
            Instant at = sent.at();
            Outcome outcome = outcome(result);
            Optional<Instant> next = outcome == Outcome.RETRY
                    ? schedule.next(sent.delivery().attempts() + 1, at, result.retryAfter())
                    : Optional.empty();
            String error = result.error();
            if (outcome == Outcome.RETRY && next.isEmpty()) {
                outcome = Outcome.FAILED;
                error = error + "; retries used up";
            }
            finished.add(new DeliveryRepository.Finished(
                    sent.delivery().id(),
                    at,
                    outcome,
                    result.status(),
                    result.latencyMillis(),
                    error,
                    next.orElse(null)));
            switch (outcome) {
                case DELIVERED -> failedAt = null;
                case GONE -> goneAt = goneAt == null ? at : goneAt;
                case RETRY, FAILED -> {
                    failedAt = failedAt == null ? at : failedAt;
                    lastFailedAt = at;
                }
            }
        }
        deliveries.finish(id, finished); // a success among them clears the subscription's failing state
        if (goneAt != null) {
            disable(subscription, SubscriptionDisabled.Cause.GONE, goneAt, goneAt);
        }
        if (failedAt != null && lastFailedAt != null) {
            Instant failingSince = subscriptions.failing(id, failedAt);
            if (Duration.between(failingSince, lastFailedAt).compareTo(properties.disableAfter()) >= 0) {
                disable(subscription, SubscriptionDisabled.Cause.FAILING, failingSince, lastFailedAt);
            }
        }
    }

    private void disable(
            Subscription subscription, SubscriptionDisabled.Cause cause, Instant failingSince, Instant now) {
        String reason = SubscriptionDisabled.reason(cause, failingSince);
        if (subscriptions.disable(subscription.id(), reason, now)) {
            log.warn(
                    "push: subscription {} ({}) disabled: {}",
                    subscription.id(),
                    subscription.name(),
                    cause == SubscriptionDisabled.Cause.GONE
                            ? "the endpoint answered 410 Gone"
                            : "every attempt failed since " + failingSince);
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
