package news.cms.editor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushEvent;
import news.cms.core.push.PushSubscriptions;
import news.cms.core.push.Receiver;
import news.cms.core.push.Subscription;
import news.cms.core.push.SubscriptionSettings;
import news.cms.core.push.SubscriptionState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin in English and in Arabic makes a push subscription to a real receiver on loopback, sees
 * its secret once, and reads the delivery log: a failed attempt (500) and the successful retry, then
 * only the failed one. The page runs in the UI's direction; the endpoint URL stays left to right.
 * An endpoint that answers 410 Gone is disabled, and the notice in the admin's bell leads to its log.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.push.worker-enabled=true",
            "cms.push.allow-http=true",
            "cms.push.allowed-networks=127.0.0.0/8,::1/128",
            "cms.push.poll-interval=100ms",
            "cms.push.retry-schedule=0s,1s,1s",
            "cms.push.jitter=0"
        })
class PushBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    PushSubscriptions push;

    private Browser admin;

    @AfterEach
    void close() {
        if (admin != null) {
            admin.close();
        }
        Newsroom.asAdmin(() -> push.list().forEach(s -> push.delete(s.id())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | en | Rudaw syndication | Bridge reopens in Erbil  | The bridge opened today.  | ltr | Failed, will retry
            ar | ar | شبكة رووداو        | إعادة فتح جسر في أربيل   | افتُتح الجسر اليوم.        | rtl | أخفق، وستُعاد المحاولة
            """)
    void anAdminMakesASubscriptionSeesTheSecretOnceAndReadsTheLog(
            String ui, String language, String name, String headline, String body, String direction, String retry)
            throws Exception {
        Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("hana", "Hana Rasul", Set.of(Role.ADMIN), true), Browser.PASSWORD));
        AtomicInteger calls = new AtomicInteger();
        try (Receiver receiver =
                Receiver.answering(r -> Receiver.Reply.status(calls.incrementAndGet() == 1 ? 500 : 204))) {
            admin = new Browser(port);
            admin.signIn("hana", Browser.PASSWORD);
            if (!ui.equals("en")) {
                admin.chooseUiLanguage(ui);
            }
            admin.open("/admin/push");
            admin.click("new-push-subscription");
            admin.type("push-name", name);
            admin.type("push-endpoint", receiver.uri().toString());
            WebElement endpoint = admin.driver.findElement(By.cssSelector("#push-endpoint input"));
            assertThat(admin.script("return getComputedStyle(arguments[0]).direction;", endpoint))
                    .as("a URL reads left to right")
                    .isEqualTo("ltr");
            assertThat(
                            admin.script(
                                    "return getComputedStyle(document.querySelector('#push-endpoint [slot=label]')).direction;"))
                    .as("its label reads in the UI's direction")
                    .isEqualTo(direction);
            // The first event is "published".
            admin.driver
                    .findElement(By.cssSelector("#push-events vaadin-checkbox"))
                    .click();
            admin.waitForVaadin();
            admin.screenshot("push-form-" + ui);
            admin.click("push-save");

            String secret = admin.text("push-secret");
            assertThat(secret).startsWith("whsec_");
            admin.screenshot("push-secret-" + ui);
            admin.click("push-secret-done");
            admin.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("push-secret")));
            assertThat(admin.driver.getPageSource()).doesNotContain(secret);
            assertThat(admin.script("return getComputedStyle(document.getElementById('push-grid')).direction;"))
                    .isEqualTo(direction);

            Subscription made =
                    Newsroom.as("hana", () -> push.list(), Role.ADMIN).getFirst();
            Newsroom.publishedStory(articles, Newsroom.story(LanguageTag.of(language), headline, body, "Erbil"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.requests().size() == 2);

            admin.open("/admin/push-log/" + made.id());
            admin.wait.until(d -> cells().contains("204"));
            List<String> all = cells();
            assertThat(all).contains("500", "204", retry);
            assertThat(admin.script("return getComputedStyle(document.getElementById('push-log-grid')).direction;"))
                    .isEqualTo(direction);
            admin.screenshot("push-log-" + ui);

            admin.click("push-log-failed");
            admin.wait.until(d -> !cells().contains("204"));
            assertThat(cells()).contains("500", retry);
            admin.screenshot("push-log-failed-" + ui);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | en | Shar Press (closed)  | Market opens in Sulaymaniyah | Stalls opened at dawn.  | Sulaymaniyah | Disabled — the endpoint answered 410 Gone
            ar | ar | موقع شار المغلق      | افتتاح سوق في السليمانية      | فُتحت الأكشاك فجراً.     | السليمانية    | معطَّل — ردّ عنوان الاستقبال بـ 410 Gone
            """)
    void aGoneEndpointsNoticeInTheBellLeadsTheAdminToItsLog(
            String ui, String language, String name, String headline, String body, String place, String state)
            throws Exception {
        Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("hana", "Hana Rasul", Set.of(Role.ADMIN), true), Browser.PASSWORD));
        try (Receiver gone = Receiver.answering(r -> Receiver.Reply.status(410))) {
            SubscriptionSettings settings = new SubscriptionSettings(
                    name, gone.uri(), EnumSet.allOf(PushEvent.class), Set.of(), Set.of(), PayloadForm.NOTICE);
            Subscription made =
                    Newsroom.as("hana", () -> push.create(settings), Role.ADMIN).subscription();
            Newsroom.publishedStory(articles, Newsroom.story(LanguageTag.of(language), headline, body, place));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> Newsroom.as("hana", () -> push.find(made.id()), Role.ADMIN)
                                    .state()
                            == SubscriptionState.DISABLED);

            admin = new Browser(port);
            admin.signIn("hana", Browser.PASSWORD);
            if (!ui.equals("en")) {
                admin.chooseUiLanguage(ui);
            }
            admin.click("notification-bell");
            WebElement notice =
                    admin.wait.until(d -> d.findElements(By.cssSelector("#notification-list .notification")).stream()
                            .filter(n -> n.getText().contains(name.strip()))
                            .findFirst()
                            .orElse(null));
            assertThat(notice.getText()).as("says why, in the UI language").contains("410");
            admin.screenshot("push-gone-bell-" + ui);
            notice.click();
            admin.wait.until(ExpectedConditions.urlContains("/admin/push-log/" + made.id()));
            admin.wait.until(d -> cells().contains("410"));
            assertThat(admin.text("push-log-state"))
                    .as("why it was disabled, in the UI language")
                    .isEqualTo(state);
            admin.screenshot("push-gone-log-" + ui);
        }
    }

    /** The texts of the log grid's cells. */
    private List<String> cells() {
        return admin.driver.findElements(By.cssSelector("#push-log-grid vaadin-grid-cell-content")).stream()
                .map(c -> c.getText().strip())
                .toList();
    }
}
