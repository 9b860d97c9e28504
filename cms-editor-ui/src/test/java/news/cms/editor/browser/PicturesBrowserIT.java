package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javax.imageio.ImageIO;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaService;
import news.cms.core.media.MediaText;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The story's pictures in headless Chromium, in the English and the Arabic UI: a picture the test
 * draws is uploaded, described in the story's language and direction, given a focal point by a
 * click and by typing, made the featured picture and placed in the body; the previews show it.
 * A text file renamed .jpg is refused with the domain's reason in the UI language, and publishing a
 * story whose featured picture lacks its texts says what is missing.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PicturesBrowserIT {

    /** Directions the reader and the writer see: the page, a label, the fields' inner elements. */
    private static final String DIRECTIONS = """
            const dir = s => { const e = document.querySelector(s); return e ? getComputedStyle(e).direction : 'missing'; };
            return {
              page: getComputedStyle(document.documentElement).direction,
              captionLabel: dir('#picture-caption-0 > label'),
              caption: dir('#picture-caption-0 > textarea'),
              alt: dir('#picture-alt-0 > input'),
              credit: dir('#picture-credit-0 > input'),
              copyright: document.querySelector('#picture-copyright-0 > input').getAttribute('dir')
            };
            """;

    /** Where the marker's centre is drawn, as a fraction of the picture drawn. */
    private static final String MARKER = """
            const f = document.getElementById('picture-frame-0').getBoundingClientRect();
            const m = document.getElementById('picture-focal-0').getBoundingClientRect();
            return [(m.left + m.width / 2 - f.left) / f.width, (m.top + m.height / 2 - f.top) / f.height];
            """;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    MediaService media;

    @TempDir
    Path files;

    private Browser browser;

    private record Case(
            String ui,
            LanguageTag language,
            String headline,
            String body,
            String place,
            MediaText texts,
            String copyright,
            String format) {}

    @BeforeEach
    void people() {
        Browser.createPeople(accounts);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("pictures-last-seen");
            browser.close();
        }
    }

    @Test
    void anEnglishStoryGetsItsPictureInTheEnglishUi() throws IOException {
        exercise(new Case(
                "en",
                LanguageTag.ENGLISH,
                "Fishing boats return to Lake Dukan",
                "The boats went out before dawn.",
                "Dukan",
                new MediaText(
                        "Boats at dawn on Lake Dukan",
                        "Two wooden boats on still grey water under an orange sky",
                        "Rezan Ahmed"),
                "Newsroom CMS",
                "png"));
    }

    @Test
    void anArabicStoryGetsItsPictureInTheArabicUi() throws IOException {
        exercise(new Case(
                "ar",
                LanguageTag.ARABIC,
                "عودة قوارب الصيد إلى بحيرة دوكان",
                "خرجت القوارب قبل الفجر.",
                "دوكان",
                new MediaText(
                        "قوارب عند الفجر في بحيرة دوكان",
                        "قاربان خشبيان على ماء رمادي ساكن تحت سماء برتقالية",
                        "ريزان أحمد"),
                "Newsroom CMS",
                "jpg"));
    }

    private void exercise(Case c) throws IOException {
        Article draft = Newsroom.asReporter(
                () -> articles.createDraft(Newsroom.story(c.language(), c.headline(), c.body(), c.place())));
        Path picture = drawn(c.format());
        String storyDir = c.language().direction().htmlValue();
        String pageDir = c.ui().equals("ar") ? "rtl" : "ltr";

        browser = new Browser(port);
        browser.signIn(REPORTER, Browser.PASSWORD);
        chooseUi(c.ui());
        browser.open("/story/" + draft.id());
        browser.click("tab-pictures");
        assertThat(browser.text("picture-upload-rules")).contains("JPEG", "PNG", "WebP", "GIF", "30");

        upload(picture);
        browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#picture-0[data-renditions=ready]")));
        MediaItem stored = Newsroom.as(REPORTER, () -> media.pictures(draft.id()), Role.REPORTER)
                .getFirst();
        assertThat(stored.width()).isEqualTo(1200);
        assertThat(naturalWidth("picture-view-0"))
                .as("the view rendition is shown")
                .isEqualTo(640);

        // Caption, alt text and credit in the story's language and direction, under labels in the UI's.
        browser.type("picture-caption-0", c.texts().caption());
        browser.type("picture-alt-0", c.texts().altText());
        browser.type("picture-credit-0", c.texts().credit());
        browser.type("picture-copyright-0", c.copyright());
        browser.type("picture-terms-0", "Editorial use only");
        browser.click("picture-save-0");
        @SuppressWarnings("unchecked")
        Map<String, Object> dirs = (Map<String, Object>) browser.script(DIRECTIONS);
        assertThat(dirs)
                .containsEntry("page", pageDir)
                .containsEntry("captionLabel", pageDir)
                .containsEntry("caption", storyDir)
                .containsEntry("alt", storyDir)
                .containsEntry("credit", storyDir)
                .containsEntry("copyright", "auto");
        browser.wait.until(d -> c.texts()
                .equals(Newsroom.as(REPORTER, () -> media.find(stored.id()).orElseThrow(), Role.REPORTER)
                        .text(c.language())));

        // The focal point: a click three quarters across and a quarter down, then typed.
        String wideBefore = src("picture-wide-0");
        WebElement frame = browser.driver.findElement(By.id("picture-frame-0"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", frame);
        int w = frame.getRect().getWidth();
        int h = frame.getRect().getHeight();
        new Actions(browser.driver)
                .moveToElement(frame, (int) (w * 0.25), (int) (-h * 0.25))
                .click()
                .perform();
        browser.waitForVaadin();
        FocalPoint clicked = awaitFocalPoint(stored, p -> Math.abs(p.x() - 0.75) < 0.03);
        assertThat(clicked.y()).isCloseTo(0.25, within(0.03));
        browser.wait.until(d -> Math.abs(marker().get(0) - 0.75) < 0.03);
        assertThat(marker().get(1)).isCloseTo(0.25, within(0.03));

        browser.type("picture-focal-y-0", "0.6");
        FocalPoint typed = awaitFocalPoint(stored, p -> p.y() == 0.6);
        assertThat(typed.x()).isCloseTo(0.75, within(0.03));
        browser.wait.until(d -> Math.abs(marker().get(1) - 0.6) < 0.02);
        // The domain makes the crops again; the page shows the new wide crop when it is there.
        browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#picture-0[data-renditions=ready]")));
        browser.wait.until(d -> !src("picture-wide-0").equals(wideBefore));
        assertThat(naturalWidth("picture-wide-0")).isGreaterThan(0);

        // The featured slot.
        browser.click("picture-feature-0");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("featured-caption")));
        assertThat(browser.text("featured-caption")).isEqualTo(c.texts().caption());
        assertThat(Newsroom.as(REPORTER, () -> media.featuredImage(draft.id()), Role.REPORTER))
                .hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(stored.id()));
        browser.screenshot("pictures-" + c.ui() + "-panel");

        // The story's preview shows the featured picture, and one placed in the body at the cursor.
        browser.click("tab-story");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("featured-preview-image")));
        browser.wait.until(d -> naturalWidth("featured-preview-image") == 640);
        assertThat(browser.text("featured-preview-caption")).isEqualTo(c.texts().caption());
        assertThat(browser.driver.findElement(By.id("featured-preview-image")).getAttribute("alt"))
                .isEqualTo(c.texts().altText());
        WebElement body = browser.driver.findElement(By.cssSelector("#body > textarea"));
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        browser.click("insert-picture");
        browser.click("insert-picture-0");
        browser.wait.until(d -> ((String) browser.script("return document.querySelector('#body > textarea').value;"))
                .contains("](media:" + stored.id() + ")"));
        String markdown = (String) browser.script("return document.querySelector('#body > textarea').value;");
        assertThat(markdown)
                .startsWith(c.body())
                .contains("\n\n![" + c.texts().altText() + "](media:" + stored.id() + ")");
        browser.wait.until(d -> Boolean.TRUE.equals(
                browser.script("const i = document.querySelector('#body-preview figure.inline-picture img');"
                        + " return !!i && i.complete && i.naturalWidth === 640;")));
        assertThat(browser.script("return document.querySelector('#body-preview figure.inline-picture img').alt;"))
                .isEqualTo(c.texts().altText());
        assertThat(browser.script(
                        "return document.querySelector('#body-preview figure.inline-picture figcaption').textContent;"))
                .isEqualTo(c.texts().caption());
        browser.screenshot("pictures-" + c.ui() + "-preview");

        browser.click("save");
        browser.wait.until(
                d -> Newsroom.asEditor(() -> articles.find(draft.id()).orElseThrow())
                        .body()
                        .contains("(media:" + stored.id() + ")"));
    }

    @Test
    void aTextFileRenamedJpgIsRefusedWithTheReasonInTheUiLanguage() throws IOException {
        Article draft = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                LanguageTag.SORANI, "بازاڕی ماسی لە هەولێر", "بازاڕەکە بەیانیان زوو دەکرێتەوە.", "هەولێر")));
        Path fake = files.resolve("market.jpg");
        Files.writeString(fake, "Not a picture at all, only words about the fish market.\n", StandardCharsets.UTF_8);

        browser = new Browser(port);
        browser.signIn(REPORTER, Browser.PASSWORD);
        for (String ui : List.of("en", "ar")) {
            chooseUi(ui);
            browser.open("/story/" + draft.id());
            browser.click("tab-pictures");
            upload(fake);
            String expected = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag(ui))
                    .getString("refusal.media.unsupported-type");
            browser.wait.until(ExpectedConditions.textToBe(By.id("picture-refusal"), expected));
            browser.screenshot("pictures-refused-" + ui);
        }
        assertThat(Newsroom.as(REPORTER, () -> media.pictures(draft.id()), Role.REPORTER))
                .as("nothing stored")
                .isEmpty();
        assertThat(browser.driver.findElements(By.id("picture-0"))).isEmpty();
    }

    @Test
    void publishingWithoutTheFeaturedPicturesTextsInTheStorysLanguageSaysWhatIsMissing() throws IOException {
        Article draft = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                LanguageTag.ARABIC, "افتتاح سوق السمك في البصرة", "افتتح المحافظ السوق صباح السبت.", "البصرة")));
        byte[] picture = Files.readAllBytes(drawn("png"));
        MediaItem english = Newsroom.as(
                REPORTER,
                () -> media.uploadTo(draft.id(), news.cms.core.media.NewMedia.of(picture, "image/png", "market.png")),
                Role.REPORTER);
        Newsroom.asReporter(() -> {
            media.describe(
                    english.id(),
                    LanguageTag.ENGLISH,
                    new MediaText("The new fish market", "Stalls under a roof", null));
            media.setFeaturedImage(draft.id(), english.id());
            return draft;
        });
        Article submitted = Newsroom.asReporter(() -> articles.submit(draft.id(), draft.version()));
        Newsroom.asEditor(() -> articles.approve(submitted.id(), submitted.version()));

        browser = new Browser(port);
        browser.signIn(EDITOR, Browser.PASSWORD);
        chooseUi("ar");
        browser.open("/story/" + draft.id());
        browser.click("action-publish");
        String expected = message(
                "ar",
                "refusal.media.featured-texts-missing",
                Locale.forLanguageTag("ar").getDisplayName(Locale.forLanguageTag("ar")),
                message(
                        "ar",
                        "pictures.part.both",
                        message("ar", "pictures.part.caption"),
                        message("ar", "pictures.part.alt-text")));
        browser.wait.until(d -> notifications().contains(expected));
        browser.screenshot("pictures-publish-refused-ar");
        assertThat(Newsroom.asEditor(() -> articles.find(draft.id()).orElseThrow())
                        .state())
                .isEqualTo(ArticleState.APPROVED);
    }

    @Test
    void aBodyPlacingAPictureThatDoesNotExistIsRefusedOnSaveInTheUiLanguage() {
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ARABIC, "قوارب الصيد في دوكان", "خرج الصيادون قبل الفجر.", "دوكان")));
        java.util.UUID missing = java.util.UUID.fromString("5e1f0c2a-7b3d-4e8f-9a6b-2c4d6e8f0a1b");

        browser = new Browser(port);
        browser.signIn(REPORTER, Browser.PASSWORD);
        chooseUi("ar");
        browser.open("/story/" + draft.id());
        WebElement body = browser.driver.findElement(By.cssSelector("#body > textarea"));
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        body.sendKeys("\n\n![قارب](media:" + missing + ")");
        browser.click("save");
        String expected = message("ar", "refusal.media.inline-unknown", missing.toString());
        browser.wait.until(d -> notifications().contains(expected));
        browser.screenshot("pictures-inline-refused-ar");
        assertThat(Newsroom.asEditor(() -> articles.find(draft.id()).orElseThrow()))
                .as("nothing stored")
                .satisfies(a -> {
                    assertThat(a.version()).isEqualTo(draft.version());
                    assertThat(a.body()).doesNotContain("media:");
                });
    }

    private void chooseUi(String ui) {
        browser.open("/");
        browser.chooseUiLanguage(ui);
    }

    /** Gives the file to the upload's own file input, as choosing it in the dialog would. */
    private void upload(Path file) {
        WebElement host = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("picture-upload")));
        SearchContext root = host.getShadowRoot();
        List<WebElement> inputs = root.findElements(By.cssSelector("input[type=file]"));
        WebElement input = inputs.isEmpty() ? host.findElement(By.cssSelector("input[type=file]")) : inputs.getFirst();
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitForVaadin();
    }

    /** A 1200 × 800 picture drawn here: sky, water and a boat, so a crop shows where it was made. */
    private Path drawn(String format) throws IOException {
        BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xF2, 0x99, 0x4A));
        g.fillRect(0, 0, 1200, 400);
        g.setColor(new Color(0x5B, 0x6C, 0x7A));
        g.fillRect(0, 400, 1200, 400);
        g.setColor(new Color(0x6B, 0x3E, 0x1E));
        g.fillRect(820, 160, 220, 60);
        g.dispose();
        Path file = files.resolve("dukan." + format);
        assertThat(ImageIO.write(img, format.equals("jpg") ? "jpeg" : format, file.toFile()))
                .isTrue();
        return file;
    }

    private FocalPoint awaitFocalPoint(MediaItem item, java.util.function.Predicate<FocalPoint> wanted) {
        browser.wait.until(d -> wanted.test(focalPoint(item)));
        return focalPoint(item);
    }

    private FocalPoint focalPoint(MediaItem item) {
        return Newsroom.as(REPORTER, () -> media.find(item.id()).orElseThrow(), Role.REPORTER)
                .focalPoint();
    }

    @SuppressWarnings("unchecked")
    private List<Double> marker() {
        return ((List<Number>) browser.script(MARKER))
                .stream().map(Number::doubleValue).toList();
    }

    private String src(String id) {
        return browser.driver.findElement(By.id(id)).getAttribute("src");
    }

    private long naturalWidth(String id) {
        Object w = browser.script(
                "const i = document.getElementById(arguments[0]); return i && i.complete ? i.naturalWidth : 0;", id);
        return ((Number) w).longValue();
    }

    private static String message(String ui, String key, Object... params) {
        return MessageFormat.format(
                ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag(ui))
                        .getString(key),
                params);
    }

    private String notifications() {
        return (String) browser.script("return Array.from(document.querySelectorAll('vaadin-notification-card'))"
                + ".map(c => c.innerText).join('\\n');");
    }
}
