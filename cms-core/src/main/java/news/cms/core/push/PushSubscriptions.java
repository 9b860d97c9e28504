package news.cms.core.push;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import news.cms.core.account.CurrentUser;
import news.cms.core.audit.AuditLog;
import news.cms.core.feed.ChangeFeed;
import news.cms.core.partnerkey.PartnerKeyId;
import news.cms.core.push.internal.DeliveryRepository;
import news.cms.core.push.internal.DeliveryWorker;
import news.cms.core.push.internal.EndpointGuard;
import news.cms.core.push.internal.SubscriptionRepository;
import news.cms.core.push.internal.WebhookSecrets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' push subscriptions, their delivery log and replays: admins only, each change audited.
 * A new subscription gets the entries written after it was made; older ones through {@link #replay}.
 */
@Service
public class PushSubscriptions {

    /** The longest page of the delivery log or of deliveries. */
    public static final int MAX_PAGE = 500;

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final EndpointGuard guard;
    private final DeliveryWorker worker;
    private final ChangeFeed feed;
    private final AuditLog audit;
    private final PushProperties properties;
    private final Clock clock;

    PushSubscriptions(
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            EndpointGuard guard,
            DeliveryWorker worker,
            ChangeFeed feed,
            AuditLog audit,
            PushProperties properties,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.worker = worker;
        this.feed = feed;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @return the subscription, active, and its signing secret, which cannot be shown again
     * @throws EndpointRefused when the endpoint breaks the SSRF rules
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedSecret create(SubscriptionSettings settings) {
        guard.check(settings.endpoint());
        checkLink(null, settings);
        Instant now = clock.instant();
        String admin = CurrentUser.get().name();
        Subscription subscription = new Subscription(
                SubscriptionId.random(),
                settings.name(),
                settings.endpoint(),
                settings.events(),
                settings.languages(),
                settings.sections(),
                settings.payload(),
                SubscriptionState.ACTIVE,
                null,
                null,
                null,
                now,
                admin,
                now,
                admin,
                settings.partnerKey());
        String secret = WebhookSecrets.generate();
        subscriptions.insert(subscription, secret);
        audit.record(
                admin,
                "push-subscription.create",
                "push-subscription",
                subscription.id().toString(),
                details(settings));
        return new IssuedSecret(subscription, secret);
    }

    /** @throws EndpointRefused when the endpoint breaks the SSRF rules */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Subscription update(SubscriptionId id, SubscriptionSettings settings) {
        guard.check(settings.endpoint());
        checkLink(id, settings);
        String admin = CurrentUser.get().name();
        if (!subscriptions.update(id, settings, clock.instant(), admin)) {
            throw new SubscriptionNotFound(id);
        }
        audit.record(admin, "push-subscription.update", "push-subscription", id.toString(), details(settings));
        return find(id);
    }

    /**
     * A new signing secret. Deliveries carry a signature with each secret, the new one first, until
     * {@code cms.push.secret-overlap} has passed, so the partner can switch without losing one.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedSecret rotateSecret(SubscriptionId id) {
        String admin = CurrentUser.get().name();
        Instant now = clock.instant();
        Instant until = now.plus(properties.secretOverlap());
        String secret = WebhookSecrets.generate();
        if (!subscriptions.rotate(id, secret, until, now, admin)) {
            throw new SubscriptionNotFound(id);
        }
        audit.record(
                admin,
                "push-subscription.rotate-secret",
                "push-subscription",
                id.toString(),
                Map.of("overlapUntil", until.toString()));
        return new IssuedSecret(find(id), secret);
    }

    /** Holds its deliveries (they are still made) until {@link #resume}. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Subscription pause(SubscriptionId id) {
        return changeState(id, SubscriptionState.PAUSED, "push-subscription.pause");
    }

    /** Sends again, paused or disabled; what was held goes out in order. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Subscription resume(SubscriptionId id) {
        Subscription resumed = changeState(id, SubscriptionState.ACTIVE, "push-subscription.resume");
        worker.wakeAfterCommit();
        return resumed;
    }

    /** Removes it with its deliveries and their log. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(SubscriptionId id) {
        Subscription subscription = find(id);
        String admin = CurrentUser.get().name();
        subscriptions.delete(id);
        audit.record(
                admin,
                "push-subscription.delete",
                "push-subscription",
                id.toString(),
                Map.of("name", subscription.name()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Subscription> list() {
        return subscriptions.all();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Subscription find(SubscriptionId id) {
        return subscriptions.find(id).orElseThrow(() -> new SubscriptionNotFound(id));
    }

    /**
     * Delivers again every entry after feed position {@code afterSequence} that the subscription
     * matches: delivered or failed ones with their {@code webhook-id}, missing ones (made before the
     * subscription, or while it was disabled) for the first time. The number queued.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int replay(SubscriptionId id, long afterSequence) {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("a feed position is never negative");
        }
        find(id);
        String admin = CurrentUser.get().name();
        int queued = deliveries.replay(id, afterSequence, clock.instant());
        audit.record(
                admin,
                "push-subscription.replay",
                "push-subscription",
                id.toString(),
                Map.of("afterSequence", Long.toString(afterSequence), "queued", Integer.toString(queued)));
        worker.wakeAfterCommit();
        return queued;
    }

    /** As {@link #replay(SubscriptionId, long)}, from the first entry made at or after {@code since}. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int replaySince(SubscriptionId id, Instant since) {
        return replay(id, feed.positionBefore(since));
    }

    /**
     * A partner's replay through the public API, for the subscription linked to its key: from feed
     * position {@code fromSequence} on (that entry included), or from the first entry made at or after
     * {@code since}; exactly one of the two. Only a request made with a key holding the FEED scope.
     *
     * @throws NoLinkedSubscription when no subscription is linked to the key
     * @throws SubscriptionUnavailable when the linked subscription is disabled
     */
    @PreAuthorize("hasAuthority('SCOPE_FEED')")
    @Transactional
    public PartnerReplay replayForPartner(PartnerKeyId key, @Nullable Long fromSequence, @Nullable Instant since) {
        if ((fromSequence == null) == (since == null)) {
            throw new IllegalArgumentException("give either fromSequence or since, not both");
        }
        if (fromSequence != null && fromSequence < 1) {
            throw new IllegalArgumentException("fromSequence is a feed position, 1 or more");
        }
        Subscription subscription =
                subscriptions.findByPartnerKey(key).orElseThrow(() -> new NoLinkedSubscription(key));
        if (subscription.state() == SubscriptionState.DISABLED) {
            throw new SubscriptionUnavailable(subscription.id());
        }
        long after = fromSequence != null ? fromSequence - 1 : feed.positionBefore(since);
        int queued = deliveries.replay(subscription.id(), after, clock.instant());
        audit.record(
                "partner-key:" + key,
                "push-subscription.replay",
                "push-subscription",
                subscription.id().toString(),
                Map.of("afterSequence", Long.toString(after), "queued", Integer.toString(queued)));
        worker.wakeAfterCommit();
        return new PartnerReplay(subscription.id(), after, queued);
    }

    /** Its deliveries after feed position {@code afterSequence}, oldest first; of one status if given. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(
            SubscriptionId id, long afterSequence, @Nullable DeliveryStatus status, int limit) {
        return deliveries.deliveries(id, afterSequence, status, page(limit));
    }

    /** The delivery log, newest attempt first; only attempts that did not deliver if {@code failedOnly}. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<DeliveryAttempt> attempts(SubscriptionId id, boolean failedOnly, int limit) {
        return deliveries.attempts(id, failedOnly, page(limit));
    }

    /** The next page of the delivery log: attempts older than attempt {@code before}, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<DeliveryAttempt> attempts(SubscriptionId id, boolean failedOnly, long before, int limit) {
        return deliveries.attempts(id, failedOnly, before, page(limit));
    }

    /** A partner key links to one subscription at most. */
    private void checkLink(@Nullable SubscriptionId id, SubscriptionSettings settings) {
        PartnerKeyId key = settings.partnerKey();
        if (key != null
                && subscriptions
                        .findByPartnerKey(key)
                        .filter(other -> !other.id().equals(id))
                        .isPresent()) {
            throw new InvalidSubscription("partnerKey", "a partner key no other subscription is linked to");
        }
    }

    private Subscription changeState(SubscriptionId id, SubscriptionState state, String action) {
        String admin = CurrentUser.get().name();
        if (!subscriptions.changeState(id, state, null, clock.instant(), admin)) {
            throw new SubscriptionNotFound(id);
        }
        audit.record(admin, action, "push-subscription", id.toString(), Map.of("state", state.name()));
        return find(id);
    }

    private static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " rows");
        }
        return limit;
    }

    private static Map<String, String> details(SubscriptionSettings s) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", s.name());
        details.put("endpoint", s.endpoint().toString());
        details.put("events", s.events().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        details.put("languages", s.languages().stream().sorted().collect(Collectors.joining(",")));
        details.put("sections", s.sections().stream().sorted().collect(Collectors.joining(",")));
        details.put("payload", s.payload().name());
        details.put("partnerKey", s.partnerKey() == null ? "" : s.partnerKey().toString());
        return details;
    }
}
