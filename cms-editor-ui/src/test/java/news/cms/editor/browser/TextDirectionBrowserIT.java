package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.cms.core.account.AccountService;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Text direction follows the story, not the UI: every UI language × every story language, in one
 * browser. The inner input or textarea of each field takes the story's direction while the field's
 * label keeps the UI's; a mixed Arabic or Sorani paragraph quoting English renders in the right
 * order; {@code <html lang>} and {@code dir} follow the UI language.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TextDirectionBrowserIT {

    private static final List<String> UI_LANGUAGES = List.of("en", "ar", "ckb", "tr");

    /** The computed direction of each field's inner element and of the headline field itself. */
    private static final String DIRECTIONS = """
            const out = {};
            for (const id of ['headline', 'standfirst', 'body', 'dateline-place', 'dateline-region']) {
              const host = document.getElementById(id);
              const inner = host && host.querySelector(':scope > input, :scope > textarea');
              out[id] = inner ? getComputedStyle(inner).direction : 'missing';
            }
            document.querySelectorAll('#bylines .byline-name, #bylines .byline-role').forEach((h, i) => {
              const inner = h.querySelector(':scope > input');
              out['byline-' + i] = inner ? getComputedStyle(inner).direction : 'missing';
            });
            out['headline-label'] = getComputedStyle(document.querySelector('#headline > label')).direction;
            out['body-bidi'] = getComputedStyle(document.querySelector('#body > textarea')).unicodeBidi;
            return out;
            """;

    /**
     * Where the pieces of the mixed paragraph land in the preview: the x of the first Arabic word, of
     * the English quote and of the final full stop.
     */
    private static final String PLACES = """
            const p = [...document.querySelectorAll('#body-preview p')].find(e => e.textContent.includes(arguments[0]));
            if (!p) { return null; }
            const text = p.firstChild;
            const rect = (from, length) => {
              const r = document.createRange();
              r.setStart(text, from);
              r.setEnd(text, from + length);
              return r.getBoundingClientRect();
            };
            const s = text.textContent;
            const first = rect(0, arguments[1].length);
            const quote = rect(s.indexOf(arguments[0]), arguments[0].length);
            const stop = rect(s.length - 1, 1);
            return {firstLeft: first.left, firstRight: first.right, quoteLeft: quote.left,
                    quoteRight: quote.right, stopLeft: stop.left, stopRight: stop.right};
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
    void everyFieldTypesInTheStorysDirectionWhateverTheUiLanguage() {
        Browser.createPeople(accounts);
        Map<String, Article> stories = new LinkedHashMap<>();
        stories.put(
                "en",
                story(
                        LanguageTag.ENGLISH,
                        "Bridge reopens in Mosul",
                        "The minister said \"نعمل ليلاً\" today.",
                        "MOSUL",
                        "Nineveh"));
        stories.put(
                "ar",
                story(
                        LanguageTag.ARABIC,
                        "افتتاح الجسر في الموصل",
                        "قال الوزير \"We will reopen the bridge\" أمس.",
                        "الموصل",
                        "نينوى"));
        stories.put(
                "ckb",
                story(
                        LanguageTag.SORANI,
                        "پردەکە لە هەولێر کرایەوە",
                        "وەزیر گوتی \"The bridge is open\" ئەمڕۆ.",
                        "هەولێر",
                        "هەرێمی کوردستان"));
        stories.put(
                "tr",
                story(
                        LanguageTag.TURKISH,
                        "Van'da köprü açıldı",
                        "Bakan \"العمل مستمر\" dedi.",
                        "VAN",
                        "Doğu Anadolu"));

        browser = new Browser(port);
        browser.signIn(EDITOR, Browser.PASSWORD);
        for (String ui : UI_LANGUAGES) {
            browser.open("/");
            browser.chooseUiLanguage(ui);
            String uiDir = ui.equals("ar") || ui.equals("ckb") ? "rtl" : "ltr";
            assertThat(browser.script("return getComputedStyle(document.documentElement).direction;"))
                    .as("page direction in the %s UI", ui)
                    .isEqualTo(uiDir);
            for (Map.Entry<String, Article> story : stories.entrySet()) {
                Article article = story.getValue();
                String storyDir = article.language().direction().htmlValue();
                browser.open("/story/" + article.id());
                browser.wait.until(d -> storyDir.equals(innerDirection("headline")));
                browser.wait.until(d -> !browser.driver
                        .findElements(By.cssSelector("#body-preview p"))
                        .isEmpty());

                @SuppressWarnings("unchecked")
                Map<String, Object> directions = (Map<String, Object>) browser.script(DIRECTIONS);
                String combination = "UI " + ui + ", story " + story.getKey();
                assertThat(directions)
                        .as(combination)
                        .containsEntry("headline", storyDir)
                        .containsEntry("standfirst", storyDir)
                        .containsEntry("body", storyDir)
                        .containsEntry("dateline-place", storyDir)
                        .containsEntry("dateline-region", storyDir)
                        .containsEntry("byline-0", storyDir)
                        .containsEntry("byline-1", storyDir)
                        .containsEntry("headline-label", uiDir)
                        .containsEntry("body-bidi", "plaintext");
                assertThat(browser.script("return document.documentElement.lang;"))
                        .isEqualTo(ui);

                if (storyDir.equals("rtl")) {
                    // قال … "We will …" أمس. reads right to left: the first word rightmost, the English
                    // quote to its left, the full stop at the far left.
                    String quote = story.getKey().equals("ar") ? "We will reopen the bridge" : "The bridge is open";
                    String first = story.getKey().equals("ar") ? "قال" : "وەزیر";
                    @SuppressWarnings("unchecked")
                    Map<String, Number> at = (Map<String, Number>) browser.script(PLACES, quote, first);
                    assertThat(at).as(combination).isNotNull();
                    assertThat(at.get("firstLeft").doubleValue())
                            .as("%s: the first Arabic word right of the quote", combination)
                            .isGreaterThanOrEqualTo(at.get("quoteRight").doubleValue());
                    assertThat(at.get("stopRight").doubleValue())
                            .as("%s: the full stop left of the quote", combination)
                            .isLessThanOrEqualTo(at.get("quoteLeft").doubleValue());
                } else {
                    String quote = story.getKey().equals("en") ? "نعمل ليلاً" : "العمل مستمر";
                    String first = story.getKey().equals("en") ? "The" : "Bakan";
                    @SuppressWarnings("unchecked")
                    Map<String, Number> at = (Map<String, Number>) browser.script(PLACES, quote, first);
                    assertThat(at.get("firstRight").doubleValue())
                            .as("%s: the first word left of the quote", combination)
                            .isLessThanOrEqualTo(at.get("quoteLeft").doubleValue());
                    assertThat(at.get("stopLeft").doubleValue())
                            .as("%s: the full stop right of the quote", combination)
                            .isGreaterThanOrEqualTo(at.get("quoteRight").doubleValue());
                }
                browser.screenshot("direction-ui-" + ui + "-story-" + story.getKey());
            }
        }
    }

    /**
     * The dialogs' text fields: the note asked for by request changes, kill, correct and closing the
     * comments. The schedule and embargo dialogs have no free text (a date, a time and a zone id),
     * which rightly follow the UI. One published and one submitted story per story language; each
     * dialog is opened, measured and closed with Escape.
     */
    @Test
    void everyDialogsTextFieldTypesInTheStorysDirectionWhateverTheUiLanguage() {
        Browser.createPeople(accounts);
        Map<LanguageTag, Article> published = new LinkedHashMap<>();
        Map<LanguageTag, Article> submitted = new LinkedHashMap<>();
        // "The dam opens its gates" / "A new market in the old town", each in the story's language
        record Story(LanguageTag language, String headline, String body, String place) {}
        for (Story s : List.of(
                new Story(LanguageTag.ENGLISH, "Dam opens its gates", "Water reached the fields.", "DUKAN"),
                new Story(LanguageTag.ARABIC, "السد يفتح بواباته", "وصلت المياه إلى الحقول.", "دوكان"),
                new Story(LanguageTag.SORANI, "بەنداو دەرگاکانی کردەوە", "ئاو گەیشتە کێڵگەکان.", "دوکان"),
                new Story(LanguageTag.TURKISH, "Baraj kapaklarını açtı", "Su tarlalara ulaştı.", "DUKAN"))) {
            published.put(
                    s.language(),
                    Newsroom.publishedStory(articles, Newsroom.story(s.language(), s.headline(), s.body(), s.place())));
            Article draft = Newsroom.asReporter(() -> articles.createDraft(
                    Newsroom.story(s.language(), s.headline() + " 2", "2 " + s.body(), s.place())));
            submitted.put(s.language(), Newsroom.asReporter(() -> articles.submit(draft.id(), draft.version())));
        }

        browser = new Browser(port);
        browser.signIn(EDITOR, Browser.PASSWORD);
        for (String ui : UI_LANGUAGES) {
            browser.open("/");
            browser.chooseUiLanguage(ui);
            String uiDir = ui.equals("ar") || ui.equals("ckb") ? "rtl" : "ltr";
            for (LanguageTag language : published.keySet()) {
                String storyDir = language.direction().htmlValue();
                String combination = "UI " + ui + ", story " + language.value();

                browser.open("/story/" + published.get(language).id());
                checkDialog("action-kill", "action-note", storyDir, language, uiDir, combination);
                browser.type("action-note", NOTES.get(language));
                browser.screenshot("direction-dialog-ui-" + ui + "-story-" + language.value());
                closeDialog();
                checkDialog("action-correct", "action-note", storyDir, language, uiDir, combination);
                closeDialog();
                checkDialog("comments-close", "comments-close-note", storyDir, language, uiDir, combination);
                closeDialog();

                browser.open("/story/" + submitted.get(language).id());
                checkDialog("action-request-changes", "action-note", storyDir, language, uiDir, combination);
                closeDialog();
            }
        }
    }

    /** A reason typed into the kill dialog for the screenshot, quoting a number or a word of another script. */
    private static final Map<LanguageTag, String> NOTES = Map.of(
            LanguageTag.ENGLISH, "Wrong dam: the photo shows \"سد دوكان\", not Darbandikhan.",
            LanguageTag.ARABIC, "الصورة ليست لسد Dukan بل لسد آخر.",
            LanguageTag.SORANI, "وێنەکە هی بەنداوی Dukan نییە.",
            LanguageTag.TURKISH, "Fotoğraf \"سد دوكان\" değil, başka bir baraj.");

    /** Opens a dialog with a button and checks its text field: the story's direction and language inside, the UI's on the label. */
    private void checkDialog(
            String button, String field, String storyDir, LanguageTag language, String uiDir, String combination) {
        browser.wait.until(d -> !d.findElements(By.id(button)).isEmpty());
        browser.click(button);
        browser.wait.until(d -> storyDir.equals(innerDirection(field)));
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.script("""
                const host = document.getElementById(arguments[0]);
                const inner = host.querySelector(':scope > textarea, :scope > input');
                const label = host.querySelector(':scope > label');
                return {dir: getComputedStyle(inner).direction, lang: inner.getAttribute('lang'),
                        label: getComputedStyle(label).direction};
                """, field);
        assertThat(seen)
                .as("%s: %s's %s", combination, button, field)
                .containsEntry("dir", storyDir)
                .containsEntry("lang", language.value())
                .containsEntry("label", uiDir);
    }

    private void closeDialog() {
        browser.press(org.openqa.selenium.Keys.ESCAPE);
        browser.wait.until(
                d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());
    }

    private String innerDirection(String id) {
        return String.valueOf(browser.script(
                "const i = document.querySelector('#' + arguments[0] + ' > input, #' + arguments[0] + ' > textarea');"
                        + " return i ? getComputedStyle(i).direction : null;",
                id));
    }

    private Article story(LanguageTag language, String headline, String mixedParagraph, String place, String region) {
        ArticleContent content = new ArticleContent(
                language,
                "news",
                headline,
                headline + " — " + place,
                mixedParagraph + "\n\n" + headline,
                List.of(new Byline(place + " desk", "Staff"), new Byline(headline.substring(0, 5), "Photos")),
                new Dateline(place, region, "IQ", LocalDate.of(2026, 11, 25)));
        return Newsroom.asEditor(() -> articles.createDraft(content));
    }
}
