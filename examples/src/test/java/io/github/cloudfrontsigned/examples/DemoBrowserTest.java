package io.github.cloudfrontsigned.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo in a real browser: Debian's headless Chromium driven by its chromedriver through Selenium (nothing is
 * downloaded). Skipped when Chromium is not installed, except in CI ({@code CI=true}), where that fails.
 */
final class DemoBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    /** Selenium looks for a DevTools binding matching Chromium's version and warns; the tests use none. */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium"));

    private static DemoServer server;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but Debian's chromium and chromium-driver are not installed: apt-get install -y chromium"
                    + " chromium-driver");
        }
        assumeTrue(
                installed, "Chromium not installed (apt-get install chromium chromium-driver): browser test skipped");
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
        server = DemoServer.builder()
                .port(0)
                .dataDir(Files.createTempDirectory("demo-browser-test"))
                .start();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1100,1500",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.get(server.baseUrl() + "/library");
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(DemoServer.USERS.get("alice"));
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("#stream[data-done='true']"))
                        .isEmpty());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static long naturalWidth(WebElement image) {
        Object width = ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1;", image);
        return ((Number) width).longValue();
    }

    @Test
    void libraryPage_loadsEverySignedImage() throws IOException {
        List<WebElement> images = browser.findElements(By.cssSelector("img.signed"));
        assertEquals(DemoFiles.IMAGES.size(), images.size());
        for (WebElement image : images) {
            assertEquals(320, naturalWidth(image), image.getAttribute("src"));
        }
        Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(screenshot, Path.of("target", "library-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void membersGallery_loadsWithTheSignedCookies() {
        List<WebElement> images = browser.findElements(By.cssSelector("img.cookie"));
        assertEquals(DemoFiles.GALLERY.size(), images.size());
        for (WebElement image : images) {
            assertTrue(image.getAttribute("src").indexOf('?') < 0, "no query: cookies grant it");
            assertEquals(320, naturalWidth(image), image.getAttribute("src"));
        }
    }

    @Test
    void pageScript_fetchesThePlaylistAndEverySegmentWithTheCookies() {
        List<WebElement> fetched = browser.findElements(By.cssSelector("#stream li"));
        assertEquals(1 + DemoFiles.SEGMENTS.size(), fetched.size());
        for (WebElement item : fetched) {
            assertEquals("200", item.getAttribute("data-status"), item.getText());
        }
    }

    private static String fetch(String url) {
        return String.valueOf(((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'include'})"
                                + ".then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('error ' + e));",
                        url));
    }

    @Test
    void downloadLink_redirectsToTheSignedFile() {
        String href = browser.findElements(By.cssSelector("a.download")).get(0).getAttribute("href");
        assertEquals("200 Quarterly report (demo)\nAll figures are made up.\n", fetch(href));
    }

    @Test
    void userFolder_opensForItsOwnerOnly() {
        String own = browser.findElement(By.id("user-file")).getAttribute("href");
        assertEquals("200 Private notes of alice.\n", fetch(own));
        String other = fetch(own.replace("/users/alice/", "/users/bob/"));
        assertTrue(other.startsWith("403 ") && other.contains("<Code>MissingKey</Code>"), other);
    }

    @Test
    void tamperedUrl_isAccessDenied() {
        String src = browser.findElements(By.cssSelector("img.signed")).get(0).getAttribute("src");
        String tampered = src.replace("/images/sunset.png?", "/images/forest.png?");
        String status = fetch(tampered);
        assertTrue(status.startsWith("403 ") && status.contains("<Code>AccessDenied</Code>"), status);
    }
}
