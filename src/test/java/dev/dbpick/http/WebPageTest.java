package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.profile.ProfileReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The questionnaire page in a real browser: Debian's Chromium, headless, driven by Selenium
 * against the in-process service. Each test leaves a screenshot under target/screenshots.
 */
class WebPageTest extends ServiceTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profileDir;

    @BeforeAll
    void chromiumIsInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            fail("the browser tests need Chromium and its driver: apt-get install chromium chromium-driver"
                    + " (bin/test installs them when missing)");
        }
    }

    @BeforeEach
    void open() throws IOException {
        profileDir = Files.createTempDirectory("dbpick-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profileDir, "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void close(TestInfo test) throws IOException {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
            deleteQuietly(profileDir);
        }
    }

    @AfterAll
    void done() {
        // The service is closed by the shared setup.
    }

    @Test
    void answeringByClickingGivesTheSameRankingAsTheCommandLine() {
        load("/");
        String before = live();
        click("q-databases-postgresql");
        waitForLiveChange(before);
        before = live();
        click("q-async-required");
        waitForLiveChange(before);
        before = live();
        click("q-framework-fastapi");
        waitForLiveChange(before);
        assertEquals(expected("{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}"), shownRanking());
        assertTrue(browser.getCurrentUrl().contains("databases=postgresql") && browser.getCurrentUrl().contains("async=required"),
                browser.getCurrentUrl());
    }

    @Test
    void changingAnAnswerChangesTheLiveCountAndTheRanking() {
        load("/?databases=postgresql&async=required");
        String required = live();
        List<String> rankingRequired = shownRanking();
        click("q-async-not-needed");
        waitForLiveChange(required);
        assertNotEquals(rankingRequired, shownRanking());
        assertEquals(expected("{\"databases\":[\"postgresql\"],\"async\":\"not-needed\"}"), shownRanking());
    }

    @Test
    void aSharedLinkReproducesTheAnswersAndTheRanking() throws IOException {
        load("/?databases=postgresql,sqlite&priorities=type-safety,maturity&constraints=permissiveLicense");
        // Not a check: the time to the first question, for the README (see Performance).
        Object questions = browser.executeScript("const m = performance.getEntriesByName('dbpick:questions');"
                + " return m.length ? Math.round(m[0].startTime) : -1");
        Files.writeString(Path.of("target", "web-first-question-ms.txt"), questions + "\n");
        assertTrue(browser.findElement(By.id("q-databases-postgresql")).isSelected());
        assertTrue(browser.findElement(By.id("q-databases-sqlite")).isSelected());
        assertTrue(browser.findElement(By.id("q-constraints-permissiveLicense")).isSelected());
        assertEquals("1", browser.findElement(By.cssSelector("#q-priorities [data-order-for='type-safety']")).getText());
        assertEquals("2", browser.findElement(By.cssSelector("#q-priorities [data-order-for='maturity']")).getText());
        assertEquals(expected("{\"databases\":[\"postgresql\",\"sqlite\"],\"priorities\":[\"type-safety\",\"maturity\"],"
                + "\"constraints\":{\"permissiveLicense\":true}}"), shownRanking());
    }

    @Test
    void anInvalidParameterShowsTheApisErrorNextToItsQuestion() {
        load("/?databases=postgres");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-databases")));
        assertTrue(error.getText().contains("unknown value \"postgres\" (did you mean \"postgresql\"?)"), error.getText());
        click("q-databases-postgresql");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("err-databases")));
    }

    @Test
    void theQuestionnaireCanBeAnsweredWithTheKeyboardAlone() {
        load("/");
        Actions keys = new Actions(browser);
        WebElement target = browser.findElement(By.id("q-databases-sqlite"));
        for (int i = 0; i < 80 && !target.equals(browser.switchTo().activeElement()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals(target, browser.switchTo().activeElement(), "Tab reaches the SQLite checkbox");
        String before = live();
        keys.sendKeys(Keys.SPACE).perform();
        waitForLiveChange(before);
        assertTrue(target.isSelected());
        assertEquals(expected("{\"databases\":[\"sqlite\"]}"), shownRanking());
    }

    @Test
    void whenNothingFitsARelaxationIsOneClickAway() {
        load("/?databases=postgresql&constraints=standardLibraryOnly");
        WebElement way = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#answer button.apply")));
        assertTrue(browser.findElement(By.id("answer")).getText().contains("No library is recommended"));
        String before = live();
        String applied = way.getText();
        way.click();
        waitForLiveChange(before);
        assertFalse(shownRanking().isEmpty(), "a ranking after applying " + applied);
    }

    @Test
    void whyNotCompareAndThePivotsAnswerFromThePage() {
        load("/?databases=postgresql");
        browser.findElement(By.cssSelector("#excluded > summary")).click();
        WebElement excluded = browser.findElement(By.cssSelector("#excluded li.entry"));
        excluded.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Why not')]")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#detail .panel")));
        assertTrue(detail.getText().startsWith("Why not "), detail.getText());
        List<WebElement> entries = browser.findElements(By.cssSelector("ol.ranking > li.entry"));
        for (WebElement entry : entries.subList(0, 2)) {
            entry.findElement(By.tagName("summary")).click();
            entry.findElement(By.cssSelector("input[type=checkbox]")).click();
        }
        WebElement compare = wait.until(ExpectedConditions.elementToBeClickable(By.id("compare-button")));
        compare.click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#detail table.compare")));
        assertTrue(table.getText().contains("Score lines"), table.getText());
        wait.until(d -> d.findElement(By.id("answer")).getText().contains("What would change the first pick"));
    }

    @Test
    void theRankingComesAtOnceAndTheExplanationsInASecondRequest() {
        load("/?databases=postgresql&async=required&framework=fastapi");
        WebElement pivot = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-whatif=pivots] button.apply")));
        assertTrue(pivot.getText().startsWith("With "), pivot.getText());
        assertEquals("false", browser.findElement(By.cssSelector("[data-whatif=pivots]")).getAttribute("aria-busy"));
        @SuppressWarnings("unchecked")
        List<String> asked = (List<String>) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => n.includes('/api/v1/recommendations'))"
                + ".map(n => n.substring(n.indexOf('/api/')));");
        assertEquals(List.of("/api/v1/recommendations?top=0", "/api/v1/recommendations?top=1&include=pivots,relaxations"), asked,
                "the ranking without explanations, then the explanations");
        String before = live();
        String applied = pivot.getText();
        pivot.click();
        waitForLiveChange(before);
        assertFalse(shownRanking().isEmpty(), "a ranking after applying " + applied);
    }

    @Test
    void at360PixelsWideNothingScrollsSidewaysInEitherColourScheme() {
        browser.manage().window().setSize(new Dimension(360, 800));
        load("/?databases=postgresql&async=required&framework=fastapi");
        browser.findElement(By.cssSelector("#excluded > summary")).click();
        browser.findElement(By.cssSelector("ol.ranking li.entry summary")).click();
        assertNoSidewaysScroll();
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        String background = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.body).backgroundColor");
        assertEquals("rgb(13, 17, 23)", background, "the dark scheme applies");
        assertNoSidewaysScroll();
    }

    // ---- helpers ----

    private void load(String path) {
        browser.get(server.getURL() + path);
        wait.until(d -> "false".equals(d.findElement(By.id("answer")).getAttribute("aria-busy")));
    }

    private void click(String id) {
        WebElement input = browser.findElement(By.id(id));
        browser.findElement(By.cssSelector("label[for='" + id + "']")).click();
        wait.until(d -> input.isSelected());
    }

    private String live() {
        return (String) browser.executeScript("return document.getElementById('live').textContent") + "|" + shownRanking();
    }

    private void waitForLiveChange(String before) {
        wait.until(d -> "false".equals(d.findElement(By.id("answer")).getAttribute("aria-busy")) && !live().equals(before));
    }

    /** The recommended libraries the page shows, as "id score". */
    @SuppressWarnings("unchecked")
    private List<String> shownRanking() {
        // Read in one script, so a re-render between two reads cannot mix two rankings.
        return new ArrayList<>((List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('ol.ranking > li.entry'))"
                        + ".filter(e => e.querySelector('.rank').textContent.startsWith('#'))"
                        + ".map(e => e.dataset.id + ' ' + e.querySelector('.score').textContent);"));
    }

    /** What the command line's advisor recommends for the same profile, as "id score". */
    private static List<String> expected(String profile) {
        Result result = TestKnowledge.advisor().recommend(
                new ProfileReader(TestKnowledge.knowledge().questionnaire()).read(profile), 0, LocalDate.now(), Include.NONE);
        return result.recommendations().stream().map(r -> r.id() + " " + r.score()).toList();
    }

    private void assertNoSidewaysScroll() {
        Long scroll = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        Long client = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
        assertTrue(scroll <= client, "page " + scroll + " px wide in a " + client + " px window");
    }

    private static void deleteQuietly(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
