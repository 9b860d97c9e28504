package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

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
    }

    private String dir() {
        return String.valueOf(browser.script("return document.documentElement.dir;"));
    }
}
