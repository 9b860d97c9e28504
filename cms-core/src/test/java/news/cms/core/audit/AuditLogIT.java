package news.cms.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.cms.core.account.Role;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** Admins browse the whole trail with filters and pages; other staff read one target's events or their own. */
@CmsIntegrationTest
class AuditLogIT {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anAdminFiltersTheWholeTrailByTargetTypeActionActorAndTimeAndPagesThroughIt() {
        String actor = "aras-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now();
        for (int i = 0; i < 5; i++) {
            record(actor, "partner-key.issue", "partner-key", "key-" + i, Map.of("name", "Rûdaw " + i));
        }
        record(actor, "partner-key.revoke", "partner-key", "key-0", Map.of("prefix", "abcdefgh"));
        record(actor, "comments.close", "article", UUID.randomUUID().toString(), Map.of("note", "يكفي"));

        List<AuditEvent> issues = asAdmin(() ->
                audit.find(new AuditQuery("partner-key", null, "partner-key.issue", actor, before, null, null, 3)));
        assertThat(issues).extracting(AuditEvent::targetId).containsExactly("key-4", "key-3", "key-2");
        List<AuditEvent> rest = asAdmin(
                () -> audit.find(new AuditQuery("partner-key", null, "partner-key.issue", actor, before, null, null, 3)
                        .after(issues.getLast())));
        assertThat(rest).extracting(AuditEvent::targetId).containsExactly("key-1", "key-0");
        assertThat(asAdmin(() -> audit.find(new AuditQuery(null, null, null, actor, null, null, null, 100))))
                .extracting(AuditEvent::action)
                .containsExactly(
                        "comments.close",
                        "partner-key.revoke",
                        "partner-key.issue",
                        "partner-key.issue",
                        "partner-key.issue",
                        "partner-key.issue",
                        "partner-key.issue");
        assertThat(asAdmin(() -> audit.find(new AuditQuery("article", null, null, actor, null, null, null, 100))))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("note", "يكفي"));
        assertThat(asAdmin(() -> audit.find(new AuditQuery(null, null, null, actor, null, before, null, 100))))
                .as("nothing before the test began")
                .isEmpty();
    }

    @Test
    void otherStaffReadOneTargetsEventsOrTheirOwnButNotTheWholeTrail() {
        String target = UUID.randomUUID().toString();
        record(Newsroom.EDITOR, "article.publish", "article", target, Map.of());

        assertThat(Newsroom.as(
                        Newsroom.REPORTER, () -> audit.find(AuditQuery.forTarget("article", target)), Role.REPORTER))
                .extracting(AuditEvent::actor)
                .containsExactly(Newsroom.EDITOR);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> audit.find(AuditQuery.byActor(Newsroom.EDITOR)), Role.EDITOR))
                .extracting(AuditEvent::targetId)
                .contains(target);
        assertThatThrownBy(() -> Newsroom.as(
                        Newsroom.REPORTER, () -> audit.find(AuditQuery.byActor(Newsroom.EDITOR)), Role.REPORTER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Newsroom.as(
                        Newsroom.EDITOR,
                        () -> audit.find(new AuditQuery("article", null, null, null, null, null, null, 50)),
                        Role.EDITOR))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aQueryThatCannotMeanAnythingIsRefusedBeforeItRuns() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, now, now.minusSeconds(60), null, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start before it ends");
        assertThatThrownBy(() -> new AuditQuery(null, "key-1", null, null, null, null, null, 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, null, null, AuditQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void record(String actor, String action, String type, String id, Map<String, String> details) {
        tx.executeWithoutResult(s -> audit.record(actor, action, type, id, details));
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return Newsroom.as("hana", action, Role.ADMIN);
    }
}
