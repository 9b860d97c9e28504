package news.cms.core.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Set;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.note.NoteService;
import news.cms.core.notification.InvalidDigestAddress;
import news.cms.core.notification.MailDigests;
import news.cms.core.notification.NotificationService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-mail digest against a real SMTP server (GreenMail) and real PostgreSQL: each subscriber gets
 * their unread notifications in their own language, each notification in one digest only, read ones
 * and those from before the subscription left out; a bad address is refused and changes nothing.
 */
@CmsIntegrationTest(properties = {"cms.mail-digest.enabled=true", "cms.mail-digest.from=desk@newsroom.test"})
class DigestMailIT {

    /**
     * Started before the Spring context (which the clean-data extension loads in its beforeAll), so
     * the context can be given its port.
     */
    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    ArticleService articles;

    @Autowired
    NoteService notes;

    @Autowired
    NotificationService notifications;

    @Autowired
    MailDigests digests;

    @Autowired
    DigestSender sender;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void people(@Autowired AccountService accounts) {
        Newsroom.asAdmin(() -> {
            accounts.save(
                    new UserAccount(Newsroom.REPORTER, "Rezan Ahmed", Set.of(Role.REPORTER), true), "pass-word-1");
            accounts.save(new UserAccount(Newsroom.EDITOR, "Layla Haddad", Set.of(Role.EDITOR), true), "pass-word-2");
        });
    }

    @Test
    void eachSubscriberGetsTheirUnreadNotificationsOnceInTheirLanguage() throws Exception {
        Article before = Newsroom.asReporter(() ->
                articles.createDraft(Newsroom.story(LanguageTag.ARABIC, "خبر قديم عن الموصل", "نص قديم.", "الموصل")));
        Newsroom.as(Newsroom.REPORTER, () -> notes.add(before.id(), "@layla هذه ملاحظة قديمة", null), Role.REPORTER);
        awaitUnread(Newsroom.EDITOR, 1);

        Newsroom.as(Newsroom.REPORTER, () -> digests.subscribe("rezan@newsroom.test", "ar"), Role.REPORTER);
        Newsroom.as(Newsroom.EDITOR, () -> digests.subscribe("layla@newsroom.test", "en"), Role.EDITOR);

        Article story = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ARABIC, "افتتاح سوق الكتب في أربيل", "افتُتح السوق صباحًا.", "أربيل")));
        Article submitted = Newsroom.asReporter(() -> articles.submit(story.id(), story.version()));
        Newsroom.asEditor(() -> articles.approve(submitted.id(), submitted.version()));
        Newsroom.as(
                Newsroom.REPORTER,
                () -> notes.add(story.id(), "@layla can you check the opening hour?", null),
                Role.REPORTER);
        awaitUnread(Newsroom.REPORTER, 1);
        awaitUnread(Newsroom.EDITOR, 2);

        assertThat(sender.sendDue()).isEqualTo(2);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);

        MimeMessage arabic = to(mails, "rezan@newsroom.test");
        assertThat(arabic.getSubject()).startsWith("غرفة الأخبار:").endsWith("إشعارات غير مقروءة");
        assertThat(arabic.getHeader("Content-Language")).containsExactly("ar");
        assertThat(decoded(arabic)).contains("اعتمد layla الخبر «افتتاح سوق الكتب في أربيل»", "dir=\"rtl\"");

        MimeMessage english = to(mails, "layla@newsroom.test");
        assertThat(english.getSubject()).isEqualTo("Newsroom: 1 unread notifications");
        assertThat(decoded(english))
                .contains("rezan mentioned you in a note on “افتتاح سوق الكتب في أربيل”")
                .as("a notification from before the subscription is never mailed")
                .doesNotContain("خبر قديم عن الموصل");

        // Nothing new: nothing sent; each notification was in one digest only.
        assertThat(sender.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        // A notification read in the app before the next round stays out of the digest.
        Article second = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.TURKISH, "Van'da kar yolları kapattı", "Kırk köy yolu kapandı.", "Van")));
        Newsroom.as(
                Newsroom.REPORTER,
                () -> notes.add(second.id(), "@layla köy sayısını kontrol eder misin?", null),
                Role.REPORTER);
        awaitUnread(Newsroom.EDITOR, 3);
        Newsroom.as(Newsroom.EDITOR, () -> notifications.markAllRead(), Role.EDITOR);
        assertThat(sender.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aBadAddressOrLanguageIsRefusedAndChangesNothing() {
        Newsroom.as(Newsroom.EDITOR, () -> digests.subscribe("layla@newsroom.test", "tr"), Role.EDITOR);
        for (String bad :
                new String[] {"", "layla", "Layla <layla@newsroom.test>", "a@b.test, c@d.test", "a b@c.test"}) {
            assertThatThrownBy(() -> Newsroom.as(Newsroom.EDITOR, () -> digests.subscribe(bad, "en"), Role.EDITOR))
                    .as(bad)
                    .isInstanceOf(InvalidDigestAddress.class);
        }
        assertThatThrownBy(() ->
                        Newsroom.as(Newsroom.EDITOR, () -> digests.subscribe("layla@newsroom.test", "fr"), Role.EDITOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> digests.mine(), Role.EDITOR))
                .hasValueSatisfying(d -> {
                    assertThat(d.email()).isEqualTo("layla@newsroom.test");
                    assertThat(d.language()).isEqualTo("tr");
                });
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> digests.unsubscribe(), Role.EDITOR))
                .isTrue();
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> digests.mine(), Role.EDITOR))
                .isEmpty();
    }

    private void awaitUnread(String who, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
                                .param(who)
                                .query(Integer.class)
                                .single()
                        == count);
    }

    private static MimeMessage to(MimeMessage[] mails, String address) throws Exception {
        for (MimeMessage m : mails) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                return m;
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    /** The mail's text parts, decoded. */
    private static String decoded(MimeMessage mail) throws Exception {
        StringBuilder all = new StringBuilder();
        collect(mail.getContent(), all);
        return all.toString();
    }

    private static void collect(Object content, StringBuilder into) throws Exception {
        if (content instanceof String s) {
            into.append(s).append('\n');
        } else if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), into);
            }
        }
    }
}
