package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Translate into…" and the side-by-side view in headless Chromium, both ways round: an Arabic story
 * translated into English in the English UI, an English story translated into Sorani in the Sorani
 * UI. Each side keeps its own text's direction; the group is listed on the story page; a change to
 * the source's body flags the translation (story page, desk) and marks the changed paragraphs; the
 * translator's save clears the flag.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TranslationBrowserIT {

    /** Computed directions of the inner text elements of both sides, and where the columns sit. */
    private static final String SIDES = """
            const dir = s => { const e = document.querySelector(s); return e ? getComputedStyle(e).direction : 'missing'; };
            const x = s => document.querySelector(s).getBoundingClientRect();
            return {
              page: getComputedStyle(document.documentElement).direction,
              sourceHeadline: dir('#source-headline .source-text'),
              sourceStandfirst: dir('#source-standfirst .source-text'),
              sourceParagraph: dir('#source-p-0 .source-text'),
              headline: dir('#translation-headline > input'),
              standfirst: dir('#translation-standfirst > textarea'),
              paragraph: dir('#translation-p-0 > textarea'),
              headlineLabel: dir('#translation-headline > label'),
              sourceLeft: x('#source-p-0').left,
              translationLeft: x('#translation-p-0').left,
              sourceTop: x('#source-p-1').top,
              translationTop: x('#translation-p-1').top,
              nextTranslationTop: x('#translation-p-2').top
            };
            """;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    private Browser browser;

    /** One translation exercise: the source, what the translator types, and how the source then changes. */
    private record Case(
            String name,
            String ui,
            ArticleContent source,
            String target,
            String headline,
            String standfirst,
            List<String> paragraphs,
            List<String> changedSourceParagraphs,
            String newParagraphTranslation) {}

    @BeforeEach
    void people() {
        Browser.createPeople(accounts);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("translation-last-seen");
            browser.close();
        }
    }

    @Test
    void anArabicStoryIsTranslatedIntoEnglishBesideItsSourceAndKeptInStep() {
        ArticleContent arabic = content(
                LanguageTag.ARABIC,
                "افتتاح سوق السمك الجديد في البصرة",
                "السوق على ضفة شط العرب ويفتح ثلاثة أيام في الأسبوع.",
                List.of(
                        "افتتح المحافظ السوق صباح السبت.",
                        "قال الصيادون \"We finally have a roof\" بعد سنوات من البيع في الشارع.",
                        "يفتح السوق من السادسة صباحاً."),
                "البصرة");
        exercise(new Case(
                "ar-en",
                "en",
                arabic,
                "en",
                "Basra opens its new fish market",
                "The market on the Shatt al-Arab opens three days a week.",
                List.of(
                        "The governor opened the market on Saturday morning.",
                        "Fishermen said \"We finally have a roof\" after years of selling in the street.",
                        "The market opens at six in the morning."),
                List.of(
                        "افتتح المحافظ السوق صباح السبت.",
                        "قال الصيادون \"We finally have a roof\" بعد سنوات من البيع في الشارع.",
                        "يفتح السوق من السابعة صباحاً.",
                        "وستُخصَّص حافلة مجانية للزبائن."),
                "A free bus will carry shoppers."));
    }

    @Test
    void anEnglishStoryIsTranslatedIntoSoraniInTheSoraniUi() {
        ArticleContent english = content(
                LanguageTag.ENGLISH,
                "Erbil's citadel reopens to visitors",
                "The restored gate lets visitors in from Monday.",
                List.of(
                        "The citadel reopens on Monday after two years of work.",
                        "Tickets cost 5,000 dinars; students enter free.",
                        "Guides speak Kurdish, Arabic and English."),
                "ERBIL");
        exercise(new Case(
                "en-ckb",
                "ckb",
                english,
                "ckb",
                "قەڵای هەولێر بۆ سەردانکەران دەکرێتەوە",
                "دەروازە نۆژەنکراوەکە لە دووشەممەوە ڕێگە بە سەردانکەران دەدات.",
                List.of(
                        "قەڵاکە دوای دوو ساڵ کار دووشەممە دەکرێتەوە.",
                        "نرخی بلیت ٥٬٠٠٠ دینارە؛ خوێندکاران بەخۆڕایی دەچنە ژوورەوە.",
                        "ڕێبەرەکان بە کوردی، عەرەبی و ئینگلیزی قسە دەکەن."),
                List.of(
                        "The citadel reopens on Monday after two years of work.",
                        "Tickets cost 6,000 dinars; students and children enter free.",
                        "Guides speak Kurdish, Arabic and English."),
                ""));
    }

    private void exercise(Case c) {
        Article source = Newsroom.asReporter(() -> articles.createDraft(c.source()));
        String sourceDir = source.language().direction().htmlValue();
        LanguageTag target = LanguageTag.of(c.target());
        String targetDir = target.direction().htmlValue();
        Locale uiLocale = Locale.forLanguageTag(c.ui());
        String pageDir = c.ui().equals("ar") || c.ui().equals("ckb") ? "rtl" : "ltr";

        browser = new Browser(port);
        browser.signIn(REPORTER, Browser.PASSWORD);
        browser.open("/");
        browser.chooseUiLanguage(c.ui());

        // Translate into… offers the newsroom's languages but the story's own; its own is refused if typed.
        browser.open("/story/" + source.id());
        browser.click("translate-into");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#translate-language input")));
        browser.type("translate-language", source.language().value());
        browser.click("translate-confirm");
        String sameLanguage = errorMessage("translate-language");
        assertThat(sameLanguage)
                .as("the refusal in the %s UI names the language in it", c.ui())
                .contains(source.language().locale().getDisplayName(uiLocale));
        browser.screenshot("translation-" + c.name() + "-refused");
        // A tag no one speaks is refused as typed, in the UI language (not a raw key, not English).
        browser.type("translate-language", "qqx");
        browser.click("translate-confirm");
        browser.wait.until(d -> !sameLanguage.equals(errorMessage("translate-language")));
        assertThat(errorMessage("translate-language"))
                .contains("qqx")
                .doesNotContain("refusal.")
                .isEqualTo(MessageFormat.format(
                        ResourceBundle.getBundle("vaadin-i18n.translations", uiLocale)
                                .getString("refusal.translation.unknown-language"),
                        "qqx"));
        browser.type("translate-language", c.target());
        browser.click("translate-confirm");
        browser.wait.until(ExpectedConditions.urlMatches("/translation/[^/]+$"));
        ArticleId translationId = idIn(browser.driver.getCurrentUrl());
        browser.wait.until(d -> targetDir.equals(innerDirection("#translation-headline > input")));

        @SuppressWarnings("unchecked")
        Map<String, Object> sides = (Map<String, Object>) browser.script(SIDES);
        assertThat(sides)
                .as(c.name())
                .containsEntry("page", pageDir)
                .containsEntry("sourceHeadline", sourceDir)
                .containsEntry("sourceStandfirst", sourceDir)
                .containsEntry("sourceParagraph", sourceDir)
                .containsEntry("headline", targetDir)
                .containsEntry("standfirst", targetDir)
                .containsEntry("paragraph", targetDir)
                .containsEntry("headlineLabel", pageDir);
        double sourceLeft = number(sides, "sourceLeft");
        double translationLeft = number(sides, "translationLeft");
        assertThat(pageDir.equals("ltr") ? sourceLeft < translationLeft : sourceLeft > translationLeft)
                .as("%s: the source comes first in the %s page's reading order", c.name(), pageDir)
                .isTrue();
        assertThat(number(sides, "sourceTop"))
                .as("%s: the second paragraphs stand side by side", c.name())
                .isGreaterThan(number(sides, "translationTop") - 40)
                .isLessThan(number(sides, "nextTranslationTop"));
        assertThat(shown("translation-stale")).isFalse();

        // The translator replaces the source's text (carried into the draft) with the translation.
        browser.type("translation-headline", c.headline());
        browser.type("translation-standfirst", c.standfirst());
        for (int i = 0; i < c.paragraphs().size(); i++) {
            browser.type("translation-p-" + i, c.paragraphs().get(i));
        }
        browser.click("translation-save");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("translation-state"), "v2"));
        Article translated = stored(translationId);
        assertThat(translated.language()).isEqualTo(target);
        assertThat(translated.headline()).isEqualTo(c.headline());
        assertThat(translated.body()).isEqualTo(String.join("\n\n", c.paragraphs()));
        browser.screenshot("translation-" + c.name() + "-side-by-side");

        // The source's page lists its group: each version by its name in the UI language, linked.
        browser.open("/story/" + source.id());
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("version-" + target.primary())));
        assertThat(browser.text("version-link-" + target.primary()))
                .isEqualTo(target.locale().getDisplayName(uiLocale));
        assertThat(shown("stale-" + target.primary())).isFalse();
        assertThat(browser.text("version-" + source.language().primary()))
                .contains(source.language().locale().getDisplayName(uiLocale));

        // The source's body changes: the translation is stale on its page, in the group and on the desk.
        Article current = stored(source.id());
        Newsroom.asEditor(() -> articles.save(
                source.id(),
                current.version(),
                current.content().withBody(String.join("\n\n", c.changedSourceParagraphs()))));
        assertThat(membership(translationId).stale()).isTrue();

        browser.open("/story/" + source.id());
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stale-" + target.primary())));
        browser.screenshot("translation-" + c.name() + "-group-stale");
        browser.open("/story/" + translationId);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("story-stale")));

        browser.open("/");
        browser.click("queue-to_update");
        browser.wait.until(d -> deskHeadlines().contains(c.headline()));
        assertThat(deskHeadlines()).doesNotContain(source.headline());
        assertThat(browser.script(
                        "return [...document.querySelectorAll('vaadin-grid-cell-content .stale-badge')].length;"))
                .isNotEqualTo(0L);
        browser.screenshot("translation-" + c.name() + "-desk");

        // Beside the source: the changed paragraph is marked with what it said, the translation still
        // stands beside it; a new source paragraph gets an empty box.
        browser.open("/story/" + source.id());
        browser.click("version-link-" + target.primary());
        browser.wait.until(ExpectedConditions.urlContains("/story/" + translationId));
        browser.click("side-by-side-" + target.primary());
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("translation-stale")));
        int changed = firstDifference(c.source().body(), c.changedSourceParagraphs());
        assertThat(browser.driver.findElement(By.id("source-p-" + changed)).getAttribute("data-change"))
                .isEqualTo("changed");
        assertThat(browser.driver
                        .findElement(By.cssSelector("#source-p-" + changed + " .source-before"))
                        .getText())
                .isEqualTo(paragraphsOf(c.source().body()).get(changed));
        assertThat(browser.driver.findElement(By.id("source-p-0")).getAttribute("data-change"))
                .isNull();
        assertThat(inputValue("translation-p-" + changed))
                .isEqualTo(c.paragraphs().get(changed));
        boolean added = c.changedSourceParagraphs().size() > c.paragraphs().size();
        if (added) {
            int last = c.changedSourceParagraphs().size() - 1;
            assertThat(browser.driver.findElement(By.id("source-p-" + last)).getAttribute("data-change"))
                    .isEqualTo("added");
            assertThat(inputValue("translation-p-" + last)).isEmpty();
            browser.type("translation-p-" + last, c.newParagraphTranslation());
            // Leaving with typed text asks first; staying keeps it.
            browser.click("translation-story-link");
            browser.wait.until(d -> Boolean.TRUE.equals(
                    browser.script("const d = document.getElementById('unsaved-changes'); return !!d && d.opened;")));
            browser.script("document.querySelector('#unsaved-changes > [slot=cancel-button]').click();");
            browser.waitForVaadin();
            assertThat(browser.driver.getCurrentUrl()).contains("/translation/" + translationId);
            assertThat(inputValue("translation-p-" + last)).isEqualTo(c.newParagraphTranslation());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> again = (Map<String, Object>) browser.script(SIDES);
        assertThat(again).containsEntry("sourceParagraph", sourceDir).containsEntry("paragraph", targetDir);
        browser.screenshot("translation-" + c.name() + "-stale-marked");

        // The translator looked and saves: the flag clears, here and in the group.
        browser.click("translation-save");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("translation-stale")));
        assertThat(membership(translationId).stale()).isFalse();
        assertThat(browser.driver.findElements(By.cssSelector(".source-cell[data-change]")))
                .isEmpty();
        if (added) {
            assertThat(stored(translationId).body()).endsWith("\n\n" + c.newParagraphTranslation());
        }
        browser.screenshot("translation-" + c.name() + "-cleared");
        browser.open("/story/" + source.id());
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("version-" + target.primary())));
        assertThat(shown("stale-" + target.primary())).isFalse();

        // A language the group has already is refused, in the UI language, and nothing is created.
        browser.click("translate-into");
        browser.type("translate-language", c.target());
        browser.click("translate-confirm");
        assertThat(errorMessage("translate-language")).contains(target.locale().getDisplayName(uiLocale));
        assertThat(Newsroom.as(EDITOR, () -> translations.group(source.id()), Role.EDITOR))
                .hasSize(2);
        browser.press(Keys.ESCAPE);
    }

    /** Shown on the page: Vaadin does not send a component that is hidden to the browser at all. */
    private boolean shown(String id) {
        return browser.driver.findElements(By.id(id)).stream().anyMatch(e -> e.isDisplayed());
    }

    private String errorMessage(String id) {
        browser.wait.until(
                d -> Boolean.TRUE.equals(browser.script("return document.getElementById(arguments[0]).invalid;", id)));
        return String.valueOf(browser.script("return document.getElementById(arguments[0]).errorMessage;", id));
    }

    private String inputValue(String id) {
        return String.valueOf(
                browser.script("return document.querySelector('#' + arguments[0] + ' > textarea').value;", id));
    }

    private String innerDirection(String selector) {
        return String.valueOf(browser.script(
                "const e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).direction : null;",
                selector));
    }

    @SuppressWarnings("unchecked")
    private List<String> deskHeadlines() {
        return (List<String>)
                browser.script(
                        "return [...document.querySelectorAll('vaadin-grid-cell-content a.desk-headline')].map(a => a.textContent);");
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    private static List<String> paragraphsOf(String body) {
        return List.of(body.split("\n\n"));
    }

    private static int firstDifference(String body, List<String> changed) {
        List<String> before = paragraphsOf(body);
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(changed.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no paragraph changed");
    }

    private static ArticleId idIn(String url) {
        return ArticleId.parse(url.substring(url.lastIndexOf('/') + 1));
    }

    private Article stored(ArticleId id) {
        return Newsroom.asEditor(() -> articles.find(id).orElseThrow());
    }

    private Translation membership(ArticleId id) {
        return Newsroom.as(EDITOR, () -> translations.find(id).orElseThrow(), Role.EDITOR);
    }

    private static ArticleContent content(
            LanguageTag language, String headline, String standfirst, List<String> paragraphs, String place) {
        return new ArticleContent(
                language,
                "city",
                headline,
                standfirst,
                String.join("\n\n", paragraphs),
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline(place, "", "IQ", LocalDate.of(2026, 12, 5)));
    }
}
