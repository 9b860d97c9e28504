package news.cms.core.push;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import news.cms.core.partnerkey.PartnerKeyId;
import org.jspecify.annotations.Nullable;

/**
 * What an admin sets on a subscription. Rejects bad values here; whether the endpoint may be
 * reached at all (scheme, addresses) is the SSRF guard's decision, made when saving and again at
 * every connection.
 *
 * @param languages primary language subtags ({@code ar}, {@code ckb}); every language when empty
 * @param sections section names; every section when empty
 * @param partnerKey the partner key whose holder may replay this subscription through the public API
 */
public record SubscriptionSettings(
        String name,
        URI endpoint,
        Set<PushEvent> events,
        Set<String> languages,
        Set<String> sections,
        PayloadForm payload,
        @Nullable PartnerKeyId partnerKey) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SECTION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,59}");

    public SubscriptionSettings {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidSubscription("name", "a name of 1 to 100 characters");
        }
        if (endpoint == null || endpoint.toString().length() > 2000) {
            throw new InvalidSubscription("endpoint", "an absolute URL of at most 2000 characters");
        }
        if (events == null || events.isEmpty()) {
            throw new InvalidSubscription("events", "at least one event");
        }
        events = Set.copyOf(events);
        languages = languages == null
                ? Set.of()
                : languages.stream()
                        .map(l -> l.strip().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new InvalidSubscription("languages", "primary language subtags such as en, ar, ckb, tr");
            }
        }
        sections = sections == null
                ? Set.of()
                : sections.stream().map(String::strip).collect(Collectors.toUnmodifiableSet());
        for (String section : sections) {
            if (!SECTION.matcher(section).matches()) {
                throw new InvalidSubscription("sections", "section names of letters, digits, spaces, - and _");
            }
        }
        if (payload == null) {
            throw new InvalidSubscription("payload", "a payload form");
        }
    }

    /** Settings not linked to a partner key. */
    public SubscriptionSettings(
            String name,
            URI endpoint,
            Set<PushEvent> events,
            Set<String> languages,
            Set<String> sections,
            PayloadForm payload) {
        this(name, endpoint, events, languages, sections, payload, null);
    }
}
