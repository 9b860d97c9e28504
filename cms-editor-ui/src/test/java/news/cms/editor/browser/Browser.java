package news.cms.editor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.testsupport.Newsroom;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through the system chromedriver, signed in as one person.
 * Vaadin's fields keep their native {@code input}/{@code textarea} in light DOM, so plain CSS reaches them.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The password of the test newsroom's people in the browser tests. */
    static final String PASSWORD = "correct horse battery";

    /** Creates the accounts the browser tests sign in with: reporter Rezan and editor Layla. */
    static void createPeople(AccountService accounts) {
        accounts.save(new UserAccount(Newsroom.REPORTER, "Rezan Ahmed", Set.of(Role.REPORTER), true), PASSWORD);
        accounts.save(new UserAccount(Newsroom.EDITOR, "Layla Hassan", Set.of(Role.EDITOR), true), PASSWORD);
    }

    private final String base;
    private final Path profile;
    final ChromeDriver driver;
    final WebDriverWait wait;

    Browser(int port) {
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
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String path) {
        driver.get(base + path);
        waitForVaadin();
    }

    void signIn(String username, String password) {
        open("/login");
        WebElement user =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-user")));
        wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), username));
    }

    /** Types into a Vaadin text field, area or combo box found by the component's id. */
    void type(String id, String text) {
        WebElement input = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " > input, #" + id + " > textarea")));
        replace(input, text);
    }

    static void replace(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    void click(String id) {
        WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        script("arguments[0].scrollIntoView({block: 'center'});", target);
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
        waitForVaadin();
    }

    String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText();
    }

    void waitForText(String id, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    }

    /** Waits until Vaadin has no request in flight. */
    void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void screenshot(String name) {
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
