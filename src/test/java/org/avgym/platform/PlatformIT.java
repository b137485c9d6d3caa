package org.avgym.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.avgym.it.Api;
import org.avgym.it.Browser;
import org.avgym.it.Deployments;
import org.avgym.it.TcpProxy;
import org.avgym.it.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The foundation end to end: health, metrics, API security and problem+json, the login page in a
 * real browser. On PostgreSQL (when configured) the database is reached through a proxy that a test
 * can cut, to prove readiness follows the database down and back up.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  private static TcpProxy database;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    TestDatabase.Proxied db = TestDatabase.proxied();
    database = db.proxy();
    return Deployments.avgym(db.settings());
  }

  private Api anonymous() {
    return Api.at(base);
  }

  private Api admin() {
    return anonymous().as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  @Test
  void readinessIsUpWhileTheDatabaseAnswers() {
    HttpResponse<String> ready = anonymous().get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject body = Api.json(ready);
    assertEquals("UP", body.getString("status"));
    assertTrue(ready.body().contains("\"database\""), ready.body());
  }

  @Test
  void livenessAndStartupAreUp() {
    HttpResponse<String> live = anonymous().get("/health/live");
    assertEquals(200, live.statusCode(), live.body());
    assertTrue(live.body().contains("\"jvm\""), live.body());
    HttpResponse<String> started = anonymous().get("/health/started");
    assertEquals(200, started.statusCode(), started.body());
    assertTrue(started.body().contains("schema-migrations"), started.body());
  }

  @Test
  void metricsServeAvgymSeriesAsPrometheusText() {
    admin().get("/api/staff-users");
    anonymous().as(Deployments.ADMIN, "not-the-password").get("/api/staff-users");
    HttpResponse<String> metrics =
        anonymous()
            .send(anonymous().request("/metrics").setHeader("Accept", "text/plain").GET().build());
    assertEquals(200, metrics.statusCode());
    String text = metrics.body();
    assertTrue(text.contains("avgym_build_info{"), "build info missing");
    assertTrue(
        positive(text, "avgym_logins_total\\{[^}]*outcome=\"success\"[^}]*\\} ([0-9.]+)"),
        "login successes not counted");
    assertTrue(
        positive(text, "avgym_logins_total\\{[^}]*outcome=\"failure\"[^}]*\\} ([0-9.]+)"),
        "login failures not counted");
  }

  @Test
  void apiWithoutCredentialsIsRefusedWithProblemJson() {
    HttpResponse<String> response = anonymous().get("/api/staff-users");
    assertEquals(401, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(401, Api.json(response).getInt("status"));
  }

  @Test
  void apiWithWrongPasswordIsRefused() {
    HttpResponse<String> response =
        anonymous().as(Deployments.ADMIN, "wrong-password").get("/api/staff-users");
    assertEquals(401, response.statusCode());
    HttpResponse<String> unknown =
        anonymous().as("nobody-here", "whatever-1234").get("/api/staff-users");
    assertEquals(401, unknown.statusCode());
    assertEquals(Api.json(response).getString("detail"), Api.json(unknown).getString("detail"));
  }

  @Test
  void pageWithoutLoginRedirectsToTheLoginPage() {
    HttpResponse<String> page = anonymous().get("/index.xhtml");
    assertEquals(302, page.statusCode());
    assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    HttpResponse<String> root = anonymous().get("/");
    assertEquals(302, root.statusCode());
    HttpResponse<String> login = anonymous().get("/login.xhtml");
    assertEquals(200, login.statusCode());
    assertTrue(login.body().contains("Sign in"));
  }

  @Test
  void adminCreatesStaffUserWhoCannotAdministerUsers() {
    String name = "staff-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        admin()
            .post(
                "/api/staff-users",
                "{\"username\":\""
                    + name
                    + "\",\"displayName\":\"Desk Person\","
                    + "\"password\":\"desk-password-1\",\"role\":\"STAFF\"}");
    assertEquals(201, created.statusCode(), created.body());
    assertFalse(created.body().contains("password"), "the hash must never be shown");

    HttpResponse<String> asStaff = anonymous().as(name, "desk-password-1").get("/api/staff-users");
    assertEquals(403, asStaff.statusCode(), asStaff.body());
    assertTrue(
        asStaff
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));

    HttpResponse<String> duplicate =
        admin()
            .post(
                "/api/staff-users",
                "{\"username\":\""
                    + name.toUpperCase()
                    + "\",\"displayName\":\"Again\","
                    + "\"password\":\"desk-password-1\",\"role\":\"STAFF\"}");
    assertEquals(409, duplicate.statusCode(), duplicate.body());
  }

  @Test
  void invalidStaffUserIsRejectedNamingTheFields() {
    HttpResponse<String> response =
        admin()
            .post(
                "/api/staff-users",
                "{\"username\":\"x\",\"displayName\":\"\",\"password\":\"short\",\"role\":\"STAFF\"}");
    assertEquals(400, response.statusCode(), response.body());
    String body = response.body();
    assertTrue(body.contains("\"username\""), body);
    assertTrue(body.contains("\"password\""), body);
    assertTrue(body.contains("\"displayName\""), body);
    assertFalse(body.contains("Exception"), body);

    HttpResponse<String> badJson = admin().post("/api/staff-users", "{not json");
    assertEquals(400, badJson.statusCode(), badJson.body());
    HttpResponse<String> badRole =
        admin()
            .post(
                "/api/staff-users",
                "{\"username\":\"valid-name\",\"displayName\":\"A\",\"password\":\"long-enough-1\",\"role\":\"KING\"}");
    assertEquals(400, badRole.statusCode(), badRole.body());
    HttpResponse<String> unknown = admin().get("/api/staff-users/999999");
    assertEquals(404, unknown.statusCode(), unknown.body());
  }

  @Test
  void readinessFollowsTheDatabaseDownAndBackUp() throws Exception {
    assumeTrue(database != null, "needs PostgreSQL (avgym.test.db.url)");
    assertEquals(200, anonymous().get("/health/ready").statusCode());
    database.cut();
    try {
      HttpResponse<String> down = awaitStatus("/health/ready", 503, Duration.ofSeconds(30));
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(down.body().contains("PostgreSQL"), down.body());
      assertTrue(down.body().contains("\"DOWN\""), down.body());
      assertEquals(200, anonymous().get("/health/live").statusCode(), "liveness must not follow");
    } finally {
      database.start();
    }
    HttpResponse<String> up = awaitStatus("/health/ready", 200, Duration.ofSeconds(60));
    assertEquals(200, up.statusCode(), up.body());
  }

  @Test
  void adminLogsInThroughTheLoginPageAndSeesTheFourTabs() {
    try (Browser browser = new Browser()) {
      browser.logIn(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      browser.waitFor(By.id("tabs"));
      String text = browser.driver().findElement(By.id("tabs")).getText();
      for (String tab : new String[] {"Overview", "Performance", "Connection Pools", "Analytics"}) {
        assertTrue(text.contains(tab), "tab missing: " + tab);
      }
      assertTrue(
          browser
              .driver()
              .findElement(By.id("current-user"))
              .getText()
              .contains(Deployments.ADMIN));
      browser.driver().findElement(By.id("account:logout")).click();
      browser.waitFor(By.id("login:username"));
      browser.open(base + "index.xhtml");
      browser.waitFor(By.id("login:username"));
    }
  }

  @Test
  void wrongPasswordIsRefusedOnTheLoginPageWithoutSayingWhy() {
    try (Browser browser = new Browser()) {
      browser.logIn(base.toString(), Deployments.ADMIN, "definitely-wrong");
      browser.waitFor(By.id("login:messages"));
      String wrongPassword = browser.driver().findElement(By.id("login:messages")).getText();
      assertTrue(wrongPassword.contains("Unknown user name or wrong password"), wrongPassword);
      browser.logIn(base.toString(), "no-such-user", "definitely-wrong");
      browser.waitFor(By.id("login:messages"));
      String unknownUser = browser.driver().findElement(By.id("login:messages")).getText();
      assertEquals(wrongPassword, unknownUser);
      assertTrue(browser.driver().findElements(By.id("tabs")).isEmpty());
    }
  }

  private HttpResponse<String> awaitStatus(String path, int status, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    HttpResponse<String> last = anonymous().get(path);
    while (last.statusCode() != status && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      last = anonymous().get(path);
    }
    return last;
  }

  private static boolean positive(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    while (matcher.find()) {
      if (Double.parseDouble(matcher.group(1)) > 0) {
        return true;
      }
    }
    return false;
  }
}
