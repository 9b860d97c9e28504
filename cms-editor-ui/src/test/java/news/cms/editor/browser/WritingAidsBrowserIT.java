package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reporter types a headline past the section's 80-character target: the count under the field says
 * "Over target" in the UI's language, bold and in the error colour, and stops saying it when the
 * headline is cut back; the preview shows the body's reading time. In English and in Arabic.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WritingAidsBrowserIT extends ReporterAndEditor {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | en | Ferry service resumes | Ferry service resumes on Lake Dukan after the long winter closure ends early this week | Over target | Reading time: 1 min | ltr
            ar | ar | عودة العبّارة           | عودة العبّارة إلى بحيرة دوكان بعد إغلاق الشتاء الطويل الذي انتهى هذا الأسبوع أخيراً في أربيل | يتجاوز الحد المطلوب | مدة القراءة بالدقائق | rtl
            """)
    void aHeadlineOverTheSectionsTargetIsMarkedInWordsAsTheReporterTypes(
            String ui, String language, String headline, String longHeadline, String over, String reading, String dir) {
        assertThat(longHeadline.strip().length()).isGreaterThan(80);
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.of(language), headline, "One paragraph of our own.", "Dukan")));

        reporter = new Browser(port);
        reporter.signIn(REPORTER, Browser.PASSWORD);
        if (!ui.equals("en")) {
            reporter.chooseUiLanguage(ui);
        }
        reporter.open("/story/" + draft.id());
        WebElement meter = reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("headline-meter")));
        assertThat(meter.getAttribute("data-over")).isEqualTo("false");
        assertThat(meter.getText()).doesNotContain(over);
        String calm = (String) reporter.script("return getComputedStyle(arguments[0]).color;", meter);
        if (ui.equals("en")) {
            assertThat(meter.getText()).isEqualTo("Words: 3 · Characters: 21 of 80");
        }

        reporter.type("headline", longHeadline.strip());
        reporter.wait.until(ExpectedConditions.attributeToBe(By.id("headline-meter"), "data-over", "true"));
        WebElement overTarget = reporter.driver.findElement(By.cssSelector("#headline-meter .over-target"));
        assertThat(overTarget.isDisplayed()).isTrue();
        assertThat(overTarget.getText()).isEqualTo(over);
        assertThat(reporter.script("return getComputedStyle(arguments[0]).fontWeight;", overTarget))
                .isEqualTo("700");
        assertThat(reporter.script("return getComputedStyle(arguments[0]).color;", meter))
                .as("over the target the count changes colour too")
                .isNotEqualTo(calm);
        assertThat(reporter.script("return getComputedStyle(arguments[0]).direction;", meter))
                .as("the count reads in the UI's direction")
                .isEqualTo(dir);
        if (ui.equals("en")) {
            assertThat(meter.getText()).contains("of 80").contains("Words: 15");
        }
        WebElement readingTime = reporter.driver.findElement(By.id("reading-time"));
        assertThat(readingTime.getText()).startsWith(reading);
        reporter.screenshot("writing-aids-" + ui);

        reporter.type("headline", headline.strip());
        reporter.wait.until(ExpectedConditions.attributeToBe(By.id("headline-meter"), "data-over", "false"));
        assertThat(reporter.driver.findElements(By.cssSelector("#headline-meter .over-target")))
                .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
    }
}
