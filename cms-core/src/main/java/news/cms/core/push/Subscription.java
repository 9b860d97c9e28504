package news.cms.core.push;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import news.cms.core.partnerkey.PartnerKeyId;
import org.jspecify.annotations.Nullable;

/**
 * A partner's push subscription as admins see it; its secret is never part of it.
 *
 * @param previousSecretUntil while set and in the future, deliveries carry a second signature made
 *     with the secret before the last rotation
 * @param failingSince the first failed attempt since the last success, none while healthy
 * @param partnerKey the partner key that may replay it through the public API, if linked
 */
public record Subscription(
        SubscriptionId id,
        String name,
        URI endpoint,
        Set<PushEvent> events,
        Set<String> languages,
        Set<String> sections,
        PayloadForm payload,
        SubscriptionState state,
        @Nullable String disabledReason,
        @Nullable Instant previousSecretUntil,
        @Nullable Instant failingSince,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        @Nullable PartnerKeyId partnerKey) {

    public Subscription {
        events = Set.copyOf(events);
        languages = Set.copyOf(languages);
        sections = Set.copyOf(sections);
    }

    /** The settings it was made with, to edit. */
    public SubscriptionSettings settings() {
        return new SubscriptionSettings(name, endpoint, events, languages, sections, payload, partnerKey);
    }
}
