package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.cms.core.account.Role;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Edit locks: one holder at a time, visible to others, lapsing without heartbeats, breakable by editors. */
@CmsIntegrationTest(properties = "cms.articles.lock-ttl=2s")
class EditLockIT {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLocks locks;

    @Autowired
    AuditLog audit;

    @Test
    void aSecondEditorSeesWhoHoldsTheLockAndCannotSaveUntilItLapses() throws Exception {
        Article draft = Newsroom.asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.TURKISH, "Kilitli haber", "Metin.", "Hakkari")));
        EditLock held = Newsroom.as(Newsroom.REPORTER, () -> locks.acquire(draft.id()), Role.REPORTER);

        assertThatThrownBy(() -> Newsroom.as(Newsroom.EDITOR, () -> locks.acquire(draft.id()), Role.EDITOR))
                .isInstanceOf(LockHeld.class)
                .hasMessageContaining("being edited by " + Newsroom.REPORTER);
        assertThatThrownBy(() -> Newsroom.asEditor(() -> articles.save(
                        draft.id(),
                        draft.version(),
                        Newsroom.story(LanguageTag.TURKISH, "Editörün başlığı", "Metin.", "Hakkari"))))
                .isInstanceOf(LockHeld.class);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> locks.current(draft.id()), Role.EDITOR))
                .hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(Newsroom.REPORTER));

        EditLock renewed = Newsroom.as(Newsroom.REPORTER, () -> locks.heartbeat(draft.id()), Role.REPORTER);
        assertThat(renewed.acquiredAt()).isEqualTo(held.acquiredAt());
        assertThat(renewed.expiresAt()).isAfterOrEqualTo(held.expiresAt());

        Thread.sleep(2_500); // no heartbeat: the lock lapses
        EditLock taken = Newsroom.as(Newsroom.EDITOR, () -> locks.acquire(draft.id()), Role.EDITOR);
        assertThat(taken.holder()).isEqualTo(Newsroom.EDITOR);
    }

    @Test
    void anEditorBreaksALockAndTheBreakIsAudited() {
        Article draft = Newsroom.asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ARABIC, "قفل سيكسر", "نص.", "كركوك")));
        Newsroom.as(Newsroom.REPORTER, () -> locks.acquire(draft.id()), Role.REPORTER);

        assertThatThrownBy(() -> Newsroom.as(
                        "selin",
                        () -> {
                            locks.breakLock(draft.id());
                            return null;
                        },
                        Role.REPORTER))
                .isInstanceOf(AuthorizationDeniedException.class);
        Newsroom.as(
                Newsroom.EDITOR,
                () -> {
                    locks.breakLock(draft.id());
                    return null;
                },
                Role.EDITOR);

        assertThat(Newsroom.as(Newsroom.EDITOR, () -> locks.current(draft.id()), Role.EDITOR))
                .isEmpty();
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> audit.find(AuditQuery.byActor(Newsroom.EDITOR)), Role.EDITOR))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("article.lock-break");
                    assertThat(e.details()).containsEntry("holder", Newsroom.REPORTER);
                });
    }
}
