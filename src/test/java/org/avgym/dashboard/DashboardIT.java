package org.avgym.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.avgym.it.Api;
import org.avgym.it.Browser;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The staff and admin screens in a real browser, against the demo chain (so pages and screenshots
 * show a living system): the front desk finds a member and freezes a membership, a manual check-in
 * with override reaches the live feed, a device token is shown once, staff never reach the admin
 * pages, and an expired session during ajax lands on the login page. With {@code
 * -Davgym.screenshots.dir=docs/screenshots} it saves a PNG of each tab and page.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    Map<String, String> settings = TestDatabase.configured();
    settings.put("avgym.demo.enabled", "true");
    settings.put("avgym.demo.traffic.url", "auto");
    // Day and night alike, so the screenshots show traffic whenever the build runs.
    settings.put("avgym.demo.traffic.per-minute", "120");
    settings.put("avgym.demo.traffic.night-share", "0.5");
    return Deployments.avgym(settings);
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private Browser adminBrowser() {
    return new Browser()
        .onDashboard(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  @Test
  void adminSeesTodayPerLocationEveryTabAndTheAdminLinks() {
    admin().get("/health/ready"); // the demo traffic learns the port from a first request
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      browser.waitFor(By.cssSelector("[id$='today-table'] tbody tr"));
      assertFalse(driver.findElements(By.id("nav-admin")).isEmpty(), "admin links missing");
      Browser.until(driver, d -> d.findElement(By.id("live-status")).getText().contains("Live"));
      pause(Duration.ofSeconds(3));
      screenshot(browser, "overview");
      for (String tab : List.of("Performance", "Connection Pools", "Analytics")) {
        driver
            .findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='" + tab + "']"))
            .click();
        pause(Duration.ofMillis(800));
        screenshot(browser, tab.toLowerCase().replace(' ', '-'));
      }
    }
  }

  @Test
  void everyTabAndPageFitsATabletWithoutSidewaysScrolling() {
    try (Browser browser = new Browser(768, 1024)) {
      WebDriver driver = browser.driver();
      browser.logIn(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      browser.waitFor(By.id("tabs"));
      List<String> overflowing = new ArrayList<>();
      for (String tab : List.of("Overview", "Performance", "Connection Pools", "Analytics")) {
        driver
            .findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='" + tab + "']"))
            .click();
        pause(Duration.ofMillis(800));
        overflow(driver, tab).ifPresent(overflowing::add);
      }
      for (String page :
          List.of(
              "members.xhtml",
              "signup.xhtml",
              "checkins.xhtml",
              "admin/alerts.xhtml",
              "admin/locations.xhtml",
              "admin/plans.xhtml",
              "admin/devices.xhtml",
              "admin/staff.xhtml")) {
        browser.open(base + page);
        browser.waitFor(By.tagName("h1"));
        overflow(driver, page).ifPresent(overflowing::add);
      }
      assertTrue(overflowing.isEmpty(), "wider than a 768 px tablet: " + overflowing);
    }
  }

  /** The page's width beyond the window, if any, as "where: N px". */
  private static Optional<String> overflow(WebDriver driver, String where) {
    long extra =
        (Long)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Math.max(0, document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth);");
    if (extra <= 1) {
      return Optional.empty();
    }
    Object widest =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                    + "document.querySelectorAll('body *').forEach(function (e) {"
                    + "  var r = e.getBoundingClientRect();"
                    + "  if (r.width > 0 && r.right > w + 1 && out.length < 4)"
                    + "    out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.width) + 'px');"
                    + "}); return out.join('; ');");
    return Optional.of(where + ": " + extra + " px (" + widest + ")");
  }

  @Test
  void theFrontDeskIsReachableByKeyboardAlone() {
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      browser.waitFor(By.id("quick-search-q"));
      List<String> wanted =
          List.of(
              "quick-search-q",
              "quick-search-go",
              "tabs:desk:desk-location_label",
              "tabs:desk:desk-credential",
              "tabs:desk:desk-reason",
              "tabs:desk:desk-override_input",
              "tabs:desk:desk-submit");
      Set<String> reached = new LinkedHashSet<>();
      driver.findElement(By.tagName("body")).click();
      for (int i = 0; i < 120 && !reached.containsAll(wanted); i++) {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        String id = driver.switchTo().activeElement().getAttribute("id");
        if (id != null && !id.isEmpty()) {
          reached.add(id);
        }
      }
      assertTrue(
          reached.containsAll(wanted),
          "Tab never reached "
              + wanted.stream().filter(w -> !reached.contains(w)).toList()
              + "; it reached "
              + reached);
      // And the search works from the keyboard: type, Enter.
      driver.findElement(By.id("quick-search-q")).sendKeys("a", Keys.ENTER);
      browser.waitFor(By.cssSelector(".ui-datatable"));
      assertTrue(driver.getCurrentUrl().contains("members.xhtml?q=a"), driver.getCurrentUrl());
    }
  }

  @Test
  void pagesSendAContentSecurityPolicyWithANonce() {
    HttpResponse<String> login = Api.at(base).get("/login.xhtml");
    String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("script-src 'self' 'nonce-"), policy);
  }

  @Test
  void deskSearchesAMemberAndFreezesTheMembership() {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    String name = Fixtures.unique("Freeze Person");
    String card = fixtures.activeMember(location, name);
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      driver.findElement(By.id("quick-search-q")).sendKeys(card, Keys.ENTER);
      browser.waitFor(By.linkText(name));
      screenshot(browser, "members");
      driver.findElement(By.linkText(name)).click();
      browser.waitFor(By.id("member-name"));
      assertEquals(name, driver.findElement(By.id("member-name")).getText());
      driver.findElement(By.id("memberships-form:memberships:0:freeze")).click();
      browser.waitFor(By.id("freeze-form:freeze-reason"));
      driver.findElement(By.id("freeze-form:freeze-reason")).sendKeys("Broken leg");
      driver.findElement(By.id("freeze-form:freeze-confirm")).click();
      browser.waitFor(By.cssSelector(".ui-growl-message"));
      assertTrue(growl(driver).contains("Membership frozen"), growl(driver));
      Browser.until(
          driver,
          d -> d.findElement(By.id("memberships-form:memberships")).getText().contains("frozen"));
      assertTrue(
          driver
              .findElement(By.id("memberships-form:memberships"))
              .getText()
              .contains("Broken leg"));
      screenshot(browser, "member");
    }
    String frozen = admin().get("/api/members?q=" + card).body();
    assertTrue(frozen.contains(name), frozen);
  }

  @Test
  void manualCheckinWithOverrideAppearsInTheLiveFeed() {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    long member = fixtures.member(Fixtures.unique("No Plan"));
    String card = fixtures.credential(member); // no membership: the rules deny
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      Browser.until(driver, d -> d.findElement(By.id("live-status")).getText().contains("Live"));
      Browser.choose(driver, "tabs:desk:desk-location", "Location " + location);
      driver.findElement(By.id("tabs:desk:desk-credential")).sendKeys(card);
      driver.findElement(By.id("tabs:desk:desk-reason")).sendKeys("Forgot to renew, paying now");
      Browser.click(driver, By.cssSelector("[id='tabs:desk:desk-override'] .ui-chkbox-box"));
      driver.findElement(By.id("tabs:desk:desk-submit")).click();
      browser.waitFor(By.id("tabs:desk:desk-last"));
      String id = driver.findElement(By.id("tabs:desk:desk-last")).getAttribute("data-checkin-id");
      assertTrue(growl(driver).contains("Let in with a warning"), growl(driver));
      By row = By.cssSelector("#checkin-feed-rows tr[data-checkin-id='" + id + "']");
      browser.waitFor(row);
      String text = driver.findElement(row).getText();
      assertTrue(text.contains("warned"), text);
    }
  }

  @Test
  void aManualCheckinWithoutReasonIsRefusedOnTheField() {
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      driver.findElement(By.id("tabs:desk:desk-credential")).sendKeys("ANY-CARD");
      driver.findElement(By.id("tabs:desk:desk-submit")).click();
      Browser.until(
          driver,
          d ->
              d.findElement(By.id("tabs:desk"))
                  .getText()
                  .contains("Say why staff check this person in"));
      assertTrue(driver.findElements(By.id("tabs:desk:desk-last")).isEmpty());
    }
  }

  @Test
  void adminRegistersADeviceAndSeesItsTokenOnlyOnce() {
    String location = new Fixtures(admin()).location(10);
    String code = Fixtures.unique("dev");
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      driver.findElement(By.id("nav-devices")).click();
      browser.waitFor(By.id("device-form:code"));
      driver.findElement(By.id("device-form:code")).sendKeys(code);
      driver.findElement(By.id("device-form:name")).sendKeys("Front turnstile");
      Browser.choose(driver, "device-form:location", location);
      Browser.click(driver, By.id("device-form:register"));
      browser.waitFor(By.id("token-form:token"));
      String token = driver.findElement(By.id("token-form:token")).getAttribute("value");
      assertTrue(token.length() >= 20, token);
      screenshot(browser, "admin-devices");
      driver.findElement(By.cssSelector("#token-dialog .ui-dialog-titlebar-close")).click();
      Browser.until(driver, d -> d.findElements(By.id("token-form:token")).isEmpty());
      driver.navigate().refresh();
      browser.waitFor(By.id("devices-form:devices"));
      // The list is paged and other tests register devices too: the registry is asked directly.
      assertTrue(admin().get("/api/devices").body().contains("\"" + code + "\""));
      assertFalse(driver.getPageSource().contains(token), "the token must not be shown again");
    }
  }

  @Test
  void adminPagesShowTheirListsWithValidationOnTheFields() {
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      for (String page : List.of("locations", "plans", "staff")) {
        browser.open(base + "admin/" + page + ".xhtml");
        browser.waitFor(By.cssSelector(".ui-datatable"));
        screenshot(browser, "admin-" + page);
      }
      browser.open(base + "admin/locations.xhtml");
      browser.waitFor(By.id("location-form:save"));
      driver.findElement(By.id("location-form:code")).sendKeys("Bad Code!");
      driver.findElement(By.id("location-form:timeZone")).clear();
      driver.findElement(By.id("location-form:timeZone")).sendKeys("Mars/Base");
      driver.findElement(By.id("location-form:save")).click();
      // The hints are on the page from the start: wait for the field messages themselves.
      Browser.until(
          driver,
          d ->
              d.findElements(By.cssSelector("[id='location-form'] .ui-message-error")).size() >= 2);
      String form = driver.findElement(By.id("location-form")).getText();
      assertTrue(form.contains("name"), form);
      String shown = driver.findElement(By.tagName("body")).getText();
      assertFalse(shown.contains("Exception"), "no stack traces: " + shown);
    }
  }

  @Test
  void staffSeesNoAdminActionsAndIsRefusedTheAdminPages() {
    String name = Fixtures.unique("desk");
    new Fixtures(admin()).staffUser(name, "desk-password-1", "STAFF");
    try (Browser browser = new Browser()) {
      browser.logIn(base.toString(), name, "desk-password-1");
      browser.waitFor(By.id("tabs"));
      WebDriver driver = browser.driver();
      assertTrue(driver.findElements(By.id("nav-admin")).isEmpty(), "staff sees admin links");
      assertTrue(driver.findElements(By.id("nav-devices")).isEmpty());
      browser.open(base + "admin/devices.xhtml");
      browser.waitFor(By.tagName("h1"));
      assertTrue(driver.findElements(By.id("device-form:register")).isEmpty());
      assertTrue(driver.getPageSource().contains("Not allowed"), driver.getPageSource());
    }
    String cookie = Api.at(base).formLogin(name, "desk-password-1");
    for (String page : List.of("devices", "locations", "plans", "staff")) {
      HttpResponse<String> refused =
          Api.at(base)
              .send(
                  Api.at(base)
                      .request("/admin/" + page + ".xhtml")
                      .setHeader("Cookie", cookie)
                      .GET()
                      .build());
      assertEquals(403, refused.statusCode(), page);
    }
  }

  @Test
  void onAFreshDemoEveryAnalyticsChartHasSevenDaysOfData() {
    Api api = Api.at(base);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
    while (!metricsText(api).contains("avgym_demo_history_ready 1")
        && Instant.now().isBefore(deadline)) {
      pause(Duration.ofSeconds(1));
    }
    assertTrue(metricsText(api).contains("avgym_demo_history_ready 1"), "demo history ready");
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      Browser.click(driver, By.xpath("//ul[@role='tablist']//a[normalize-space()='Analytics']"));
      browser.waitFor(By.id("analytics-state"));
      Browser.dismissNotices(driver);
      driver.findElements(By.cssSelector("[id$='analytics-range'] .ui-button")).stream()
          .filter(b -> b.getText().trim().equals("7d"))
          .findFirst()
          .orElseThrow()
          .click();
      Browser.until(driver, d -> d.findElement(By.id("analytics-state")).getText().contains("7d"));
      JavascriptExecutor js = (JavascriptExecutor) driver;
      for (String chart :
          List.of("chart-checkins", "chart-events", "chart-denials", "chart-forecast")) {
        Browser.until(
            driver,
            d ->
                ((Number)
                            js.executeScript(
                                "var c = document.querySelector(\"[id$='"
                                    + chart
                                    + "'] canvas\");"
                                    + " var chart = c && window.Chart && Chart.getChart(c);"
                                    + " return chart ? chart.data.datasets.reduce(function (n, s)"
                                    + " { return n + s.data.filter(function (v) { return "
                                    // The forecast may be 0 people at night: its points count.
                                    + (chart.equals("chart-forecast") ? "true" : "v > 0")
                                    + "; }).length; }, 0) : 0;"))
                        .longValue()
                    > (chart.equals("chart-checkins") ? 100 : 0));
      }
      long heat =
          driver.findElements(By.cssSelector("#heatmap td")).stream()
              .filter(td -> !td.getText().trim().equals("0"))
              .count();
      assertTrue(heat > 50, "heat map hours with visits: " + heat);
      assertFalse(
          driver.findElement(By.id("forecast-error")).getText().startsWith("Not enough"),
          driver.findElement(By.id("forecast-error")).getText());
      pause(Duration.ofSeconds(1));
      screenshot(browser, "analytics-7d");
    }
  }

  private static String metricsText(Api api) {
    return api.send(api.request("/metrics").setHeader("Accept", "text/plain").GET().build()).body();
  }

  @Test
  void onlyTheVisibleTabPolls() {
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      // Every ajax request the page sends, by the component that sent it.
      ((JavascriptExecutor) driver)
          .executeScript(
              "window.avgymSources = [];"
                  + "var send = XMLHttpRequest.prototype.send;"
                  + "XMLHttpRequest.prototype.send = function (body) {"
                  + "  var m = /jakarta\\.faces\\.source=([^&]*)/.exec(String(body || ''));"
                  + "  if (m) { window.avgymSources.push(decodeURIComponent(m[1])); }"
                  + "  return send.apply(this, arguments);"
                  + "};");
      assertEquals(List.of("today-poll"), pollsWithin(driver, Duration.ofSeconds(11)));
      for (Map.Entry<String, String> tab :
          Map.of(
                  "Performance", "performance-poll",
                  "Connection Pools", "pools-poll",
                  "Analytics", "analytics-poll")
              .entrySet()) {
        Browser.click(
            driver, By.xpath("//ul[@role='tablist']//a[normalize-space()='" + tab.getKey() + "']"));
        pause(Duration.ofSeconds(1));
        assertEquals(
            List.of(tab.getValue()), pollsWithin(driver, Duration.ofSeconds(11)), tab.getKey());
      }
    }
  }

  @Test
  void performanceChartsGetNewSamplesAppendedWithoutBeingDrawnAgain() {
    try (Browser browser = adminBrowser()) {
      WebDriver driver = browser.driver();
      JavascriptExecutor js = (JavascriptExecutor) driver;
      Browser.click(driver, By.xpath("//ul[@role='tablist']//a[normalize-space()='Performance']"));
      Browser.until(
          driver,
          d -> Boolean.TRUE.equals(js.executeScript("return !!PF('perfConnections').chart;")));
      // A mark on the drawn chart: a redraw (a new canvas or Chart) would lose it.
      js.executeScript(
          "var w = PF('perfConnections'); w.chart.avgymMark = true;"
              + " w.jq.children('canvas')[0].avgymMark = true;");
      long before =
          ((Number) js.executeScript("return PF('perfConnections').chart.data.labels.length;"))
              .longValue();
      // A sample every 10 s, a poll every 5 s.
      Browser.until(
          driver,
          d ->
              ((Number) js.executeScript("return PF('perfConnections').chart.data.labels.length;"))
                      .longValue()
                  > before);
      assertEquals(
          Boolean.TRUE,
          js.executeScript(
              "var w = PF('perfConnections');"
                  + " return w.chart.avgymMark === true"
                  + " && w.jq.children('canvas')[0].avgymMark === true;"),
          "the chart got its new point without being drawn again");
      @SuppressWarnings("unchecked")
      List<String> labels =
          (List<String>) js.executeScript("return PF('perfConnections').chart.data.labels;");
      // Labels are to the second (two samples of one second, from other deployments that shared
      // the database and instance name, look alike): what was appended is strictly newer.
      String lastDrawn = before == 0 ? "" : labels.get((int) before - 1);
      List<String> appended = labels.subList((int) before, labels.size());
      assertTrue(
          appended.stream().allMatch(l -> l.compareTo(lastDrawn) > 0),
          "appended after " + lastDrawn + ", no point twice: " + labels);
      assertEquals(
          appended.stream().distinct().sorted().toList(), appended, "oldest first: " + labels);
    }
  }

  /** The distinct polls that asked the server within the time (each asks every 5 s). */
  private static List<String> pollsWithin(WebDriver driver, Duration time) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.avgymSources = [];");
    pause(time);
    @SuppressWarnings("unchecked")
    List<String> sources = (List<String>) js.executeScript("return window.avgymSources;");
    return sources.stream()
        .filter(source -> source.endsWith("-poll"))
        .map(source -> source.substring(source.lastIndexOf(':') + 1))
        .distinct()
        .sorted()
        .toList();
  }

  @Test
  void sessionExpiryDuringAnAjaxPollLeadsToTheLoginPage() {
    try (Browser browser = adminBrowser()) {
      browser.driver().manage().deleteCookieNamed("JSESSIONID");
      // The overview polls every 5 s; the poll without a session is answered with a redirect.
      browser.waitFor(By.id("login:username"));
    }
  }

  @Test
  void measuresServerTimeFullLoadAndPollRoundTrip() throws IOException {
    long member = new Fixtures(admin()).member(Fixtures.unique("Bench Person"));
    String cookie = Api.at(base).formLogin(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("overview + all tabs (index)", "index.xhtml");
    pages.put("member search", "members.xhtml?q=an");
    pages.put("member page", "member.xhtml?id=" + member);
    pages.put("sign-up", "signup.xhtml");
    pages.put("check-in log", "checkins.xhtml");
    pages.put("admin/alerts", "admin/alerts.xhtml");
    pages.put("admin/locations", "admin/locations.xhtml");
    pages.put("admin/plans", "admin/plans.xhtml");
    pages.put("admin/devices", "admin/devices.xhtml");
    pages.put("admin/staff", "admin/staff.xhtml");
    List<String> lines = new ArrayList<>();
    lines.add("Dashboard benchmark " + Instant.now() + " on " + machine());
    lines.add("page | server median ms | server max ms | full load median ms | full load max ms");
    try (Browser browser = adminBrowser()) {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        List<Long> server = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          long started = System.nanoTime();
          HttpResponse<String> response =
              Api.at(base)
                  .send(
                      Api.at(base)
                          .request("/" + page.getValue())
                          .setHeader("Cookie", cookie)
                          .GET()
                          .build());
          long ms = (System.nanoTime() - started) / 1_000_000;
          assertEquals(200, response.statusCode(), page.getKey());
          if (i >= 2) {
            server.add(ms); // the first two warm up the JIT
          }
        }
        List<Long> load = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          browser.open(base + page.getValue());
          long ms = fullLoad(browser.driver());
          if (i >= 1) {
            load.add(ms);
          }
        }
        lines.add(
            page.getKey()
                + " | "
                + median(server)
                + " | "
                + max(server)
                + " | "
                + median(load)
                + " | "
                + max(load));
        assertTrue(median(server) < 1000, page.getKey() + " server time " + median(server));
      }
      browser.open(base + "index.xhtml");
      browser.waitFor(By.id("tabs"));
      pause(Duration.ofSeconds(16));
      @SuppressWarnings("unchecked")
      List<Number> polls =
          (List<Number>)
              ((JavascriptExecutor) browser.driver())
                  .executeScript(
                      "return performance.getEntriesByType('resource')"
                          + ".filter(function (e) { return e.initiatorType === 'xmlhttprequest'"
                          + " && e.name.indexOf('index.xhtml') >= 0; })"
                          + ".map(function (e) { return Math.round(e.duration); });");
      List<Long> roundTrips = polls.stream().map(Number::longValue).toList();
      assertFalse(roundTrips.isEmpty(), "no poll seen");
      lines.add(
          "poll round trip (browser, "
              + roundTrips.size()
              + " polls) | median "
              + median(roundTrips)
              + " ms | max "
              + max(roundTrips)
              + " ms");
    }
    lines.forEach(System.out::println);
    Path out = Path.of(System.getProperty("avgym.bench.out", "target/dashboard-benchmark.txt"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, lines);
  }

  private static long fullLoad(WebDriver driver) {
    Browser.until(
        driver,
        d ->
            ((Number)
                        ((JavascriptExecutor) d)
                            .executeScript("return performance.timing.loadEventEnd"))
                    .longValue()
                > 0);
    return ((Number)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return performance.timing.loadEventEnd - performance.timing.navigationStart"))
        .longValue();
  }

  private static String growl(WebDriver driver) {
    return driver.findElements(By.cssSelector(".ui-growl-message")).stream()
        .map(WebElement::getText)
        .reduce("", (a, b) -> a + " | " + b);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void screenshot(Browser browser, String name) {
    String dir = System.getProperty("avgym.screenshots.dir");
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      Path path = Path.of(dir).resolve(name + ".png");
      Files.createDirectories(path.getParent());
      Files.write(path, browser.screenshot());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " CPUs, "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", Java "
        + System.getProperty("java.version")
        + ", database "
        + (TestDatabase.postgresUrl().isEmpty() ? "H2" : "PostgreSQL");
  }
}
