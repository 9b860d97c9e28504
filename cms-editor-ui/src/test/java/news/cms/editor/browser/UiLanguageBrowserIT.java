package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.cms.core.account.AccountService;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Switching the UI to Arabic flips the whole page right to left and shows the Arabic strings. */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UiLanguageBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theArabicUiIsRightToLeft() {
        Browser.createPeople(accounts);
        browser = new Browser(port);
        browser.signIn(REPORTER, Browser.PASSWORD);
        browser.waitForText("new-story", "New story");
        assertThat(dir()).isNotEqualTo("rtl");

        browser.click("ui-language-ar");
        browser.wait.until(d -> "rtl".equals(dir()));
        browser.waitForText("new-story", "خبر جديد");
        assertThat(browser.text("nav-desk")).isEqualTo("المكتب");
        assertThat(browser.text("sign-out")).isEqualTo("تسجيل الخروج");
        browser.screenshot("desk-arabic-rtl");

        // The choice stays for the session.
        browser.open("/story");
        browser.waitForText("save", "حفظ");
        assertThat(dir()).isEqualTo("rtl");

        browser.click("ui-language-en");
        browser.wait.until(d -> !"rtl".equals(dir()));
        assertThat(browser.driver.findElement(By.id("save")).getText()).isEqualTo("Save");

        // Sorani is right to left too; Turkish is left to right.
        browser.open("/");
        browser.click("ui-language-ckb");
        browser.wait.until(d -> "rtl".equals(dir()));
        browser.waitForText("new-story", "هەواڵی نوێ");
        assertThat(browser.text("nav-desk")).isEqualTo("مێز");
        browser.screenshot("desk-sorani-rtl");
        browser.click("ui-language-tr");
        browser.wait.until(d -> !"rtl".equals(dir()));
        browser.waitForText("new-story", "Yeni haber");
        assertThat(browser.text("sign-out")).isEqualTo("Çıkış yap");
    }

    @Test
    void signInsAndFailedSignInsAreInTheAuditTrail() {
        Browser.createPeople(accounts);
        browser = new Browser(port);
        browser.open("/login");
        browser.driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(REPORTER);
        browser.driver
                .findElement(By.cssSelector("#vaadinLoginPassword input"))
                .sendKeys("not the password", org.openqa.selenium.Keys.ENTER);
        browser.wait.until(d -> d.getCurrentUrl().contains("error"));

        browser.signIn(REPORTER, Browser.PASSWORD);

        // Read from the table: with several server contexts in one JVM, a test thread's signed-in
        // user is not reliably the one this context's method security sees.
        List<org.assertj.core.groups.Tuple> trail = jdbc.sql(
                        "select actor, action from audit_event where target_type = 'account' and target_id = ?"
                                + " order by id desc")
                .param(REPORTER)
                .query((rs, n) -> org.assertj.core.groups.Tuple.tuple(rs.getString(1), rs.getString(2)))
                .list();
        // Newest first; the other test may have signed the reporter in earlier.
        assertThat(trail)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple(REPORTER, "account.sign-in"),
                        org.assertj.core.groups.Tuple.tuple(REPORTER, "account.sign-in-failed"));
    }

    private String dir() {
        return String.valueOf(browser.script("return document.documentElement.dir;"));
    }
}
