package io.jangteo.graphql.web;

import io.jangteo.graphql.MemberTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The support console in a real browser: Debian's chromium, headless, driven by its own chromedriver. A support agent
 * signs in, finds a member by e-mail, reads the timeline, opens an event, follows its request, and looks at the member
 * as they were before they moved.
 */
class SupportConsoleBrowserIT extends MemberTestSupport {

    // Debian's packages by default; other machines name theirs with -Djangteo.test.chromium / .chromedriver
    private static final Path CHROMIUM = Path.of(System.getProperty("jangteo.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("jangteo.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DateTimeFormatter LOCAL_INPUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private static final String NAME = "<i>김콘솔</i>";
    private static final Map<String, Object> OLD_ADDRESS = Map.of("label", "집", "recipient", "김콘솔",
            "phone", "010-2345-6789", "country", "KR", "postcode", "06236",
            "line1", "서울특별시 강남구 테헤란로 152", "line2", "12층");
    private static final Map<String, Object> NEW_ADDRESS = Map.of("label", "집", "recipient", "김콘솔",
            "phone", "010-2345-6789", "country", "KR", "postcode", "48058",
            "line1", "부산광역시 해운대구 센텀중앙로 79", "line2", "3층");

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        String reason = "SKIPPED SupportConsoleBrowserIT: the browser test needs Debian's chromium and chromedriver; "
                + missing + " is missing (apt-get install chromium chromium-driver, as .ci/run does)";
        if (missing != null) {
            System.out.println(reason);
        }
        Assumptions.assumeTrue(missing == null, reason);

        // no network for Selenium Manager: name the driver and the browser so it is never asked to find or fetch them
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("jangteo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void stopBrowser(TestInfo test) throws IOException {
        if (browser != null) {
            try {
                // what the page looked like at the end, pass or fail, for whoever reads a CI failure
                Path shots = Files.createDirectories(Path.of("target", "support-console"));
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                String name = test.getTestMethod().map(m -> m.getName()).orElse("page");
                Files.write(shots.resolve(name + ".png"), png);
                Files.writeString(shots.resolve(name + ".html"), browser.getPageSource());
            } finally {
                browser.quit();
            }
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupportAgentFindsAMemberReadsTheTimelineFollowsARequestAndSeesTheOldAddressAsOfAnEarlierMoment() {
        Account support = staff("SUPPORT");
        String email = uniqueEmail("console");
        // markup in a name must show as text: the page never parses data as HTML
        register(email, NAME, "010-2345-6789");
        Account member = logIn(email, PASSWORD);
        Map<String, Object> added = mutateMember(bearer(member.accessToken()), "addAddress", "AddAddressInput",
                Map.of("address", OLD_ADDRESS));
        String addressId = (String) ((List<Map<String, Object>>) added.get("addresses")).get(0).get("id");
        // the address was added before this instant (the mutation answered after its event was stored) and is
        // changed after it: the clock passes it before the change is sent
        Instant between = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(between));
        mutateMember(bearer(member.accessToken()), "changeAddress", "ChangeAddressInput",
                Map.of("addressId", addressId, "address", NEW_ADDRESS));

        // the page loads
        browser.get(baseUrl() + "/support");
        assertThat(browser.getTitle()).contains("support console");
        visible("sign-in-form");

        // sign in as support
        signIn(support.email());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("session-role"), "SUPPORT"));
        assertThat(text("session-user")).isEqualTo(support.email());

        // a search by e-mail finds the member, as they are now
        type("search-input", email);
        click("search-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("member-email"), email));
        assertThat(text("member-id")).isEqualTo(member.memberId());
        assertThat(text("member-name")).isEqualTo(NAME);
        assertThat(browser.findElements(By.cssSelector("[data-testid='member-facts'] i"))).isEmpty();
        assertThat(text("member-phone")).isEqualTo("01023456789");
        assertThat(text("member-status")).isEqualTo("ACTIVE");
        assertThat(text("member-addresses")).contains("센텀중앙로 79").doesNotContain("테헤란로 152");

        // the timeline, newest first, shows both address entries
        List<WebElement> addressEntries = wait.until(driver -> {
            List<WebElement> rows = addressRows();
            return rows.size() >= 2 ? rows : null;
        });
        assertThat(addressEntries.get(0).getText()).contains("ADDRESS", "127.0.0.1");
        assertThat(addressEntries.get(0).getDomAttribute("data-event-type")).isEqualTo("AddressChanged");
        assertThat(addressEntries.get(1).getDomAttribute("data-event-type")).isEqualTo("AddressAdded");
        assertThat(addressEntries.get(0).findElement(testId("timeline-actor")).getText())
                .contains(member.memberId());

        // the category filter narrows it to addresses
        click("category-ADDRESS");
        click("timeline-apply");
        wait.until(driver -> driver.findElements(testId("timeline-entry")).size() == addressRows().size()
                && addressRows().size() == 2);

        // opening the change shows its payload and all its metadata
        addressRows().get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("meta-event-type"), "AddressChanged"));
        wait.until(driver -> text("entry-payload").contains(addressId));
        assertThat(text("entry-payload")).contains("48058", "센텀중앙로 79");
        assertThat(text("meta-aggregate")).contains("Member", member.memberId());
        assertThat(text("meta-actor")).contains(member.memberId());
        assertThat(text("meta-client-ip")).isEqualTo("127.0.0.1");
        assertThat(text("meta-request-id")).isNotBlank().isNotEqualTo("—");
        assertThat(text("meta-user-agent")).isNotBlank();
        String correlationId = text("meta-correlation-id");
        assertThat(correlationId).isNotBlank().isNotEqualTo("—");

        // following the correlation id lists every event of that request, with the fields it changed
        click("correlation-link");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("correlation-id"), correlationId));
        List<WebElement> requestEvents = wait.until(driver -> {
            List<WebElement> items = driver.findElements(testId("correlation-event"));
            return items.isEmpty() ? null : items;
        });
        assertThat(requestEvents).anySatisfy(item -> assertThat(item.getText())
                .contains("AddressChanged", member.memberId())
                .contains("postcode", "\"06236\"", "\"48058\""));
        assertThat(text("correlation-count")).contains("in this request");

        // as of the instant between the two, the member still lived at the old address
        WebElement asOf = browser.findElement(testId("asof-input"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", asOf,
                LOCAL_INPUT.format(between));
        click("asof-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("asof-panel")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("asof-addresses"), "테헤란로 152"));
        assertThat(text("asof-addresses")).contains("06236", "12층").doesNotContain("센텀중앙로");
        assertThat(text("asof-instant")).startsWith(between.toString().substring(0, 19));
        assertThat(text("asof-member-email")).isEqualTo(email);
        assertThat(text("asof-orders")).contains("no orders by then");
        // and the panel of the member as they are now still shows the new one
        assertThat(text("member-addresses")).contains("센텀중앙로 79");
    }

    @Test
    void aCustomerIsTurnedAwayAtSignIn() {
        Account customer = newCustomer("console-customer");

        browser.get(baseUrl() + "/support/");
        visible("sign-in-form");
        signIn(customer.email());

        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("sign-in-error")));
        assertThat(text("sign-in-error")).contains("for support staff and admins", "CUSTOMER");
        assertThat(browser.findElement(testId("console")).isDisplayed()).isFalse();
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('jangteo.support.session');")).isNull();
    }

    @Test
    void aTokenTheApiNoLongerAcceptsSendsTheAgentBackToSignIn() {
        browser.get(baseUrl() + "/support");
        visible("sign-in-form");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('jangteo.support.session', JSON.stringify("
                + "{accessToken: 'not.a.token', email: 'gone@it.jangteo.test', role: 'SUPPORT'}));");
        browser.navigate().refresh();
        type("search-input", "someone@it.jangteo.test");
        click("search-submit");

        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("sign-in-form")));
        assertThat(text("sign-in-error")).contains("session has ended");
        assertThat(browser.findElement(testId("console")).isDisplayed()).isFalse();
    }

    private void signIn(String email) {
        type("sign-in-email", email);
        type("sign-in-password", PASSWORD);
        click("sign-in-submit");
    }

    private List<WebElement> addressRows() {
        return browser.findElements(By.cssSelector("[data-testid='timeline-entry'][data-category='ADDRESS']"));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(testId(id)));
    }

    private void type(String id, String value) {
        WebElement input = visible(id);
        input.clear();
        input.sendKeys(value);
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(testId(id))).click();
    }

    private String text(String id) {
        return browser.findElement(testId(id)).getText().trim();
    }
}
