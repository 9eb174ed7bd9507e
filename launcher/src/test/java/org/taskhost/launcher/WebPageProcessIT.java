package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;

/**
 * The web page in a real browser (Debian's chromium, headless, through Selenium) against the launched taskhost.jar with
 * its sample plugins: sign-in, the live plugin table, operations, the plugin page, adding from git, roles. One
 * taskhost and one browser serve the tests in order; each waits on what the page shows, with a deadline. The
 * screenshots in docs/screenshots/ are taken here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageProcessIT {

    static final Path SHOTS = TaskhostProcess.TOP.resolve("docs/screenshots");
    static final String READ_TOKEN = "web-read-token-0123456789";

    HttpTaskhost th;
    Chromium browser;
    String page;

    @BeforeAll
    void start() throws Exception {
        th = HttpTaskhost.start(Map.of("TASKHOST_TOKENS", "read:" + READ_TOKEN));
        page = th.base.replace("/api/v1", "/");
        browser = new Chromium(1280, 800);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (th != null) {
            th.close();
        }
    }

    private WebElement row(String plugin) {
        return browser.find("tr[data-plugin='" + plugin + "']");
    }

    private String status(String plugin) {
        return "tr[data-plugin='" + plugin + "'] td.status";
    }

    private void signIn(String token) {
        WebElement input = browser.find("#token");
        input.clear();
        input.sendKeys(token, Keys.ENTER);
    }

    @Test
    @Order(1)
    void signInWithTheKeyboardShowsTheSamplePlugins() throws Exception {
        browser.open(page);
        browser.find("#signin");
        assertThat(browser.driver.findElement(By.id("signout")).isDisplayed()).as("no Sign out before signing in").isFalse();
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).as("no navigation before signing in").isFalse();
        browser.screenshot(SHOTS.resolve("sign-in.png"));
        signIn("not-a-token");
        browser.untilTextContains("#signin-error", "401");

        signIn(th.admin);
        for (String sample : List.of("monitor", "pulse", "scaler", "diagnostics")) {
            row(sample);
        }
        browser.untilText(status("monitor"), "RUN");
        browser.untilText("#who", "role: admin");
        browser.untilText("#live", "live");
        assertThat(browser.script("return sessionStorage.getItem('taskhost.token')")).isEqualTo(th.admin);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(th.admin);
        browser.screenshot(SHOTS.resolve("plugins.png"));
    }

    @Test
    @Order(2)
    void disablingTurnsTheRowPausedWithoutAReloadAndAChannelAccessEnableResumesIt() throws Exception {
        browser.script("window.sameDocument = 'yes'");
        browser.tabTo("tr[data-plugin='monitor'] button[data-action='disable']", 60);
        long pressed = System.nanoTime();
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.untilText(status("monitor"), "PAUSED");
        System.out.printf("disable pressed -> row PAUSED in the browser: %d ms%n", (System.nanoTime() - pressed) / 1_000_000);
        assertThat(row("monitor").findElement(By.cssSelector("button[data-action='enable']")).isEnabled()).isTrue();

        new CaClient(th.process.caPort, Map.of()).run("""
                epics.caput('BEAMLINE:DEFAULT:MONITOR:ENABLE', 1, wait=True, timeout=10)
                until(lambda: connect('BEAMLINE:DEFAULT:MONITOR:STATUS').get(as_string=True, use_monitor=False) == 'RUN', 'STATUS RUN')
                """);
        long put = System.nanoTime();
        browser.untilText(status("monitor"), "RUN");
        System.out.printf("CA put done -> row RUN in the browser: %d ms%n", (System.nanoTime() - put) / 1_000_000);
        assertThat(browser.script("return window.sameDocument")).as("no reload").isEqualTo("yes");
    }

    @Test
    @Order(3)
    void aPluginAddedFromGitThroughTheFormShowsItsStepsAndRuns() throws Exception {
        GitFixture repo = new GitFixture();
        repo.commitTask("web", 0);
        browser.find("a[href='#/add']").click();
        browser.find("#add-url").sendKeys(repo.url());
        browser.find("#add-name").sendKeys("fromweb");
        browser.find("#add-params").sendKeys("greeting = hello");
        browser.find("#add button[type='submit']").click();

        browser.find("#progress li[data-step='added']");
        List<String> steps = browser.driver.findElements(By.cssSelector("#progress li")).stream().map(e -> e.getAttribute("data-step")).toList();
        assertThat(steps).containsSubsequence("fetching", "building", "installing", "added");
        browser.untilText("#add-result .badge", "RUN");

        browser.find("nav a[href='#/']").click();
        browser.untilText(status("fromweb"), "RUN");
        assertThat(row("fromweb").findElement(By.cssSelector("td.version")).getText()).matches("[0-9a-f]{10}");
    }

    @Test
    @Order(4)
    void aBrokenPluginShowsTheFileLineAndMessageOfEachProblem() throws Exception {
        GitFixture repo = new GitFixture();
        repo.write("config.yaml", "parameters:\n  interval: fast\n")
                .write("Broken.java", "public class Broken extends org.taskhost.api.TaskBase {\n    public void execute() { int x = ; }\n}\n")
                .commitAll();
        browser.find("a[href='#/add']").click();
        browser.find("#add-url").sendKeys(repo.url());
        browser.find("#add-name").sendKeys("broken");
        browser.find("#add button[type='submit']").click();

        browser.untilTextContains("#add-error", "422");
        browser.find("#report");
        List<List<String>> rows = browser.driver.findElements(By.cssSelector("#report tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("config.yaml");
            assertThat(r.get(1)).isEqualTo("2");
            assertThat(r.get(3)).isEqualTo("parameters.interval");
            assertThat(r.get(4)).contains("fast");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("Broken.java");
            assertThat(r.get(1)).isEqualTo("2");
            assertThat(r.get(4)).isNotBlank();
        });
        browser.find("#progress li[data-step='failed']");
        browser.script("document.getElementById('add-error').scrollIntoView({block: 'start'})");
        browser.screenshot(SHOTS.resolve("add-error.png"));
        assertThat(th.get("/plugins/broken").statusCode()).as("nothing of it stays").isEqualTo(404);
    }

    @Test
    @Order(5)
    void thePluginPageShowsAlarmColoursAndAPutOutsideTheDriveLimitsShowsTheServersMessage() throws Exception {
        browser.find("nav a[href='#/']").click();
        row("monitor").findElement(By.cssSelector("th.name a")).click();
        browser.find("tr[data-pv='SETPOINT'] input.put-value");

        WebElement setpoint = browser.find("#put-SETPOINT");
        setpoint.sendKeys("100", Keys.ENTER);
        browser.untilText("tr[data-pv='SETPOINT'] .put-result", "done");
        browser.until("READING in MAJOR alarm, red", d -> d.findElement(By.cssSelector("tr[data-pv='READING'] td.value")).getAttribute("class").contains("sev-major"));
        assertThat(browser.find("tr[data-pv='READING'] td.value").getCssValue("box-shadow")).contains("rgb(255, 0, 0)");

        setpoint.clear();
        setpoint.sendKeys("150", Keys.ENTER);
        browser.untilTextContains("tr[data-pv='SETPOINT'] .put-result", "150 is outside the drive limits 0.0..100.0");
        assertThat(browser.find("tr[data-pv='SETPOINT'] .put-result").getText()).startsWith("422");
        browser.untilTextContains("#log pre", "Starting monitor");
        browser.screenshot(SHOTS.resolve("plugin-page.png"));

        WebElement interval = browser.find("#param-interval");
        interval.clear();
        interval.sendKeys("fast");
        browser.find("#parameters button[type='submit']").click();
        browser.untilTextContains("#param-interval-error", "must be a number");
        assertThat(th.get("/plugins/monitor").body()).as("nothing changed").contains("\"parameters\":{}");
    }

    @Test
    @Order(6)
    void aJobRunFromItsPageAppearsInItsRuns() {
        browser.find("nav a[href='#/']").click();
        row("diagnostics").findElement(By.cssSelector("th.name a")).click();
        browser.untilText("#runs p", "No runs yet.");
        browser.find(".toolbar button[data-action='run']").click();
        browser.untilTextContains("#banner-text", "Job 'diagnostics' started");
        browser.untilTextContains("#runs tbody tr", "success");
        assertThat(browser.find("#runs tbody tr").getText()).contains("Diagnostics OK");
    }

    @Test
    @Order(7)
    void aReadOnlyTokenSeesTheButtonsDisabled() throws Exception {
        browser.find("#signout").click();
        signIn(READ_TOKEN);
        browser.untilText("#who", "role: read");
        browser.find("a.brand").click();
        browser.untilText(status("monitor"), "RUN");
        List<WebElement> buttons = browser.driver.findElements(By.cssSelector("#plugins button.act"));
        assertThat(buttons).hasSizeGreaterThanOrEqualTo(4 * 6);
        assertThat(buttons).allSatisfy(b -> {
            assertThat(b.isEnabled()).as(b.getAttribute("aria-label")).isFalse();
            assertThat(b.getAttribute("title")).startsWith("needs the ");
        });
        assertThat(browser.find(".heading button.primary").isEnabled()).as("Add from git").isFalse();

        row("monitor").findElement(By.cssSelector("th.name a")).click();
        browser.find("tr[data-pv='SETPOINT']");
        assertThat(browser.find("#put-SETPOINT").isEnabled()).isFalse();
        assertThat(browser.find("#parameters button[type='submit']").isEnabled()).isFalse();
        assertThat(browser.driver.findElements(By.cssSelector(".toolbar button.act"))).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
    }

    @Test
    @Order(8)
    void atPhoneWidthThePageFitsTheScreen() throws Exception {
        browser.find("a.brand").click();
        browser.resize(390, 844);
        browser.untilText(status("monitor"), "RUN");
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("no sideways scrolling").isLessThanOrEqualTo(0);
        browser.screenshot(SHOTS.resolve("phone.png"));
        browser.resize(1280, 800);
    }

    /** The launcher runs the devices bundle: the section shows a virtual device's point with its quality and trend. */
    @Test
    @Order(9)
    void devicesAreShownWhenTheDevicesEndpointAnswers() throws Exception {
        assertThat(th.get("/devices").statusCode()).as("the devices endpoint of the launched taskhost").isEqualTo(200);
        assertThat(th.post("/devices", """
                {"id": "webahu", "driver": "virtual", "address": "sim-web", "poll_interval": 0.2,
                 "points": [{"id": "t", "address": "ramp:0:100000:1", "units": "degC"}]}
                """).statusCode()).isEqualTo(201);
        browser.find("#devices [data-device='webahu'] tr[data-point='t'] .q-good");
        browser.find("#devices [data-device='webahu'] tr[data-point='t'] svg.trend polyline");
    }

    /**
     * The page's console has no error. Refused requests the tests provoked on purpose (a wrong token, a broken plugin, a
     * bad parameter, a put out of limits; the devices endpoint where there are no devices) are logged by chromium as
     * "Failed to load resource" with their status: exactly those are expected, and nothing else.
     */
    @Test
    @Order(10)
    void theConsoleHasNoError() {
        Pattern expected = Pattern.compile(".*/api/v1/(whoami - .* 401|plugins - .* 422|plugins/monitor/parameters - .* 422|pvs/put - .* 422|devices - .* 404).*");
        List<LogEntry> errors = browser.consoleErrors();
        assertThat(errors).as("the console is read: the wrong token's 401 of the first test is there")
                .anySatisfy(e -> assertThat(e.getMessage()).contains("/api/v1/whoami"));
        assertThat(errors).allSatisfy(e -> assertThat(e.getMessage()).matches(expected));
    }
}
