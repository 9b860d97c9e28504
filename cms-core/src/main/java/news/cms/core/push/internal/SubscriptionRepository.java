package news.cms.core.push.internal;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import news.cms.core.partnerkey.PartnerKeyId;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushEvent;
import news.cms.core.push.Subscription;
import news.cms.core.push.SubscriptionId;
import news.cms.core.push.SubscriptionSettings;
import news.cms.core.push.SubscriptionState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Push subscriptions in PostgreSQL; secrets are read only by the worker, through {@link #secrets}. */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS = "id, name, endpoint, events, languages, sections, payload, state,"
            + " disabled_reason, previous_secret_until, failing_since, created_at, created_by, updated_at, updated_by,"
            + " partner_key_id";

    private final JdbcClient jdbc;
    private final SecretBox box;

    SubscriptionRepository(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    public void insert(Subscription s, String secret) {
        jdbc.sql("insert into push_subscription (id, name, endpoint, secret, events, languages, sections, payload,"
                        + " state, created_at, created_by, updated_at, updated_by, partner_key_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id().value(),
                        s.name(),
                        s.endpoint().toString(),
                        box.seal(secret, s.id().toString()),
                        names(s.events()),
                        s.languages().stream().sorted().toArray(String[]::new),
                        s.sections().stream().sorted().toArray(String[]::new),
                        s.payload().name(),
                        s.state().name(),
                        Timestamp.from(s.createdAt()),
                        s.createdBy(),
                        Timestamp.from(s.updatedAt()),
                        s.updatedBy(),
                        s.partnerKey() == null ? null : s.partnerKey().value())
                .update();
    }

    public boolean update(SubscriptionId id, SubscriptionSettings settings, Instant at, String by) {
        return jdbc.sql("update push_subscription set name = ?, endpoint = ?, events = ?, languages = ?, sections = ?,"
                                + " payload = ?, updated_at = ?, updated_by = ?, partner_key_id = ? where id = ?")
                        .params(
                                settings.name(),
                                settings.endpoint().toString(),
                                names(settings.events()),
                                settings.languages().stream().sorted().toArray(String[]::new),
                                settings.sections().stream().sorted().toArray(String[]::new),
                                settings.payload().name(),
                                Timestamp.from(at),
                                by,
                                settings.partnerKey() == null
                                        ? null
                                        : settings.partnerKey().value(),
                                id.value())
                        .update()
                == 1;
    }

    /** The subscription linked to a partner key, if any (a key links to one at most). */
    public Optional<Subscription> findByPartnerKey(PartnerKeyId key) {
        return jdbc.sql("select " + COLUMNS + " from push_subscription where partner_key_id = ?")
                .param(key.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The new secret signs from now on; the current one also signs until {@code overlapUntil}. */
    public boolean rotate(SubscriptionId id, String secret, Instant overlapUntil, Instant at, String by) {
        return jdbc.sql("update push_subscription set previous_secret = secret, previous_secret_until = ?,"
                                + " secret = ?, updated_at = ?, updated_by = ? where id = ?")
                        .params(
                                Timestamp.from(overlapUntil),
                                box.seal(secret, id.toString()),
                                Timestamp.from(at),
                                by,
                                id.value())
                        .update()
                == 1;
    }

    /** A new state; going active again forgets the failures that disabled it. */
    public boolean changeState(
            SubscriptionId id, SubscriptionState state, @Nullable String reason, Instant at, String by) {
        return jdbc.sql("update push_subscription set state = ?, disabled_reason = ?, updated_at = ?, updated_by = ?,"
                                + " failing_since = case when ? = 'ACTIVE' then null else failing_since end"
                                + " where id = ?")
                        .params(state.name(), reason, Timestamp.from(at), by, state.name(), id.value())
                        .update()
                == 1;
    }

    /** Disables an active subscription; false if it was not active (already disabled or paused). */
    public boolean disable(SubscriptionId id, String reason, Instant at) {
        return jdbc.sql("update push_subscription set state = 'DISABLED', disabled_reason = ?, updated_at = ?,"
                                + " updated_by = 'push-worker' where id = ? and state = 'ACTIVE'")
                        .params(reason, Timestamp.from(at), id.value())
                        .update()
                == 1;
    }

    /** Records a failed attempt; when the subscription has been failing since. */
    public Instant failing(SubscriptionId id, Instant at) {
        return jdbc.sql("update push_subscription set failing_since = coalesce(failing_since, ?) where id = ?"
                        + " returning failing_since")
                .params(Timestamp.from(at), id.value())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(at);
    }

    /** Removes it; its deliveries and their log go with it (on delete cascade). */
    public void delete(SubscriptionId id) {
        jdbc.sql("delete from push_subscription where id = ?").param(id.value()).update();
    }

    public Optional<Subscription> find(SubscriptionId id) {
        return jdbc.sql("select " + COLUMNS + " from push_subscription where id = ?")
                .param(id.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    public List<Subscription> all() {
        return jdbc.sql("select " + COLUMNS + " from push_subscription order by lower(name), id")
                .query((rs, n) -> map(rs))
                .list();
    }

    /** A subscription and the secrets to sign with at {@code now}, in one look-up (the worker's, per claim). */
    record Sending(Subscription subscription, List<String> secrets) {}

    /**
     * The subscription with the secrets to sign with at {@code now} (the current one, and the previous
     * one during its overlap); empty once it is deleted.
     */
    Optional<Sending> sending(SubscriptionId id, Instant now) {
        return jdbc.sql("select " + COLUMNS + ", secret, previous_secret from push_subscription where id = ?")
                .param(id.value())
                .query((rs, n) -> new Sending(map(rs), secrets(rs, id, now)))
                .optional();
    }

    private List<String> secrets(ResultSet rs, SubscriptionId id, Instant now) throws SQLException {
        String current = box.open(rs.getString("secret"), id.toString());
        Timestamp until = rs.getTimestamp("previous_secret_until");
        if (until == null || !until.toInstant().isAfter(now)) {
            return List.of(current);
        }
        return List.of(current, box.open(rs.getString("previous_secret"), id.toString()));
    }

    private static String[] names(Set<PushEvent> events) {
        return events.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        return new Subscription(
                new SubscriptionId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                URI.create(rs.getString("endpoint")),
                strings(rs.getArray("events")).stream().map(PushEvent::valueOf).collect(Collectors.toSet()),
                Set.copyOf(strings(rs.getArray("languages"))),
                Set.copyOf(strings(rs.getArray("sections"))),
                PayloadForm.valueOf(rs.getString("payload")),
                SubscriptionState.valueOf(rs.getString("state")),
                rs.getString("disabled_reason"),
                instant(rs.getTimestamp("previous_secret_until")),
                instant(rs.getTimestamp("failing_since")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"),
                rs.getObject("partner_key_id") == null
                        ? null
                        : new PartnerKeyId(rs.getObject("partner_key_id", UUID.class)));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
