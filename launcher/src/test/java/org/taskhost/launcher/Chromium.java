package org.taskhost.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver by Selenium (no driver download: both paths are
 * given). The browser's console is kept, so a test can check that the page logged no error.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration DEADLINE = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final List<LogEntry> console = new ArrayList<>();

    Chromium(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // --no-sandbox: CI runs as root, where chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits for a condition; past the deadline, fails with what the page showed (and its screenshot in target/). */
    <T> T until(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, DEADLINE, Duration.ofMillis(50)).until(condition);
        } catch (TimeoutException e) {
            String shown;
            try {
                Path shot = Path.of("target", "web-failure-" + System.nanoTime() + ".png");
                screenshot(shot);
                shown = "page at " + driver.getCurrentUrl() + " (screenshot " + shot.toAbsolutePath() + "):\n"
                        + driver.findElement(By.tagName("body")).getText();
            } catch (IOException | RuntimeException again) {
                shown = "(the page could not be read: " + again + ")";
            }
            throw new AssertionError("no " + what + " within " + DEADLINE.toSeconds() + " s; " + shown, e);
        }
    }

    WebElement find(String css) {
        return until("an element " + css, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the element's text is the expected one; returns it. */
    WebElement untilText(String css, String expected) {
        return until(css + " showing '" + expected + "'", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().trim().equals(expected) ? found.get(0) : null;
        });
    }

    WebElement untilTextContains(String css, String part) {
        return until(css + " containing '" + part + "'", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(part) ? found.get(0) : null;
        });
    }

    /** Presses Tab until the focused element matches, as a keyboard user would reach it. */
    void tabTo(String css, int most) {
        Actions keys = new Actions(driver);
        for (int i = 0; i < most; i++) {
            if (Boolean.TRUE.equals(script("return document.activeElement !== null && document.activeElement.matches(arguments[0])", css))) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError(css + " not reached with " + most + " presses of Tab; focus on "
                + script("return document.activeElement.outerHTML.slice(0, 200)"));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the browser shows as a PNG. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every console entry of level SEVERE since the browser started (chromedriver hands each entry out once). */
    List<LogEntry> consoleErrors() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        return console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
