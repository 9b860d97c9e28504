package news.cms.editor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.TranslationService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A story's English and Arabic versions going live on one day stand in one block on the calendar,
 * marked off along the line's start edge: the left in English, the right in Arabic; each headline
 * keeps its own direction.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CalendarTranslationsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    Clock clock;

    private Browser browser;

    @BeforeEach
    void people() {
        Browser.createPeople(accounts);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | ltr | Versions of the same story:
            ar | rtl | لغات القصة نفسها:
            """)
    void theVersionsOfAStoryOnOneDayStandTogether(String ui, String direction, String heading) {
        // Tomorrow noon UTC is tomorrow in every zone the browser might report, and after "now".
        Instant noon = clock.instant()
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1)
                .atTime(12, 0)
                .toInstant(ZoneOffset.UTC);
        Article english = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                LanguageTag.ENGLISH, "Akre's waterfall path reopens (" + ui + ")", "The path is wider.", "Akre")));
        Article arabic = Newsroom.asReporter(() -> translations.translate(english.id(), "ar"));
        Article arabicText = Newsroom.asReporter(() -> articles.save(
                arabic.id(),
                arabic.version(),
                Newsroom.story(LanguageTag.ARABIC, "إعادة فتح ممر شلال عقرة (" + ui + ")", "الممر أعرض.", "عقرة")));
        scheduled(english, noon);
        scheduled(arabicText, noon.plus(Duration.ofMinutes(30)));
        String group = Newsroom.as(
                        Newsroom.EDITOR, () -> translations.find(english.id()).orElseThrow(), Role.EDITOR)
                .group()
                .toString();

        browser = new Browser(port);
        browser.signIn(Newsroom.EDITOR, Browser.PASSWORD);
        if (!ui.equals("en")) {
            browser.chooseUiLanguage(ui);
        }
        browser.open("/calendar");
        By block = By.cssSelector(".calendar-group[data-group='" + group + "']");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(block));

        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.script(
                """
                const b = document.querySelector(arguments[0]);
                const s = getComputedStyle(b);
                const rows = [...b.querySelectorAll('.calendar-entry')];
                const headline = id => b.querySelector('[data-article="' + id + '"] .calendar-story');
                b.scrollIntoView();
                return {
                  direction: s.direction,
                  left: s.borderLeftWidth,
                  right: s.borderRightWidth,
                  heading: b.querySelector('.calendar-group-heading').textContent,
                  rows: rows.map(r => r.getAttribute('data-article')),
                  englishDir: getComputedStyle(headline(arguments[1])).direction,
                  arabicDir: getComputedStyle(headline(arguments[2])).direction
                };""",
                ".calendar-group[data-group='" + group + "']",
                english.id().toString(),
                arabic.id().toString());
        browser.screenshot("calendar-translations-" + ui);

        assertThat(seen)
                .containsEntry("direction", direction)
                .containsEntry("left", direction.equals("ltr") ? "3px" : "0px")
                .containsEntry("right", direction.equals("rtl") ? "3px" : "0px")
                .containsEntry("englishDir", "ltr")
                .containsEntry("arabicDir", "rtl")
                .containsEntry(
                        "rows", List.of(english.id().toString(), arabic.id().toString()));
        assertThat((String) seen.get("heading")).startsWith(heading);
    }

    private void scheduled(Article draft, Instant at) {
        Article submitted = Newsroom.asReporter(() -> articles.submit(draft.id(), draft.version()));
        Article approved = Newsroom.asEditor(() -> articles.approve(submitted.id(), submitted.version()));
        Newsroom.asEditor(() -> articles.schedule(approved.id(), approved.version(), at));
    }
}
