package org.avgym.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.avgym.it.Api;
import org.avgym.it.Browser;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.Prometheus;
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
 * API tokens (PROTOCOL.md §4) against the running server: issued by an administrator, used as
 * bearer on /api and /ws/live, held to their scopes, refused once expired or revoked.
 */
@ExtendWith(ArquillianExtension.class)
class ApiTokensIT {

  static final Duration WAIT = Duration.ofSeconds(15);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.avgym(TestDatabase.configured());
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private JsonObject issue(String body) {
    HttpResponse<String> issued = admin().post("/api/tokens", body);
    assertEquals(201, issued.statusCode(), issued.body());
    return Api.json(issued);
  }

  private static String secret(JsonObject issued) {
    return issued.getString("secret");
  }

  private static long id(JsonObject issued) {
    return issued.getJsonObject("token").getJsonNumber("id").longValue();
  }

  @Test
  void anIssuedTokenWorksAsBearerIsShownOnceAndRecordsItsLastUse() {
    String name = Fixtures.unique("crm-sync");
    JsonObject issued =
        issue(
            "{\"name\":\""
                + name
                + "\",\"role\":\"STAFF\",\"resources\":[\"members:read\",\"occupancy\"],"
                + "\"days\":30}");
    String secret = secret(issued);
    assertTrue(secret.startsWith("avk_") && secret.length() == 47, secret);
    JsonObject token = issued.getJsonObject("token");
    assertEquals("active", token.getString("state"));
    assertEquals(secret.substring(0, 12), token.getString("prefix"));
    Instant expires = Instant.parse(token.getString("expiresAt"));
    assertTrue(expires.isAfter(Instant.now().plus(Duration.ofDays(29))), expires.toString());

    Api integration = Api.at(base).withToken(secret);
    HttpResponse<String> members = integration.get("/api/members?q=a");
    assertEquals(200, members.statusCode(), members.body());
    assertEquals(200, integration.get("/api/occupancy").statusCode());

    HttpResponse<String> listed = admin().get("/api/tokens");
    assertEquals(200, listed.statusCode());
    assertTrue(listed.body().contains(name), listed.body());
    assertFalse(listed.body().contains(secret.substring(4)), "the secret is shown once only");
    JsonObject again = Api.json(admin().get("/api/tokens/" + id(issued)));
    assertFalse(again.containsKey("secret"));
    assertFalse(again.isNull("lastUsedAt"), "last use recorded: " + again);
    assertEquals("127.0.0.1", again.getString("lastUsedAddress"));
    assertEquals(
        java.util.List.of("members:read", "occupancy"),
        again.getJsonArray("resources").getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void aCallOutsideTheScopesOrTheRoleIsRefusedAndChangesNothing() {
    String secret =
        secret(
            issue(
                "{\"name\":\""
                    + Fixtures.unique("reader")
                    + "\",\"role\":\"STAFF\",\"resources\":[\"members:read\"]}"));
    Api integration = Api.at(base).withToken(secret);
    double before = refusals();

    HttpResponse<String> write =
        integration.post("/api/members", "{\"name\":\"" + Fixtures.unique("Nope") + "\"}");
    assertEquals(403, write.statusCode(), write.body());
    assertTrue(write.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    assertTrue(write.body().contains("do not allow POST on members"), write.body());
    assertEquals(403, integration.get("/api/checkins").statusCode());
    HttpResponse<String> tokens = integration.get("/api/tokens");
    assertEquals(403, tokens.statusCode());
    assertTrue(tokens.body().contains("signed-in administrator"), tokens.body());
    assertEquals(refusals(), before + 3, 0.0);

    // A bearer token cannot be forged by another site's page: an integration's own web origin
    // may call with it.
    String writer =
        secret(
            issue(
                "{\"name\":\""
                    + Fixtures.unique("partner-web")
                    + "\",\"role\":\"STAFF\",\"resources\":[\"members\"]}"));
    Api partner = Api.at(base).withToken(writer);
    HttpResponse<String> created =
        partner.send(
            partner
                .request("/api/members")
                .header("Content-Type", "application/json")
                .header("Origin", "https://partner.example.test")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + Fixtures.unique("Via Partner") + "\"}"))
                .build());
    assertEquals(201, created.statusCode(), created.body());

    // A staff token without scopes still cannot do what only administrators can.
    String staff =
        secret(issue("{\"name\":\"" + Fixtures.unique("desk-app") + "\",\"role\":\"STAFF\"}"));
    assertEquals(403, Api.at(base).withToken(staff).get("/api/staff-users").statusCode());
    assertEquals(200, Api.at(base).withToken(staff).get("/api/checkins").statusCode());
    // ... and an administrator's token cannot issue tokens either.
    String adminToken =
        secret(issue("{\"name\":\"" + Fixtures.unique("ops") + "\",\"role\":\"ADMIN\"}"));
    assertEquals(
        403,
        Api.at(base)
            .withToken(adminToken)
            .post("/api/tokens", "{\"name\":\"escalate\",\"role\":\"ADMIN\"}")
            .statusCode());
    assertFalse(admin().get("/api/tokens").body().contains("\"escalate\""));
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceAndItsLiveSessionsClose() {
    JsonObject issued =
        issue(
            "{\"name\":\""
                + Fixtures.unique("signage-hq")
                + "\",\"role\":\"STAFF\",\"topics\":[\"occupancy\"]}");
    String secret = secret(issued);
    try (WsClient live =
        WsClient.connect(
            WsClient.ws(base, "/ws/live"), Map.of("Authorization", "Bearer " + secret))) {
      live.send("{\"type\":\"subscribe\",\"topics\":[\"occupancy\",\"alerts\"]}");
      JsonObject refused = live.nextOfType("error", WAIT);
      assertEquals("FORBIDDEN_TOPIC", refused.getString("code"), refused.toString());
      live.send("{\"type\":\"subscribe\",\"topics\":[\"occupancy\"]}");
      live.nextOfType("subscribed", WAIT);

      HttpResponse<String> revoked = admin().delete("/api/tokens/" + id(issued));
      assertEquals(200, revoked.statusCode(), revoked.body());
      assertEquals("revoked", Api.json(revoked).getString("state"));
      WsClient.Closed closed = live.awaitClose(WAIT);
      assertEquals(1008, closed.code());
      assertEquals("revoked", closed.reason());
    }
    HttpResponse<String> after = Api.at(base).withToken(secret).get("/api/occupancy");
    assertEquals(401, after.statusCode());
    assertTrue(after.body().contains("revoked"), after.body());
    // Revoking again changes nothing; an unknown token is 404.
    assertEquals(200, admin().delete("/api/tokens/" + id(issued)).statusCode());
    assertEquals(404, admin().delete("/api/tokens/987654321").statusCode());
    // The same name can be issued again once the old token is revoked.
    assertEquals(
        201,
        admin()
            .post(
                "/api/tokens",
                "{\"name\":\""
                    + issued.getJsonObject("token").getString("name")
                    + "\",\"role\":\"STAFF\"}")
            .statusCode());
  }

  @Test
  void anExpiredTokenIsRefusedSayingSoAndItsLiveSessionCloses() throws Exception {
    Instant expiry = Instant.now().plusSeconds(4);
    String secret =
        secret(
            issue(
                "{\"name\":\""
                    + Fixtures.unique("short-lived")
                    + "\",\"role\":\"STAFF\",\"expiresAt\":\""
                    + expiry
                    + "\"}"));
    Api integration = Api.at(base).withToken(secret);
    assertEquals(200, integration.get("/api/occupancy").statusCode());
    // Browsers cannot set headers on a WebSocket: the token may come as a query parameter.
    try (WsClient live = WsClient.connect(liveWithQueryToken(secret), Map.of())) {
      live.send("{\"type\":\"subscribe\",\"topics\":[\"occupancy\",\"alerts\"]}");
      live.nextOfType("subscribed", WAIT);
      WsClient.Closed closed = live.awaitClose(WAIT);
      assertEquals(1008, closed.code());
      assertEquals("token expired", closed.reason());
    }
    assertTrue(Instant.now().isAfter(expiry));
    HttpResponse<String> after = integration.get("/api/occupancy");
    assertEquals(401, after.statusCode());
    assertTrue(after.body().contains("expired"), after.body());
    assertTrue(after.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
  }

  @Test
  void unknownAndMalformedTokensAreRefusedAndCounted() {
    double before = failures();
    String unknown = "avk_" + "A".repeat(43);
    HttpResponse<String> refused = Api.at(base).withToken(unknown).get("/api/members");
    assertEquals(401, refused.statusCode());
    assertTrue(refused.body().contains("unknown API token"), refused.body());
    assertEquals(401, Api.at(base).withToken("avk_short").get("/api/members").statusCode());
    assertEquals(failures(), before + 2, 0.0);
    try (WsClient live =
        WsClient.connect(
            WsClient.ws(base, "/ws/live"), Map.of("Authorization", "Bearer " + unknown))) {
      live.awaitClose(WAIT);
    } catch (RuntimeException refusedHandshake) {
      // refused at the handshake (401): as good as closed
    }
  }

  @Test
  void badRequestsToIssueAreRefusedNamingTheFieldAndCreateNothing() {
    int before = Api.jsonValue(admin().get("/api/tokens")).asJsonArray().size();
    String name = Fixtures.unique("bad");
    assertField("{\"name\":\"  \",\"role\":\"STAFF\"}", "name");
    assertField("{\"name\":\"a\\u0007b\",\"role\":\"STAFF\"}", "name");
    assertField("{\"name\":\"" + "x".repeat(65) + "\",\"role\":\"STAFF\"}", "name");
    assertField("{\"name\":\"" + name + "\"}", "role");
    assertField(
        "{\"name\":\"" + name + "\",\"role\":\"STAFF\",\"resources\":[\"doors\"]}", "resources");
    assertField("{\"name\":\"" + name + "\",\"role\":\"STAFF\",\"topics\":[\"all\"]}", "topics");
    assertField(
        "{\"name\":\"" + name + "\",\"role\":\"STAFF\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}",
        "expiresAt");
    assertField(
        "{\"name\":\"" + name + "\",\"role\":\"STAFF\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}",
        "expiresAt");
    assertField("{\"name\":\"" + name + "\",\"role\":\"STAFF\",\"days\":0}", "days");
    assertEquals(
        400,
        admin().post("/api/tokens", "{\"name\":\"" + name + "\",\"role\":\"ROOT\"}").statusCode());
    assertEquals(
        400,
        admin()
            .post("/api/tokens", "{\"name\":\"" + name + "\",\"role\":\"STAFF\",\"days\":\"x\"}")
            .statusCode());
    assertEquals(
        before,
        Api.jsonValue(admin().get("/api/tokens")).asJsonArray().size(),
        "nothing was created");

    issue("{\"name\":\"" + name + "\",\"role\":\"STAFF\"}");
    HttpResponse<String> twice =
        admin().post("/api/tokens", "{\"name\":\"" + name + "\",\"role\":\"STAFF\"}");
    assertEquals(409, twice.statusCode(), twice.body());

    // Staff cannot manage tokens.
    String user = Fixtures.unique("desk").toLowerCase();
    new Fixtures(admin()).staffUser(user, "staff-password-1", "STAFF");
    Api staff = Api.at(base).as(user, "staff-password-1");
    assertEquals(403, staff.get("/api/tokens").statusCode());
    assertEquals(
        403,
        staff.post("/api/tokens", "{\"name\":\"" + name + "x\",\"role\":\"STAFF\"}").statusCode());
  }

  @Test
  void anAdministratorIssuesAndRevokesATokenOnTheAdminPage() {
    String name = Fixtures.unique("bi-export");
    try (Browser browser = new Browser()) {
      browser.logIn(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      browser.waitFor(By.id("tabs"));
      WebDriver driver = browser.driver();
      browser.open(base + "admin/tokens.xhtml");
      browser.waitFor(By.id("token-form:name"));
      // A bad lifetime is refused at its field and issues nothing.
      driver.findElement(By.id("token-form:name")).sendKeys(name);
      WebElement days = driver.findElement(By.id("token-form:days_input"));
      days.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      days.sendKeys("0");
      Browser.click(driver, By.id("token-form:issue"));
      Browser.until(driver, d -> d.findElement(By.id("token-form")).getText().contains("1 to"));
      assertTrue(driver.findElements(By.id("token-form:secret")).isEmpty());

      days = driver.findElement(By.id("token-form:days_input"));
      days.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      days.sendKeys("7");
      Browser.click(driver, By.id("token-form:issue"));
      browser.waitFor(By.id("token-form:secret"));
      String secret = driver.findElement(By.id("token-form:secret")).getDomProperty("value");
      assertTrue(secret.startsWith("avk_"), secret);
      browser.saveScreenshot("admin-tokens");
      Browser.until(
          driver, d -> d.findElement(By.id("token-list:tokens")).getText().contains(name));
      assertFalse(
          driver.findElement(By.id("token-list:tokens")).getText().contains(secret),
          "the list never shows the secret");
      assertEquals(200, Api.at(base).withToken(secret).get("/api/occupancy").statusCode());

      WebElement row =
          driver.findElements(By.cssSelector("[id='token-list:tokens_data'] tr")).stream()
              .filter(r -> r.getText().contains(name))
              .findFirst()
              .orElseThrow();
      row.findElement(By.cssSelector("button[id$=':revoke']")).click();
      Browser.click(driver, By.cssSelector(".ui-confirmdialog-yes"));
      Browser.until(
          driver,
          d ->
              d.findElements(By.cssSelector("[id='token-list:tokens_data'] tr")).stream()
                  .anyMatch(r -> r.getText().contains(name) && r.getText().contains("revoked")));
      assertEquals(401, Api.at(base).withToken(secret).get("/api/occupancy").statusCode());
    }
  }

  private void assertField(String body, String field) {
    HttpResponse<String> refused = admin().post("/api/tokens", body);
    assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
    assertTrue(refused.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    if (field != null) {
      assertTrue(refused.body().contains("\"field\":\"" + field + "\""), refused.body());
    }
  }

  private java.net.URI liveWithQueryToken(String secret) {
    return java.net.URI.create(WsClient.ws(base, "/ws/live") + "?token=" + secret);
  }

  private double failures() {
    return metrics().value("avgym_logins_total", "outcome", "failure", "channel", "token");
  }

  private double refusals() {
    return metrics().value("avgym_token_scope_refusals_total");
  }

  private Prometheus metrics() {
    Api api = Api.at(base);
    return Prometheus.parse(
        api.send(api.request("/metrics").setHeader("Accept", "text/plain").GET().build()).body());
  }
}
