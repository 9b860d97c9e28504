package news.cms.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven through the system chromedriver, on one of our Vaadin apps:
 * system binaries (nothing downloaded), a fresh profile deleted afterwards. Vaadin's fields keep
 * their native {@code input}/{@code textarea} in light DOM, so plain CSS reaches them.
 */
public class VaadinBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String base;
    private final Path profile;
    public final ChromeDriver driver;
    public final WebDriverWait wait;

    public VaadinBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
        try {
            this.profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1100",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public void open(String path) {
        driver.get(base + path);
        waitForVaadin();
    }

    /** Signs in through the login form, typing and pressing Enter only. */
    public void signIn(String username, String password) {
        open("/login");
        WebElement user =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-user")));
        wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), username));
        waitForVaadin();
    }

    /** Presses keys wherever the focus is, as a person at the keyboard would. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        waitForVaadin();
    }

    /** Types into a Vaadin text field, area or combo box found by the component's id. */
    public void type(String id, String text) {
        WebElement input = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " > input, #" + id + " > textarea")));
        replace(input, text);
    }

    public static void replace(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    public void click(String id) {
        WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        script("arguments[0].scrollIntoView({block: 'center'});", target);
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
        waitForVaadin();
    }

    /**
     * Chooses a UI language with its switch, as a person would, and waits for the page the switch
     * reloads. Waiting for {@code <html lang>} alone is not enough: choosing the language the page
     * already has (English after a sign-out) matches at once, before the reload has even begun.
     */
    public void chooseUiLanguage(String tag) {
        WebElement button = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ui-language-" + tag)));
        // A mark on this page's window: the reloaded page has a new window without it.
        script("window.cmsBeforeLanguageSwitch = true;");
        // A script click: an overlay (the dev tools' or a notification) must not take it.
        script("arguments[0].click();", button);
        wait.until(d -> {
            try {
                return Boolean.TRUE.equals(
                        script("return !window.cmsBeforeLanguageSwitch && document.readyState === 'complete';"));
            } catch (WebDriverException e) {
                return false; // asked while the page was being replaced
            }
        });
        waitForVaadin();
        wait.until(d -> tag.equals(script("return document.documentElement.lang")));
    }

    public String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText();
    }

    public void waitForText(String id, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    }

    /** Waits until Vaadin has no request in flight. */
    public void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Writes a PNG of the page to {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover profile in the temp folder is harmless
            }
        }
    }
}
