package news.cms.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.TextDirection;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** A story's notes on real PostgreSQL: anchoring through edits, resolve and reopen, mentions, audit. */
@CmsIntegrationTest
class NoteIT {

    static final String SPORTS_EDITOR = "selin";

    @Autowired
    ArticleService articles;

    @Autowired
    NoteService notes;

    @Autowired
    Desks desks;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void accounts(@Autowired AccountService accounts, @Autowired Desks desks) {
        Newsroom.asAdmin(() -> {
            accounts.save(
                    new UserAccount(Newsroom.REPORTER, "Rezan Ahmed", Set.of(Role.REPORTER), true), "pass-word-1");
            accounts.save(new UserAccount(Newsroom.EDITOR, "Layla Haddad", Set.of(Role.EDITOR), true), "pass-word-2");
            accounts.save(new UserAccount(SPORTS_EDITOR, "Selin Aydın", Set.of(Role.EDITOR), true), "pass-word-3");
            desks.join("spor", Newsroom.EDITOR);
            desks.join("spor", SPORTS_EDITOR);
        });
    }

    static <T> T asReporter(Supplier<T> action) {
        return Newsroom.as(Newsroom.REPORTER, action, Role.REPORTER);
    }

    static <T> T asEditor(Supplier<T> action) {
        return Newsroom.as(Newsroom.EDITOR, action, Role.EDITOR);
    }

    static ArticleContent story(LanguageTag language, String section, String headline, String body) {
        return new ArticleContent(
                language,
                section,
                headline,
                "",
                body,
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline("Erbil", "Kurdistan Region", "IQ", LocalDate.of(2026, 12, 5)));
    }

    @Test
    void anAnchoredNoteFollowsItsQuoteWhenAParagraphIsInsertedAbove() {
        Article draft = asReporter(() -> articles.createDraft(story(
                LanguageTag.ENGLISH,
                "news",
                "Erbil's citadel reopens its gates",
                "The citadel reopened on Friday.\n\nRestorers spent nine years on the walls.\n\n"
                        + "Tickets cost five thousand dinars.")));
        Note onPassage = asEditor(() ->
                notes.add(draft.id(), "Nine years or eight? The ministry said eight.", new Anchor(1, "nine years")));
        Note onStory = asEditor(() -> notes.add(draft.id(), "Needs a photo of the gate.", null));
        assertThat(onPassage.placement()).isEqualTo(Placement.PASSAGE);
        assertThat(onPassage.paragraph()).isEqualTo(1);

        asReporter(() -> articles.save(
                draft.id(),
                draft.version(),
                draft.content()
                        .withBody("Crowds queued from dawn.\n\nThe citadel reopened on Friday.\n\n"
                                + "Restorers spent nine years on the walls.\n\nTickets cost five thousand dinars.")));

        List<Note> thread = asReporter(() -> notes.thread(draft.id()));
        assertThat(thread).extracting(Note::id).containsExactly(onPassage.id(), onStory.id());
        assertThat(thread.get(0).placement()).isEqualTo(Placement.PASSAGE);
        assertThat(thread.get(0).paragraph())
                .as("moved down with its paragraph")
                .isEqualTo(2);
        assertThat(thread.get(0).anchor()).isEqualTo(new Anchor(1, "nine years"));
        assertThat(thread.get(1).placement()).isEqualTo(Placement.STORY);
        assertThat(thread.get(1).paragraph()).isNull();
        assertThat(thread.get(0).direction()).isEqualTo(TextDirection.LTR);
    }

    @Test
    void aNoteIsDetachedWhenItsQuotedWordsAreDeletedAndAttachedAgainWhenTheyReturn() {
        String body = "افتتح الجسر الجديد صباح الخميس.\n\nقال المحافظ إن الكلفة بلغت مليون دينار.";
        Article draft = asReporter(
                () -> articles.createDraft(story(LanguageTag.ARABIC, "news", "افتتاح جسر جديد في أربيل", body)));
        Note note = asEditor(() -> notes.add(draft.id(), "@rezan ما مصدر هذا الرقم؟", new Anchor(1, "مليون دينار")));
        assertThat(note.direction()).isEqualTo(TextDirection.RTL);
        assertThat(note.mentions()).containsExactly(Mention.user(Newsroom.REPORTER));

        Article edited = asReporter(() -> articles.save(
                draft.id(),
                draft.version(),
                draft.content().withBody("افتتح الجسر الجديد صباح الخميس.\n\nلم تُعلن الكلفة.")));
        assertThat(asEditor(() -> notes.thread(draft.id()))).singleElement().satisfies(n -> {
            assertThat(n.placement()).isEqualTo(Placement.DETACHED);
            assertThat(n.paragraph()).isNull();
            assertThat(n.anchor().quote()).isEqualTo("مليون دينار");
        });

        asReporter(() ->
                articles.save(draft.id(), edited.version(), draft.content().withBody(body)));
        assertThat(asEditor(() -> notes.thread(draft.id())))
                .singleElement()
                .satisfies(n -> assertThat(n.placement()).isEqualTo(Placement.PASSAGE));
    }

    @Test
    void resolveAndReopenAreAuditedAndCountedAsOpenNotes() {
        Article draft = asReporter(() -> articles.createDraft(story(
                LanguageTag.SORANI, "news", "بازاڕی سلێمانی دووبارە کرایەوە", "دوکاندارەکان دوای سێ مانگ گەڕانەوە.")));
        Note note = asEditor(() -> notes.add(draft.id(), "ناوی دوکاندارێک زیاد بکە.", null));
        assertThat(asReporter(() -> notes.openCount(draft.id()))).isOne();

        Note resolved = asReporter(() -> notes.resolve(note.id()));
        assertThat(resolved.isOpen()).isFalse();
        assertThat(resolved.resolvedBy()).isEqualTo(Newsroom.REPORTER);
        assertThat(asReporter(() -> notes.resolve(note.id())).resolvedAt())
                .as("resolving twice changes nothing")
                .isEqualTo(resolved.resolvedAt());
        assertThat(asEditor(() -> notes.openCount(draft.id()))).isZero();
        assertThat(asEditor(() -> notes.openOnDesk("news")))
                .noneMatch(d -> d.note().id().equals(note.id()));

        Note reopened = asEditor(() -> notes.reopen(note.id()));
        assertThat(reopened.isOpen()).isTrue();
        assertThat(reopened.resolvedBy()).isNull();
        assertThat(asEditor(() -> notes.openOnDesk("news")))
                .filteredOn(d -> d.note().id().equals(note.id()))
                .singleElement()
                .satisfies(d -> assertThat(d.headline()).isEqualTo("بازاڕی سلێمانی دووبارە کرایەوە"));

        List<AuditEvent> trail = asEditor(
                () -> audit.find(AuditQuery.forTarget("article", draft.id().toString())));
        assertThat(trail)
                .filteredOn(e -> e.action().startsWith("note."))
                .extracting(AuditEvent::action, AuditEvent::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("note.reopen", Newsroom.EDITOR),
                        org.assertj.core.groups.Tuple.tuple("note.resolve", Newsroom.REPORTER),
                        org.assertj.core.groups.Tuple.tuple("note.add", Newsroom.EDITOR));
        assertThat(trail)
                .filteredOn(e -> e.action().equals("note.add"))
                .singleElement()
                .satisfies(e -> assertThat(e.details())
                        .containsEntry("note", note.id().toString())
                        .doesNotContainValue("ناوی دوکاندارێک زیاد بکە."));
    }

    @Test
    void aDeskMentionReachesEachMemberOnceAndTheWriterNever() {
        Article draft = asReporter(() -> articles.createDraft(
                story(LanguageTag.TURKISH, "spor", "Amed Sportif yarı finalde", "Maç uzatmalarda bitti.")));
        MentionPreview preview = Newsroom.as(
                SPORTS_EDITOR,
                () -> notes.preview("@spor masası ve @layla: skor doğru mu? @Selin @kimseyok"),
                Role.EDITOR);
        assertThat(preview.mentions())
                .containsExactly(Mention.desk("spor"), Mention.user(Newsroom.EDITOR), Mention.user(SPORTS_EDITOR));
        assertThat(preview.recipients()).containsExactlyInAnyOrder(Newsroom.EDITOR);
        assertThat(preview.unknown()).containsExactly("kimseyok");

        Note note = asReporter(() -> notes.add(draft.id(), "@spor @layla skor 2-1 mi, 3-1 mi?", null));
        assertThat(note.mentions()).containsExactly(Mention.desk("spor"), Mention.user(Newsroom.EDITOR));
        assertThat(asReporter(() -> notes.preview("@spor @layla")).recipients())
                .containsExactlyInAnyOrder(Newsroom.EDITOR, SPORTS_EDITOR);
    }

    @Test
    void aQuoteThatIsNotInItsParagraphIsRefusedAndNothingIsStored() {
        Article draft = asReporter(() -> articles.createDraft(
                story(LanguageTag.TURKISH, "news", "Van Gölü'nde su seviyesi düştü", "Göl bu yıl iki metre çekildi.")));
        assertThatThrownBy(() -> asEditor(() -> notes.add(draft.id(), "Kaynak?", new Anchor(0, "üç metre"))))
                .isInstanceOf(QuoteNotFound.class);
        assertThatThrownBy(() -> asEditor(() -> notes.add(draft.id(), "Kaynak?", new Anchor(4, "iki metre"))))
                .isInstanceOf(QuoteNotFound.class);
        assertThatThrownBy(() -> asEditor(() -> notes.add(draft.id(), " \n ", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("select count(*) from note where article_id = ?")
                        .param(draft.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void whoMayNotSeeTheStoryMayNotReadOrAddItsNotes() {
        Article draft = asReporter(() ->
                articles.createDraft(story(LanguageTag.ENGLISH, "news", "Moderators do not read drafts", "A draft.")));
        assertThatThrownBy(() -> Newsroom.as("mod", () -> notes.thread(draft.id()), Role.MODERATOR))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> Newsroom.as("mod", () -> notes.add(draft.id(), "hi", null), Role.MODERATOR))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
