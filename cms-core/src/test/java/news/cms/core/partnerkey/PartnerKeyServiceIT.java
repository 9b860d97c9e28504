package news.cms.core.partnerkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import news.cms.core.account.Role;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.partnerkey.internal.KnownKeys;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@CmsIntegrationTest
class PartnerKeyServiceIT {

    static final String ADMIN = "hevi";

    @Autowired
    PartnerKeyService keys;

    @Autowired
    KnownKeys known;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    IssuedPartnerKey issue(String name, Set<PartnerScope> scopes, Instant expiresAt) {
        return asAdmin(() -> keys.issue(new NewPartnerKey(name, scopes, expiresAt, 600)));
    }

    Instant lastUse(IssuedPartnerKey issued) {
        return asAdmin(keys::list).stream()
                .filter(k -> k.id().equals(issued.key().id()))
                .findFirst()
                .orElseThrow()
                .lastUsedAt();
    }

    static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return Newsroom.as(ADMIN, action, Role.ADMIN);
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsAHash() {
        IssuedPartnerKey issued = issue("Rudaw ھەواڵ feed", EnumSet.of(PartnerScope.FEED), null);

        assertThat(issued.secret()).startsWith("cmsk_" + issued.key().prefix() + "_");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        String stored = jdbc.sql("select row_to_json(k)::text from partner_key k where id = ?")
                .param(issued.key().id().value())
                .query(String.class)
                .single();
        assertThat(stored)
                .doesNotContain(issued.secret().substring(14))
                .contains(issued.key().prefix());

        List<PartnerKey> listed = asAdmin(keys::list);
        assertThat(listed).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo("Rudaw ھەواڵ feed");
            assertThat(k.scopes()).containsExactly(PartnerScope.FEED);
            assertThat(k.createdBy()).isEqualTo(ADMIN);
            assertThat(k.revokedAt()).isNull();
        });
        assertThat(keys.verify(issued.secret())).isEqualTo(new KeyCheck.Valid(issued.key()));
    }

    @Test
    void anythingButTheExactSecretIsUnknown() {
        IssuedPartnerKey issued = issue("Anadolu partner", Set.of(), null);
        String secret = issued.secret();
        String lastCharChanged = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");

        assertThat(keys.verify(lastCharChanged)).isInstanceOf(KeyCheck.Unknown.class);
        assertThat(keys.verify(secret.toUpperCase())).isInstanceOf(KeyCheck.Unknown.class);
        assertThat(keys.verify("")).isInstanceOf(KeyCheck.Unknown.class);
        assertThat(keys.verify("cmsk_aaaaaaaa_" + "x".repeat(43))).isInstanceOf(KeyCheck.Unknown.class);
        assertThat(keys.verify(secret + " ")).isInstanceOf(KeyCheck.Unknown.class);
    }

    @Test
    void revocationWorksAtOnceAndIsAudited() {
        IssuedPartnerKey issued =
                issue("Al Jazeera مباشر", EnumSet.of(PartnerScope.FEED, PartnerScope.EMBARGOED), null);
        assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Valid.class);

        PartnerKey revoked = asAdmin(() -> keys.revoke(issued.key().id()));

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Revoked.class);
        List<AuditEvent> trail = asAdmin(() ->
                audit.find(AuditQuery.forTarget("partner-key", issued.key().id().toString())));
        assertThat(trail)
                .extracting(AuditEvent::action)
                .containsExactlyInAnyOrder("partner-key.issue", "partner-key.revoke");
        assertThat(trail).allSatisfy(e -> assertThat(e.actor()).isEqualTo(ADMIN));
    }

    @Test
    void aRevocationByAnotherAppReachesThisOneThroughTheDatabase() {
        IssuedPartnerKey issued = issue("Hürriyet ortak akışı", EnumSet.of(PartnerScope.FEED), null);
        assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Valid.class); // now cached here

        // Another JVM revokes it: only the database and its change notice connect the two.
        jdbc.sql("update partner_key set revoked_at = now(), revoked_by = 'other-app' where id = ?")
                .param(issued.key().id().value())
                .update();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Revoked.class));
    }

    @Test
    void anExpiredKeyStopsWorking() {
        IssuedPartnerKey issued = issue(
                "Trial for a week",
                EnumSet.of(PartnerScope.FEED),
                clock.instant().plusSeconds(3600));
        assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Valid.class);

        jdbc.sql("update partner_key set expires_at = now() - interval '1 second' where id = ?")
                .param(issued.key().id().value())
                .update();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Expired.class));
    }

    @Test
    void aKeyCannotBeIssuedAlreadyExpiredNorWithBadValues() {
        int before = asAdmin(keys::list).size();
        Instant past = clock.instant().minusSeconds(1);
        assertThatThrownBy(() -> issue("Late", Set.of(), past)).isInstanceOf(InvalidExpiry.class);
        assertThatThrownBy(() -> new NewPartnerKey("  ", Set.of(), null, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewPartnerKey("x".repeat(101), Set.of(), null, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewPartnerKey("Zero", Set.of(), null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(asAdmin(keys::list)).hasSize(before);
    }

    @Test
    void onlyAdminsIssueListAndRevoke() {
        IssuedPartnerKey issued = issue("Kept", Set.of(), null);
        for (Role role : List.of(Role.REPORTER, Role.EDITOR, Role.MODERATOR)) {
            assertThatThrownBy(() -> Newsroom.as(
                            "someone", () -> keys.issue(new NewPartnerKey("Mine", Set.of(), null, 60)), role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Newsroom.as("someone", keys::list, role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Newsroom.as(
                            "someone", () -> keys.revoke(issued.key().id()), role))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Valid.class);
        assertThatThrownBy(() -> asAdmin(() -> keys.revoke(new PartnerKeyId(UUID.randomUUID()))))
                .isInstanceOf(PartnerKeyNotFound.class);
    }

    @Test
    void lastUseIsWrittenInBatches() {
        IssuedPartnerKey issued = issue("Daily poller", EnumSet.of(PartnerScope.FEED), null);
        assertThat(lastUse(issued)).isNull();

        Instant before = clock.instant();
        keys.verify(issued.secret());
        keys.verify(issued.secret());
        known.flushUses();

        Instant lastUse = lastUse(issued);
        assertThat(lastUse).isNotNull().isAfterOrEqualTo(before);
    }
}
