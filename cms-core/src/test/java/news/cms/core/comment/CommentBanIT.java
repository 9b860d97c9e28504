package news.cms.core.comment;

import static news.cms.core.comment.CommentMother.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.CommentServiceIT.SettableClock;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Bans, bulk decisions, a commenter's history and repeat counts on real PostgreSQL, with a clock the
 * test moves to let bans run out.
 */
@CmsIntegrationTest
@Import(CommentServiceIT.Config.class)
@WithMockUser(username = "karwan", roles = "MODERATOR")
class CommentBanIT {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @Autowired
    CommentService comments;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettableClock clock;

    ArticleId article;

    @BeforeEach
    void newArticle() {
        clock.set(NOW);
        article = article(articles, "Mosul bridge reopens to traffic");
    }

    @Test
    void aBannedClientIsRefusedAndNothingIsStoredWhileOthersStillComment() {
        Comment abusive = comments.submit(comment("fp-ahmed", null, "أنت حقير", "k1"));
        Ban ban = comments.banCommenterOf(abusive.id(), BanTerm.of(Duration.ofDays(7)), new BanReason("شتائم متكررة"));

        assertThat(ban.clientFingerprint()).isEqualTo(new ClientFingerprint("fp-ahmed"));
        assertThat(ban.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        long before = count();
        assertThatThrownBy(() -> comments.submit(comment("fp-ahmed", null, "تعليق جديد تماما", "k2")))
                .isInstanceOfSatisfying(
                        CommenterBanned.class, e -> assertThat(e.until()).isEqualTo(ban.expiresAt()));
        assertThat(count()).isEqualTo(before);
        assertThat(comments.submit(comment("fp-other", null, "Kopru harika olmus", "k3")))
                .isNotNull();
    }

    @Test
    void aBanByEmailCatchesTheSameAddressFromAnotherDevice() {
        Comment first = comments.submit(comment("phone-1", "Sirwan@Example.org", "ئەوە درۆیە", "k1"));
        comments.banCommenterOf(first.id(), BanTerm.PERMANENT, new BanReason("Repeated threats"));

        assertThatThrownBy(() -> comments.submit(comment("laptop-2", "sirwan@example.org", "سڵاو", "k2")))
                .isInstanceOf(CommenterBanned.class)
                .satisfies(e -> assertThat(((CommenterBanned) e).until()).isNull());
        clock.set(NOW.plus(Duration.ofDays(5 * 365)));
        assertThatThrownBy(() -> comments.submit(comment("laptop-3", "sirwan@example.org", "سڵاو", "k3")))
                .as("a permanent ban does not run out")
                .isInstanceOf(CommenterBanned.class);
    }

    @Test
    void anExpiredBanStopsApplying() {
        Comment c = comments.submit(comment("fp-ayse", null, "Salak yazar", "k1"));
        comments.banCommenterOf(c.id(), BanTerm.of(Duration.ofHours(1)), new BanReason("cool-off"));
        assertThatThrownBy(() -> comments.submit(comment("fp-ayse", null, "Özür dilerim", "k2")))
                .isInstanceOf(CommenterBanned.class);

        clock.set(NOW.plus(Duration.ofMinutes(61)));
        assertThat(comments.submit(comment("fp-ayse", null, "Özür dilerim", "k2"))
                        .isPending())
                .isTrue();
    }

    @Test
    void aLiftedBanStopsApplyingAndBothStepsAreAudited() {
        Comment c = comments.submit(comment("fp-john", null, "You idiot", "k1"));
        Ban ban = comments.banCommenterOf(c.id(), BanTerm.of(Duration.ofDays(30)), new BanReason("insults"));
        clock.set(NOW.plus(Duration.ofHours(2)));

        Ban lifted = comments.liftBan(ban.id());

        assertThat(lifted.liftedBy()).isEqualTo("karwan");
        assertThat(comments.submit(comment("fp-john", null, "Sorry, good report", "k2"))
                        .isPending())
                .isTrue();
        assertThatThrownBy(() -> comments.liftBan(ban.id())).isInstanceOf(BanNotActive.class);
        assertThatThrownBy(() -> comments.liftBan(BanId.random())).isInstanceOf(BanNotFound.class);
        assertThat(comments.bansOf(c.id()))
                .singleElement()
                .satisfies(b -> assertThat(b.appliesAt(clock.instant())).isFalse());
        List<String> audited = jdbc.sql("select actor || ' ' || action || ' ' || coalesce(details ->> 'reason', '-')"
                        + " from audit_event where target_type = 'comment-ban' and target_id = ? order by id")
                .param(ban.id().toString())
                .query(String.class)
                .list();
        assertThat(audited).containsExactly("karwan comment.ban insults", "karwan comment.ban-lift -");
    }

    @Test
    void theDatabaseKeepsABanAsItWasWrittenAndNeverDeletesIt() {
        Comment c = comments.submit(comment("fp-db", null, "spam spam", "k1"));
        Ban ban = comments.banCommenterOf(c.id(), BanTerm.PERMANENT, new BanReason("spam bot"));

        assertThatThrownBy(() -> jdbc.sql("update comment_ban set reason = 'nothing' where id = ?")
                        .param(ban.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("can only be lifted");
        assertThatThrownBy(() -> jdbc.sql("update comment_ban set expires_at = now() + interval '1 day' where id = ?")
                        .param(ban.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from comment_ban where id = ?")
                        .param(ban.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("lift a ban");
        assertThat(comments.bansOf(c.id()))
                .singleElement()
                .satisfies(b -> assertThat(b.reason().value()).isEqualTo("spam bot"));
    }

    @Test
    void badBanTermsAndReasonsAreRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> BanTerm.of(Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BanTerm.of(Duration.ofDays(4000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BanReason("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BanReason("x".repeat(501))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithMockUser(username = "rezan", roles = "REPORTER")
    void onlyModeratorsBanLiftDecideInBulkAndReadHistories() {
        Comment c = comments.submit(comment("fp-r", null, "hello", "k1"));
        assertThatThrownBy(() -> comments.banCommenterOf(c.id(), BanTerm.PERMANENT, new BanReason("x")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> comments.approveAll(List.of(c.id()))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> comments.historyOf(c.id(), 10)).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(jdbc.sql("select count(*) from comment_ban where comment_id = ?")
                        .param(c.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void bulkApprovalDecidesThePendingOnesAuditsEachAndSkipsThoseDecidedAlready() {
        Comment a = comments.submit(comment("fp-1", null, "Good news for Mosul", "b1"));
        Comment b = comments.submit(comment("fp-2", null, "خبر جميل", "b2"));
        Comment c = comments.submit(comment("fp-3", null, "Harika haber", "b3"));
        comments.reject(b.id(), RejectionReason.OFF_TOPIC);

        BulkDecision result = comments.approveAll(List.of(a.id(), b.id(), c.id()));

        assertThat(result.decided()).extracting(Comment::id).containsExactly(a.id(), c.id());
        assertThat(result.alreadyDecided()).containsExactly(b.id());
        assertThat(comments.find(b.id()).orElseThrow().state()).isEqualTo(CommentState.REJECTED);
        assertThat(actions(a, b, c)).containsExactly("comment.reject", "comment.approve", "comment.approve");
    }

    @Test
    void bulkRejectionNeedsAReasonAndThenRejectsEachForIt() {
        Comment a = comments.submit(comment("fp-1", null, "Buy now!", "r1"));
        Comment b = comments.submit(comment("fp-1", null, "Buy now!!", "r2"));

        assertThatThrownBy(() -> comments.rejectAll(List.of(a.id(), b.id()), null))
                .isInstanceOf(RejectionReasonRequired.class);
        assertThat(comments.find(a.id()).orElseThrow().isPending()).isTrue();

        BulkDecision result = comments.rejectAll(List.of(a.id(), b.id()), RejectionReason.SPAM);

        assertThat(result.decided())
                .extracting(Comment::rejectionReason)
                .containsOnly(RejectionReason.SPAM)
                .hasSize(2);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'comment.reject'"
                                + " and details ->> 'reason' = 'spam'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    @Test
    void aCommentersHistoryFollowsTheirFingerprintAndTheirEmailNewestFirst() {
        ArticleId other = article(articles, "Erbil marathon route announced");
        Comment old = comments.submit(comment("fp-leyla", "leyla@example.com", "ئەمە ڕاستە", "h1"));
        comments.reject(old.id(), RejectionReason.PERSONAL_ATTACKS);
        clock.set(NOW.plusSeconds(60));
        Comment byEmail = comments.submit(comment(other, "fp-new-phone", "LEYLA@example.com", "سوپاس", "h2"));
        clock.set(NOW.plusSeconds(120));
        comments.submit(comment("fp-someone-else", null, "unrelated person", "h3"));
        clock.set(NOW.plusSeconds(180));
        Comment current = comments.submit(comment("fp-leyla", "leyla@example.com", "دیسان من", "h4"));

        List<Comment> history = comments.historyOf(current.id(), 10);

        assertThat(history).extracting(Comment::id).containsExactly(byEmail.id(), old.id());
        assertThat(history.get(1).rejectionReason()).isEqualTo(RejectionReason.PERSONAL_ATTACKS);
    }

    @Test
    void repeatsCountTheSameFoldedTextByClientAndOnTheArticleWithinTheWindow() {
        comments.submit(comment("fp-bot", null, "Follow me on my channel!!", "s1"));
        clock.set(NOW.plusSeconds(10));
        comments.submit(comment("fp-bot-2", null, "follow ME on my channel", "s2"));
        NewComment next = comment("fp-bot", null, "FOLLOW me on my channel.", "s3");

        assertThat(comments.repeatsOf(next, Duration.ofHours(24))).isEqualTo(new Repeats(1, 2));
        assertThat(comments.repeatsOf(comment("fp-bot", null, "A different text", "s4"), Duration.ofHours(24)))
                .isEqualTo(Repeats.NONE);
        clock.set(NOW.plus(Duration.ofDays(2)));
        assertThat(comments.repeatsOf(next, Duration.ofHours(24))).isEqualTo(Repeats.NONE);
    }

    private List<String> actions(Comment... decided) {
        return jdbc.sql("select action from audit_event where target_type = 'comment' and target_id in (?, ?, ?)"
                        + " order by id")
                .params(
                        decided[0].id().toString(),
                        decided[1].id().toString(),
                        decided[2].id().toString())
                .query(String.class)
                .list();
    }

    private long count() {
        return jdbc.sql("select count(*) from comment").query(Long.class).single();
    }

    @Test
    void aBanByClientIdFollowsTheAppToAnotherNetworkButSparesTheAddress() {
        Comment first = comments.submit(from("198.51.100.7", "install-4f1c", "Salak yazar", "t1"));
        Ban ban = comments.banCommenterOf(
                first.id(), BanTerm.PERMANENT, new BanReason("hakaret"), EnumSet.of(BanBy.CLIENT_ID));

        assertThat(ban.keys()).containsExactly(BanBy.CLIENT_ID);
        assertThatThrownBy(() -> comments.submit(from("203.0.113.9", "install-4f1c", "Yeni ağdan", "t2")))
                .isInstanceOf(CommenterBanned.class);
        assertThat(comments.submit(from("198.51.100.7", "install-9a0e", "Başka bir uygulama", "t3"))
                        .isPending())
                .as("the ban names the app, not the address")
                .isTrue();
    }

    @Test
    void aBanByAddressCoversTheWholeIpv6Slash64() {
        Comment first = comments.submit(from("2001:db8:7:1::10", null, "ئەوە درۆیە", "v6-1"));
        comments.banCommenterOf(first.id(), BanTerm.of(Duration.ofDays(7)), new BanReason("threats"));

        assertThatThrownBy(() -> comments.submit(from("2001:db8:7:1:abcd:ef01:2345:6789", null, "دیسان", "v6-2")))
                .as("a new address in the same /64 is the same subscriber")
                .isInstanceOf(CommenterBanned.class);
        assertThat(comments.submit(from("2001:db8:7:2::10", null, "دراوسێ", "v6-3"))
                        .isPending())
                .isTrue();
    }

    @Test
    void aBanByNetworkCoversTheIpv4Slash24OnlyWhenChosen() {
        Comment byAddress = comments.submit(from("192.0.2.10", null, "أنت حقير", "n1"));
        comments.banCommenterOf(
                byAddress.id(), BanTerm.of(Duration.ofDays(1)), new BanReason("شتائم"), EnumSet.of(BanBy.ADDRESS));
        assertThatThrownBy(() -> comments.submit(from("192.0.2.10", "new-app", "مرة أخرى", "n2")))
                .as("a new client id from the same address")
                .isInstanceOf(CommenterBanned.class);
        assertThat(comments.submit(from("192.0.2.11", null, "جار بريء", "n3")).isPending())
                .isTrue();

        Comment byNetwork = comments.submit(from("198.18.5.20", null, "spam spam", "n4"));
        assertThat(comments.banOptionsOf(byNetwork.id())).contains(BanBy.ADDRESS, BanBy.NETWORK);
        comments.banCommenterOf(
                byNetwork.id(), BanTerm.of(Duration.ofDays(1)), new BanReason("bot farm"), EnumSet.of(BanBy.NETWORK));
        assertThatThrownBy(() -> comments.submit(from("198.18.5.200", null, "spam", "n5")))
                .isInstanceOf(CommenterBanned.class);
        assertThat(comments.submit(from("198.18.6.20", null, "next network", "n6"))
                        .isPending())
                .isTrue();
    }

    @Test
    void theTraitsAreKeptOnlyAsKeyedHashesAndNeverChange() {
        Comment c = comments.submit(from("198.51.100.99", "install-raw", "hello", "h1"));
        String row = jdbc.sql(
                        "select concat_ws('|', client_address, client_network, client_id) from comment where id = ?")
                .param(c.id().value())
                .query(String.class)
                .single();
        assertThat(row).matches("[0-9a-f]{64}\\|[0-9a-f]{64}\\|[0-9a-f]{64}");
        // Keyed: none is the plain SHA-256 of the trait, which anyone could compute for every IPv4 address.
        String[] stored = row.split("\\|");
        assertThat(stored[0])
                .isNotEqualTo(sha256(new byte[] {(byte) 198, 51, 100, 99}))
                .isNotEqualTo(sha256("198.51.100.99".getBytes(StandardCharsets.UTF_8)));
        assertThat(stored[2]).isNotEqualTo(sha256("install-raw".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> jdbc.sql("update comment set client_id = null where id = ?")
                        .param(c.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
    }

    private NewComment from(String address, @Nullable String clientId, String text, String key) {
        return new NewComment(
                article,
                LanguageTag.ENGLISH,
                new DisplayName("reader"),
                null,
                new CommentText(text),
                new ClientFingerprint("fp:" + address + ":" + clientId),
                new IdempotencyKey(key),
                ClientOrigin.of(address, clientId));
    }

    private NewComment comment(String fingerprint, @Nullable String email, String text, String key) {
        return comment(article, fingerprint, email, text, key);
    }

    private static NewComment comment(
            ArticleId article, String fingerprint, @Nullable String email, String text, String key) {
        return new NewComment(
                article,
                LanguageTag.ENGLISH,
                new DisplayName("reader"),
                email == null ? null : new EmailAddress(email),
                new CommentText(text),
                new ClientFingerprint(fingerprint),
                new IdempotencyKey(key));
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
