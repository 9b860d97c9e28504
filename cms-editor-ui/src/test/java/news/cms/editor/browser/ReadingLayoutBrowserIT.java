package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import news.cms.core.account.AccountService;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a reader of the editor's lists and preview sees: a right-to-left headline too long for its
 * line keeps its start and loses its end in search and in the calendar (the desk has its own test in
 * EditorFlowsBrowserIT); the live preview keeps a readable measure on a 1440 px screen; the calendar's
 * "nothing scheduled" line is a live status region.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadingLayoutBrowserIT {

    /** Where the first letter of a cut link lands, against the link's box. */
    private static final String ENDS = """
            const a = arguments[0];
            const r = document.createRange();
            r.setStart(a.firstChild, 0); r.setEnd(a.firstChild, 1);
            const first = r.getBoundingClientRect();
            const box = a.getBoundingClientRect();
            return {firstLeft: first.left, firstRight: first.right, boxLeft: box.left, boxRight: box.right,
                    scroll: a.scrollWidth, client: a.clientWidth, viewport: document.documentElement.clientWidth};
            """;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void searchAndTheCalendarCutARightToLeftHeadlineAtItsEnd() {
        Browser.createPeople(accounts);
        // "The marshes of the south fill with water again after three dry years, and the buffalo
        // herders go back to the villages their families left…" (Arabic), and the same idea in Sorani.
        String arabic = "الأهوار الجنوبية تمتلئ بالمياه من جديد بعد ثلاث سنوات من الجفاف ورعاة الجاموس"
                + " يعودون إلى القرى التي تركتها عائلاتهم قبل سنوات طويلة من الانتظار"
                + " ويبدأ الصيادون موسمهم الأول منذ زمن";
        String sorani = "ئاوی گۆلی دووکان دوای سێ ساڵ وشکەساڵی دیسان بەرز بووەتەوە و جووتیارانی ناوچەکە"
                + " بە هیوای وەرزێکی باشی کشتوکاڵ دەگەڕێنەوە بۆ کێڵگەکانی خۆیان لە دەوروبەری دەریاچەکە"
                + " و ماسیگرانیش بەلەمەکانیان ئامادە دەکەن";
        Article marshes = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, arabic, "نص التقرير.", "الناصرية"));
        Article lake =
                Newsroom.approvedStory(articles, Newsroom.story(LanguageTag.SORANI, sorani, "دەقی هەواڵ.", "دووکان"));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        Newsroom.asEditor(() -> articles.schedule(lake.id(), lake.version(), tomorrow));

        browser = new Browser(port);
        browser.signIn(EDITOR, Browser.PASSWORD);
        browser.driver.manage().window().setSize(new Dimension(1100, 900));

        browser.open("/search");
        browser.type("search-query", "الجاموس");
        // Indexing follows the publication's commit: search again until the story is there.
        WebElement hit = browser.wait.until(d -> {
            browser.click("search-go");
            return d
                    .findElements(By.cssSelector(".search-hit[data-article='" + marshes.id() + "'] .search-headline"))
                    .stream()
                    .findFirst()
                    .orElse(null);
        });
        assertCutAtItsEnd(hit, "ar", "search");
        browser.screenshot("search-rtl-headline-cut");

        browser.open("/calendar");
        WebElement entry =
                browser.wait.until(d -> d
                        .findElements(
                                By.cssSelector(".calendar-entry[data-article='" + lake.id() + "'] .calendar-story"))
                        .stream()
                        .findFirst()
                        .orElse(null));
        assertCutAtItsEnd(entry, "ckb", "calendar");
        browser.screenshot("calendar-rtl-headline-cut");
        // Announced when it changes, so it is a live region from the start (hidden while the list has entries).
        assertThat(browser.driver.findElement(By.id("calendar-empty")).getAttribute("role"))
                .isEqualTo("status");
    }

    @Test
    void thePreviewKeepsAReadableMeasureOnA1440PixelScreen() {
        Browser.createPeople(accounts);
        Article story = Newsroom.asEditor(() -> articles.createDraft(Newsroom.story(
                LanguageTag.TURKISH,
                "Van Gölü kıyısında yeni sahil yolu",
                "Belediye, göl kıyısındaki yürüyüş yolunun yaz başında açılacağını duyurdu. Yol on iki"
                        + " kilometre uzunluğunda olacak ve bisiklet şeridi de içerecek.",
                "VAN")));
        browser = new Browser(port);
        browser.signIn(EDITOR, Browser.PASSWORD);
        browser.driver.manage().window().setSize(new Dimension(1440, 900));
        browser.open("/story/" + story.id());
        browser.wait.until(
                d -> !d.findElements(By.cssSelector("#body-preview p")).isEmpty());

        @SuppressWarnings("unchecked")
        Map<String, Number> measure = (Map<String, Number>) browser.script("""
                const p = document.querySelector('#body-preview p');
                const em = parseFloat(getComputedStyle(p).fontSize);
                const r = document.createRange();
                r.selectNodeContents(p);
                const lines = [...r.getClientRects()].length;
                return {ems: p.getBoundingClientRect().width / em, lines: lines,
                        chars: p.textContent.length};
                """);
        // Beside the form on a 1440 px screen the preview sits at its minimum, 24 em of its box less
        // its padding: about 20 em of text, 40 or more characters a line (it was ~5 em, four words).
        assertThat(measure.get("ems").doubleValue()).as("preview width in em").isGreaterThanOrEqualTo(20);
        assertThat(measure.get("chars").doubleValue() / measure.get("lines").doubleValue())
                .as("characters a line")
                .isGreaterThanOrEqualTo(40);
        browser.screenshot("preview-measure-1440");
    }

    private void assertCutAtItsEnd(WebElement link, String lang, String where) {
        browser.script("window.scrollTo(0, 0);");
        // The link or the box around it carries the story's language.
        assertThat(browser.script("return arguments[0].closest('[lang]').lang;", link))
                .as("%s: the headline's language", where)
                .isEqualTo(lang);
        assertThat(link.getCssValue("direction")).as(where).isEqualTo("rtl");
        assertThat(link.getCssValue("text-overflow")).as(where).isEqualTo("ellipsis");
        @SuppressWarnings("unchecked")
        Map<String, Number> ends = (Map<String, Number>) browser.script(ENDS, link);
        assertThat(ends.get("scroll").intValue())
                .as("%s: the headline is longer than its line", where)
                .isGreaterThan(ends.get("client").intValue());
        // Right to left, the start is the right end: the first letter is inside the box.
        assertThat(ends.get("firstRight").doubleValue())
                .as("%s: the headline's first letter is shown", where)
                .isBetween(
                        ends.get("boxLeft").doubleValue(), ends.get("boxRight").doubleValue() + 1);
        assertThat(ends.get("firstLeft").doubleValue())
                .as("%s: the headline's first letter is shown", where)
                .isGreaterThanOrEqualTo(ends.get("boxLeft").doubleValue() - 1);
        // ... and on the screen, not beyond the page's edge
        assertThat(ends.get("firstRight").doubleValue())
                .as("%s: the headline's first letter is on the screen", where)
                .isLessThanOrEqualTo(ends.get("viewport").doubleValue());
    }
}
