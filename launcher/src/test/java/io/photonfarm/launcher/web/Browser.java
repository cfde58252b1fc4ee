package io.photonfarm.launcher.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system packages, driven by the system chromedriver (Selenium Manager
 * never runs: it would try to download a browser). Screenshots go to {@code target/screenshots},
 * downloads to a directory of their own, and the browser's console is read after each page so a
 * script error fails the test that caused it.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    private final Path screenshots;
    private final List<String> consoleErrors = new ArrayList<>();

    Browser(Path work, Path screenshots) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver: run 'bash ops/setup.sh --tests'");
        this.screenshots = Files.createDirectories(screenshots);
        this.downloads = Files.createDirectories(work.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(work.resolve("profile")), "--window-size=1280,800");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Sets the viewport (the inner window) to exactly width x height CSS pixels. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerW = ((Number) js("return window.innerWidth")).longValue();
        long innerH = ((Number) js("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(width + (width - (int) innerW), height + (height - (int) innerH)));
    }

    /** Saves a screenshot of the viewport as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) throws IOException {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Path out = screenshots.resolve(name + ".png");
        Files.copy(shot, out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** Console messages at level SEVERE since the last call (script errors, failed loads, CSP refusals). */
    List<String> takeConsoleErrors() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(e.getMessage());
            }
        }
        List<String> out = List.copyOf(consoleErrors);
        consoleErrors.clear();
        return out;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
