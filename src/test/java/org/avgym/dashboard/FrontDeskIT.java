package org.avgym.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.avgym.it.Api;
import org.avgym.it.Browser;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The front desk's day in a real browser: a sign-up with a webcam photo, a plan and a card that is
 * let in at a device; a duplicate warned about; a QR code that decodes to the member's credential;
 * two desks editing one member; a renewal that turns a denied scan into a granted one; the check-in
 * log's filters, live rows and CSV; an alert rule made in the UI that fires; the desk pop-up after
 * a scan; and every bad input refused at its field with nothing created. With {@code
 * -Davgym.screenshots.dir=docs/screenshots} it saves the sign-up, member and log screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class FrontDeskIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.avgym(TestDatabase.configured());
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private Browser desk(Browser browser) {
    return browser.onDashboard(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  @Test
  void aSignUpWithWebcamPhotoPlanAndCardIsLetInAtADevice() {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    String plan = planNamed(fixtures, location);
    Fixtures.DeviceKey device = fixtures.device(location);
    String name = Fixtures.unique("Signup Person");
    String email = "signup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String card = Fixtures.unique("CARD");
    try (Browser browser = desk(Browser.withWebcam())) {
      WebDriver driver = browser.driver();
      browser.open(base + "signup.xhtml");
      browser.waitFor(By.id("signup:name"));
      driver.findElement(By.id("signup:name")).sendKeys(name);
      driver.findElement(By.id("signup:email")).sendKeys(email);
      driver
          .findElement(By.id("signup:phone"))
          .sendKeys("+386 1 " + (100000 + new Random().nextInt(899999)));
      waitForCamera(driver);
      driver.findElement(By.id("signup:take-photo")).sendKeys(Keys.ENTER);
      try {
        Browser.until(driver, d -> !d.findElements(By.id("signup:photo-taken")).isEmpty());
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\nsource:\n" + driver.getPageSource(), e);
      }
      browser.saveScreenshot("signup-details");
      driver.findElement(By.id("signup:phone")).sendKeys(Keys.ENTER);
      browser.waitFor(By.id("signup:next-plan"));
      // The plan by keyboard: the arrow keys step through the menu, Tab reaches Next, Enter.
      ((org.openqa.selenium.JavascriptExecutor) driver)
          .executeScript("document.getElementById('signup:plan_label').focus();");
      for (int i = 0;
          i < 200 && !driver.findElement(By.id("signup:plan_label")).getText().startsWith(plan);
          i++) {
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        pause(Duration.ofMillis(150));
      }
      browser.waitFor(By.id("signup:signup-preview"));
      Browser.until(
          driver,
          d -> d.findElement(By.id("signup:signup-preview")).getText().contains(plan + " admits"));
      assertTrue(
          driver.findElement(By.id("signup:signup-preview")).getText().contains("at once"),
          driver.findElement(By.id("signup:signup-preview")).getText());
      browser.saveScreenshot("signup-plan");
      for (int i = 0;
          i < 10
              && !"signup:next-plan".equals(driver.switchTo().activeElement().getAttribute("id"));
          i++) {
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
      }
      driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      browser.waitFor(By.id("signup:card"));
      // The desk's USB reader types the number and Enter.
      driver.findElement(By.id("signup:card")).sendKeys(card, Keys.ENTER);
      browser.waitFor(By.id("signed-up"));
      browser.saveScreenshot("signup-done");
    }
    JsonObject member = onlyMember(name);
    long id = member.getJsonNumber("id").longValue();
    HttpResponse<String> photo =
        admin()
            .send(
                admin()
                    .request("/api/members/" + id + "/photo")
                    .setHeader("Accept", "image/jpeg")
                    .GET()
                    .build());
    assertEquals(200, photo.statusCode(), "photo stored");
    assertEquals("granted", scan(device, card, "in").getString("decision"));
  }

  @Test
  void aLikelyDuplicateIsWarnedAndAnEmailAlreadyUsedIsRefusedAtTheField() {
    Fixtures fixtures = new Fixtures(admin());
    String existing = Fixtures.unique("Dana Duplicate");
    String email = "dana-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    HttpResponse<String> created =
        admin()
            .post(
                "/api/members",
                "{\"name\":\""
                    + existing
                    + "\",\"email\":\""
                    + email
                    + "\",\"phone\":\"+386 41 555 "
                    + existing.substring(existing.length() - 3).replaceAll("[^0-9]", "7")
                    + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    String phone = Api.json(created).getString("phone");
    try (Browser browser = desk(Browser.withWebcam())) {
      WebDriver driver = browser.driver();
      browser.open(base + "signup.xhtml");
      browser.waitFor(By.id("signup:name"));
      driver.findElement(By.id("signup:name")).sendKeys(existing);
      driver.findElement(By.id("signup:email")).sendKeys(email.toUpperCase(), Keys.ENTER);
      Browser.until(
          driver, d -> d.findElement(By.id("signup")).getText().contains("already used by"));
      assertTrue(driver.findElements(By.id("signup:next-plan")).isEmpty(), "went on anyway");

      driver.findElement(By.id("signup:email")).clear();
      // The same phone, typed differently, and the name with a slip.
      driver.findElement(By.id("signup:phone")).sendKeys(phone.replace(" ", ""));
      driver.findElement(By.id("signup:name")).clear();
      driver
          .findElement(By.id("signup:name"))
          .sendKeys(existing.replace("Dana", "Dena"), Keys.ENTER);
      browser.waitFor(By.id("signup:duplicates"));
      String warning = driver.findElement(By.id("signup:duplicates")).getText();
      assertTrue(warning.contains(existing), warning);
      assertTrue(warning.contains("same phone") && warning.contains("similar name"), warning);
      // Next again goes on: the desk has seen the warning.
      driver.findElement(By.id("signup:next-details")).click();
      browser.waitFor(By.id("signup:next-plan"));
    }
  }

  @Test
  void aGeneratedQrCodeDecodesToTheMembersCredential() throws Exception {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    String plan = planNamed(fixtures, location);
    String name = Fixtures.unique("Qr Person");
    String shown;
    BufferedImage qr;
    try (Browser browser = desk(Browser.withWebcam())) {
      WebDriver driver = browser.driver();
      browser.open(base + "signup.xhtml");
      browser.waitFor(By.id("signup:name"));
      driver.findElement(By.id("signup:name")).sendKeys(name, Keys.ENTER);
      browser.waitFor(By.id("signup:next-plan"));
      Browser.choose(driver, "signup:plan", plan + " (30 days)");
      browser.waitFor(By.id("signup:signup-preview"));
      Browser.click(driver, By.id("signup:next-plan"));
      browser.waitFor(By.id("signup:kind"));
      driver
          .findElement(
              By.xpath(
                  "//*[@id='signup:kind']//div[contains(@class,'ui-button')"
                      + " and normalize-space()='QR code']"))
          .click();
      Browser.until(driver, d -> d.findElements(By.id("signup:card")).isEmpty());
      driver.findElement(By.id("signup:finish")).click();
      browser.waitFor(By.id("signup:qr"));
      Browser.until(
          driver,
          d ->
              (Boolean)
                  ((org.openqa.selenium.JavascriptExecutor) d)
                      .executeScript(
                          "var i = document.getElementById('signup:qr');"
                              + " return i.complete && i.naturalWidth > 0;"));
      shown = driver.findElement(By.id("signup-credential")).getText();
      // The image as the page loaded it, fetched with the browser's session.
      String src = driver.findElement(By.id("signup:qr")).getAttribute("src");
      String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
      HttpResponse<byte[]> png =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(src))
                      .header("Cookie", "JSESSIONID=" + session)
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, png.statusCode());
      qr = ImageIO.read(new ByteArrayInputStream(png.body()));
      Files.write(Path.of("target", "qr-shown.png"), png.body());
    }
    long id = onlyMember(name).getJsonNumber("id").longValue();
    JsonObject credential =
        Api.json(admin().get("/api/members/" + id)).getJsonArray("credentials").getJsonObject(0);
    assertEquals("qr", credential.getString("kind"));
    assertEquals(credential.getString("value"), shown);
    assertEquals(credential.getString("value"), decode(qr));
  }

  @Test
  void twoDesksEditingOneMemberTheSecondGetsTheConflictWithBothVersions() {
    Fixtures fixtures = new Fixtures(admin());
    String name = Fixtures.unique("Edit Person");
    long id = fixtures.member(name);
    try (Browser first = desk(new Browser());
        Browser second = desk(new Browser())) {
      for (Browser browser : new Browser[] {first, second}) {
        browser.open(base + "member.xhtml?id=" + id);
        browser.waitFor(By.id("head-form:edit"));
        browser.driver().findElement(By.id("head-form:edit")).click();
        browser.waitFor(By.id("edit-form:edit-name"));
      }
      WebElement firstName = first.driver().findElement(By.id("edit-form:edit-name"));
      firstName.clear();
      firstName.sendKeys(name + " First", Keys.ENTER);
      Browser.until(
          first.driver(), d -> d.findElement(By.id("member-name")).getText().endsWith("First"));

      second.driver().findElement(By.id("edit-form:edit-phone")).sendKeys("+386 40 123 456");
      second.driver().findElement(By.id("edit-form:edit-save")).click();
      second.waitFor(By.id("conflict-name"));
      assertEquals(name + " First", second.driver().findElement(By.id("conflict-name")).getText());
      String conflict = second.driver().findElement(By.id("edit-form:conflict")).getText();
      assertTrue(conflict.contains("+386 40 123 456"), conflict);
      // Nothing was overwritten: the stored member is the first desk's.
      JsonObject stored = Api.json(admin().get("/api/members/" + id));
      assertEquals(name + " First", stored.getString("name"));
      assertFalse(stored.containsKey("phone") && !stored.isNull("phone"), stored.toString());
    }
  }

  @Test
  void aRenewalTurnsADeniedScanIntoAGrantedOne() {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    long plan = fixtures.plan("*", location);
    String name = Fixtures.unique("Lapsed Person");
    long member = fixtures.member(name);
    fixtures.membership(member, plan, Instant.now().minus(Duration.ofDays(40)));
    String card = fixtures.credential(member);
    Fixtures.DeviceKey device = fixtures.device(location);
    JsonObject denied = scan(device, card, "in");
    assertEquals("denied", denied.getString("decision"));
    assertTrue(denied.toString().contains("MEMBERSHIP_EXPIRED"), denied.toString());
    try (Browser browser = desk(new Browser())) {
      WebDriver driver = browser.driver();
      browser.open(base + "member.xhtml?id=" + member);
      browser.waitFor(By.id("memberships-form:memberships:0:renew"));
      driver.findElement(By.id("memberships-form:memberships:0:renew")).click();
      browser.waitFor(By.id("sale-form:sale-preview"));
      String preview = driver.findElement(By.id("sale-form:sale-preview")).getText();
      assertTrue(preview.contains("at once"), preview);
      driver.findElement(By.id("sale-form:sale-confirm")).click();
      Browser.until(
          driver,
          d ->
              d.findElements(By.cssSelector(".ui-growl-message")).stream()
                  .anyMatch(m -> m.getText().contains("Membership renewed")));
      Browser.until(
          driver, d -> d.findElement(By.id("timeline")).getText().contains("Membership renewed"));
      browser.saveScreenshot("member-renewed");
    }
    assertEquals("granted", scan(device, card, "in").getString("decision"));
  }

  @Test
  void renewalsAndPlanChangesOverTheApiArePreviewedAndRecordedInTheHistory() {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    long gold = fixtures.plan("*", location);
    long silver = fixtures.plan("MON-FRI 06:00-16:00", location);
    long member = fixtures.member(Fixtures.unique("Api Person"));
    long first = fixtures.membership(member, gold, Instant.now().minus(Duration.ofHours(1)));
    String path = "/api/memberships/" + first;

    HttpResponse<String> preview = admin().post(path + "/renew?preview=true", "{}");
    assertEquals(200, preview.statusCode(), preview.body());
    assertTrue(preview.body().contains("without a gap"), preview.body());
    assertEquals(
        1, Api.json(admin().get("/api/members/" + member)).getJsonArray("memberships").size());

    HttpResponse<String> renewed = admin().post(path + "/renew", "{}");
    assertEquals(200, renewed.statusCode(), renewed.body());
    JsonObject renewal = Api.json(renewed);
    assertEquals("renewal", renewal.getString("origin"));
    assertEquals(first, renewal.getJsonNumber("followsId").longValue());
    assertEquals(Api.json(admin().get(path)).getString("endsAt"), renewal.getString("startsAt"));

    HttpResponse<String> early =
        admin()
            .post(
                path + "/change-plan",
                "{\"planId\":"
                    + silver
                    + ",\"startsAt\":\""
                    + Instant.now().minus(Duration.ofDays(2))
                    + "\"}");
    assertEquals(400, early.statusCode(), early.body());
    assertTrue(early.body().contains("startsAt"), early.body());

    Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> changed =
        admin()
            .post(
                path + "/change-plan", "{\"planId\":" + silver + ",\"startsAt\":\"" + from + "\"}");
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals("plan_change", Api.json(changed).getString("origin"));
    assertEquals(from, Instant.parse(Api.json(admin().get(path)).getString("endsAt")));

    String history = admin().get("/api/members/" + member + "/timeline").body();
    assertTrue(history.contains("Membership renewed") && history.contains("Plan changed"), history);
  }

  @Test
  void theCheckinLogFiltersShowsNewCheckinsLiveExportsCsvAndOpensTheMember() throws Exception {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    String name = Fixtures.unique("Logged Person");
    String card = fixtures.activeMember(location, name);
    String stranger = Fixtures.unique("NOBODY");
    Fixtures.DeviceKey device = fixtures.device(location);
    assertEquals("granted", scan(device, card, "in").getString("decision"));
    assertEquals("denied", scan(device, stranger, "in").getString("decision"));
    try (Browser browser = desk(new Browser())) {
      WebDriver driver = browser.driver();
      browser.open(base + "checkins.xhtml?location=" + location + "&decision=denied");
      browser.waitFor(By.cssSelector("[id='log:log-table_data'] tr.avgym-log-row"));
      assertEquals(1, logRows(driver));
      assertTrue(driver.findElement(By.id("log:log-table")).getText().contains("Unknown"));
      // The filter is the page's: a granted scan never shows, a denied one arrives live.
      Thread.sleep(1500);
      assertEquals("granted", scan(device, card, "out").getString("decision"));
      assertEquals("denied", scan(device, stranger + "-2", "in").getString("decision"));
      Browser.until(driver, d -> logRows(d) == 2);
      assertTrue(
          driver.findElements(By.cssSelector("[id='log:log-table_data'] tr.avgym-row-new")).size()
              == 1);
      browser.saveScreenshot("checkin-log");

      String cookie = Api.at(base).formLogin(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      HttpResponse<String> csv =
          Api.at(base)
              .send(
                  Api.at(base)
                      .request("/checkins.csv?location=" + location + "&decision=denied")
                      .setHeader("Cookie", cookie)
                      .GET()
                      .build());
      assertEquals(200, csv.statusCode(), csv.body());
      assertEquals(3, csv.body().split("\r\n").length, csv.body());
      assertTrue(csv.body().contains(stranger + "-2"), csv.body());
      HttpResponse<String> bad =
          Api.at(base)
              .send(
                  Api.at(base)
                      .request("/checkins.csv?decision=maybe")
                      .setHeader("Cookie", cookie)
                      .GET()
                      .build());
      assertEquals(400, bad.statusCode());

      browser.open(base + "checkins.xhtml?location=" + location + "&decision=granted");
      browser.waitFor(By.cssSelector("[id='log:log-table_data'] tr.avgym-log-row"));
      assertEquals(2, logRows(driver));
      driver.findElement(By.cssSelector("[id='log:log-table_data'] tr.avgym-log-row td")).click();
      browser.waitFor(By.id("member-name"));
      assertEquals(name, driver.findElement(By.id("member-name")).getText());
    }
  }

  @Test
  void anAlertRuleMadeInTheUiFiresAndABadThresholdIsRefusedAtTheField() {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    String card = fixtures.activeMember(location, Fixtures.unique("Alert Person"));
    Fixtures.DeviceKey device = fixtures.device(location);
    String rule = Fixtures.unique("ui-occupied");
    String bad = Fixtures.unique("ui-bad");
    try (Browser browser = desk(new Browser())) {
      WebDriver driver = browser.driver();
      browser.open(base + "admin/alerts.xhtml");
      browser.waitFor(By.id("rule-form:rule-name"));
      driver.findElement(By.id("rule-form:rule-name")).sendKeys(bad);
      driver.findElement(By.id("rule-form:rule-threshold")).clear();
      driver.findElement(By.id("rule-form:rule-threshold")).sendKeys("90", Keys.ENTER);
      Browser.until(
          driver,
          d -> d.findElement(By.id("rule-form")).getText().contains("threshold must be 0 to 1"));
      driver.findElement(By.id("rule-form:rule-threshold")).clear();
      driver.findElement(By.id("rule-form:rule-threshold")).sendKeys("lots", Keys.ENTER);
      Browser.until(
          driver, d -> d.findElement(By.id("rule-form")).getText().contains("must be a number"));

      driver.findElement(By.id("rule-form:rule-name")).clear();
      driver.findElement(By.id("rule-form:rule-name")).sendKeys(rule);
      Browser.choose(driver, "rule-form:rule-metric", "occupancy: people inside, per location");
      driver.findElement(By.id("rule-form:rule-threshold")).clear();
      driver.findElement(By.id("rule-form:rule-threshold")).sendKeys("0.5");
      driver.findElement(By.id("rule-form:rule-duration")).clear();
      driver.findElement(By.id("rule-form:rule-duration")).sendKeys("0");
      Browser.click(driver, By.id("rule-form:rule-preview"));
      browser.waitFor(By.id("rule-form:rule-preview-result"));
      driver.findElement(By.id("rule-form:rule-save")).click();
      Browser.until(driver, d -> d.findElement(By.id("rules-form:rules")).getText().contains(rule));
      browser.saveScreenshot("admin-alerts");
    }
    String rules = admin().get("/api/analytics/alert-rules").body();
    assertFalse(rules.contains(bad), "the refused rule was stored: " + rules);
    assertEquals("granted", scan(device, card, "in").getString("decision"));
    assertEquals(200, admin().post("/api/analytics/samples/run", "").statusCode());
    eventually(() -> admin().get("/api/analytics/alerts?state=FIRING").body().contains(rule));
  }

  @Test
  void theDeskPopUpShowsTheMemberAfterAScanAndLetsThemInWithAReason() {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    String name = Fixtures.unique("Popup Person");
    long member = fixtures.member(name);
    String card = fixtures.credential(member); // no membership: denied
    JsonObject deskDevice =
        Api.json(
            admin()
                .post(
                    "/api/devices",
                    "{\"code\":\""
                        + Fixtures.unique("desk")
                        + "\",\"name\":\"Desk\",\"location\":\""
                        + location
                        + "\",\"kind\":\"desk\"}"));
    Fixtures.DeviceKey device =
        new Fixtures.DeviceKey(
            deskDevice.getJsonNumber("id").longValue(),
            deskDevice.getString("code"),
            deskDevice.getString("token"));
    try (Browser browser = desk(new Browser())) {
      WebDriver driver = browser.driver();
      Browser.choose(driver, "tabs:desk-scan:scan-club", "Location " + location);
      Browser.until(
          driver,
          d ->
              java.util.Objects.toString(
                      d.findElement(By.id("desk-popup-devices"))
                          .getDomAttribute("data-desk-devices"),
                      "")
                  .contains(device.code()));
      Browser.until(driver, d -> d.findElement(By.id("live-status")).getText().contains("Live"));
      assertEquals("denied", scan(device, card, "in").getString("decision"));
      browser.waitFor(By.id("popup-name"));
      assertEquals(name, driver.findElement(By.id("popup-name")).getText());
      String decision = driver.findElement(By.id("popup-decision")).getText();
      assertTrue(decision.contains("denied") && decision.contains("NO_MEMBERSHIP"), decision);
      browser.saveScreenshot("desk-popup");
      WebElement reason = driver.findElement(By.id("tabs:popup-form:override-reason"));
      reason.sendKeys("Paying at the desk now", Keys.TAB, Keys.ENTER);
      Browser.until(
          driver, d -> d.findElement(By.id("popup-decision")).getText().contains("warned"));
      driver.findElement(By.id("tabs:popup-form:popup-close")).sendKeys(Keys.ENTER);
      // While the modal popup is still closing it keeps the focus: keys typed then land in it.
      Browser.until(driver, d -> !d.findElement(By.id("popup-decision")).isDisplayed());

      // The desk field: a USB reader types the card and Enter.
      driver.findElement(By.id("tabs:desk-scan:scan-card")).sendKeys(card, Keys.ENTER);
      Browser.until(driver, d -> d.findElement(By.id("popup-decision")).isDisplayed());
    }
    String log = admin().get("/api/checkins?member=" + member).body();
    assertTrue(log.contains("\"overridden\":true"), log);
  }

  @Test
  void badInputsAreRefusedAtTheirFieldAndCreateNothing() throws IOException {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(50);
    String plan = planNamed(fixtures, location);
    String taken = fixtures.credential(fixtures.member(Fixtures.unique("Card Holder")));
    String name = Fixtures.unique("Bad Input");
    Path notAnImage = Files.createTempFile("not-an-image", ".png");
    Path oversized = Files.createTempFile("oversized", ".jpg");
    try (Browser browser = desk(new Browser())) {
      Files.writeString(notAnImage, "this is text, not a picture");
      byte[] big = new byte[3 * 1024 * 1024];
      new Random(1).nextBytes(big);
      Files.write(oversized, big);
      WebDriver driver = browser.driver();
      browser.open(base + "signup.xhtml");
      browser.waitFor(By.id("signup:name"));
      upload(driver, notAnImage);
      Browser.until(
          driver,
          d ->
              d.findElement(By.id("signup:photo-message")).getText().contains("not a JPEG or PNG"));
      upload(driver, oversized);
      Browser.until(
          driver,
          d -> d.findElement(By.id("signup:photo-message")).getText().contains("too large"));
      assertTrue(driver.findElements(By.id("signup:photo-taken")).isEmpty());

      driver.findElement(By.id("signup:name")).sendKeys(name, Keys.ENTER);
      browser.waitFor(By.id("signup:next-plan"));
      Browser.choose(driver, "signup:plan", plan + " (30 days)");
      WebElement start = driver.findElement(By.id("signup:start_input"));
      start.sendKeys(Keys.chord(Keys.CONTROL, "a"), LocalDate.now().minusDays(3).toString());
      start.sendKeys(Keys.ESCAPE);
      Browser.click(driver, By.id("signup:next-plan"));
      Browser.until(
          driver, d -> d.findElement(By.id("signup")).getText().contains("starts no earlier than"));
      assertTrue(driver.findElements(By.id("signup:card")).isEmpty(), "went on anyway");

      start = driver.findElement(By.id("signup:start_input"));
      start.sendKeys(Keys.chord(Keys.CONTROL, "a"), LocalDate.now().toString());
      start.sendKeys(Keys.ESCAPE);
      Browser.click(driver, By.id("signup:next-plan"));
      browser.waitFor(By.id("signup:card"));
      driver.findElement(By.id("signup:card")).sendKeys(taken, Keys.ENTER);
      Browser.until(driver, d -> d.findElement(By.id("signup")).getText().contains("exists"));
      assertTrue(driver.findElements(By.id("signed-up")).isEmpty());
    } finally {
      Files.deleteIfExists(notAnImage);
      Files.deleteIfExists(oversized);
    }
    String found = admin().get("/api/members?q=" + name.replace(" ", "%20")).body();
    assertTrue(found.contains("\"total\":0"), "a refused sign-up left a member: " + found);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void eventually(java.util.function.BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("never happened within " + WAIT);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static void upload(WebDriver driver, Path file) {
    driver
        .findElement(By.cssSelector("input[type='file'][id^='signup:photo-upload']"))
        .sendKeys(file.toAbsolutePath().toString());
  }

  private static int logRows(WebDriver driver) {
    return driver.findElements(By.cssSelector("[id='log:log-table_data'] tr.avgym-log-row")).size();
  }

  /** A plan valid at {@code location}; its name as the plan menus show it. */
  private String planNamed(Fixtures fixtures, String location) {
    long id = fixtures.plan("*", location);
    return Api.json(admin().get("/api/plans/" + id)).getString("name");
  }

  private JsonObject onlyMember(String name) {
    JsonObject page = Api.json(admin().get("/api/members?q=" + name.replace(" ", "%20")));
    assertEquals(1, page.getInt("total"), page.toString());
    return page.getJsonArray("items").getJsonObject(0);
  }

  private JsonObject scan(Fixtures.DeviceKey device, String credential, String direction) {
    try (WsClient socket =
        WsClient.connect(
            WsClient.ws(base, "/ws/devices"),
            Map.of("Authorization", "Bearer " + device.token()))) {
      socket.nextJson(WAIT);
      socket.send(
          "{\"type\":\"checkin\",\"id\":\""
              + UUID.randomUUID()
              + "\",\"credential\":\""
              + credential
              + "\",\"direction\":\""
              + direction
              + "\",\"method\":\"card\"}");
      return socket.nextOfType("checkin.result", WAIT);
    }
  }

  private static void waitForCamera(WebDriver driver) {
    Browser.until(
        driver,
        d ->
            (Boolean)
                ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript(
                        "var v = document.querySelector('[id=\"signup:camera\"] video');"
                            + " return !!v && v.readyState >= 2;"));
  }

  /**
   * What a phone's camera sees of the code: the page draws each module as one pixel of the PNG,
   * scaled up by the style sheet; the test scales it up as the page does, with a white margin.
   */
  private static String decode(BufferedImage shown) {
    int scale = 8;
    int margin = 32;
    BufferedImage image =
        new BufferedImage(
            shown.getWidth() * scale + 2 * margin,
            shown.getHeight() * scale + 2 * margin,
            BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.drawImage(shown, margin, margin, shown.getWidth() * scale, shown.getHeight() * scale, null);
    g.dispose();
    try {
      return new MultiFormatReader()
          .decode(
              new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
              Map.of(
                  com.google.zxing.DecodeHintType.TRY_HARDER,
                  Boolean.TRUE,
                  com.google.zxing.DecodeHintType.POSSIBLE_FORMATS,
                  java.util.List.of(com.google.zxing.BarcodeFormat.QR_CODE)))
          .getText();
    } catch (NotFoundException e) {
      throw new AssertionError("no QR code in the image the page shows", e);
    }
  }
}
