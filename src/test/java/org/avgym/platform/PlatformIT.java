package org.avgym.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.avgym.it.Api;
import org.avgym.it.Browser;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.Prometheus;
import org.avgym.it.TcpProxy;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.avgym.openapi.control.ApiResources;
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

  private static final Duration WAIT = Duration.ofSeconds(20);

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
    String text = prometheusText();
    assertTrue(text.contains("avgym_build_info{"), "build info missing");
    assertTrue(
        positive(text, "avgym_logins_total\\{[^}]*outcome=\"success\"[^}]*\\} ([0-9.]+)"),
        "login successes not counted");
    assertTrue(
        positive(text, "avgym_logins_total\\{[^}]*outcome=\"failure\"[^}]*\\} ([0-9.]+)"),
        "login failures not counted");
  }

  /**
   * Timers in the unit their names say (issue 13: quantiles of a few milliseconds printed as
   * 6891026.0 under {@code _seconds}). Check-ins whose round trips the client timed bound the
   * decision time from above: no decision takes longer than the slowest answer the device got.
   */
  @Test
  void timersReportSecondsBoundedByTheCheckinsTheClientTimed() {
    Fixtures fixtures = new Fixtures(admin());
    String location = fixtures.location(100);
    String card = fixtures.activeMember(location, "Timed Member");
    Fixtures.DeviceKey device = fixtures.device(location);
    double slowest = 0;
    try (WsClient live =
            WsClient.subscribed(
                base, Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD), WAIT, "checkins");
        WsClient door = WsClient.device(base, device.token(), WAIT)) {
      for (int i = 0; i < 6; i++) {
        long sent = System.nanoTime();
        door.send(
            "{\"type\":\"checkin\",\"id\":\"timed-"
                + i
                + "\",\"credential\":\""
                + card
                + "\",\"direction\":\""
                + (i % 2 == 0 ? "in" : "out")
                + "\"}");
        door.nextOfType("checkin.result", WAIT);
        slowest = Math.max(slowest, (System.nanoTime() - sent) / 1e9);
        live.nextOfType("event", WAIT);
      }
    }
    Prometheus metrics = Prometheus.parse(prometheusText());
    for (String timer :
        new String[] {"avgym_checkin_decision_seconds", "avgym_live_delivery_lag_seconds"}) {
      assertEquals("summary", metrics.types().get(timer), timer);
      double count = metrics.value(timer + "_count");
      assertTrue(count >= 6, timer + " counted " + count);
      double median = metrics.value(timer, "quantile", "0.5");
      double max = metrics.value(timer + "_max");
      double mean = metrics.value(timer + "_mean");
      double sum = metrics.value(timer + "_sum");
      for (double seconds : new double[] {median, max, mean, sum / count}) {
        assertTrue(seconds > 0 && seconds < 30, timer + " is not in seconds: " + seconds);
      }
      assertTrue(median <= max, timer + " median " + median + " above max " + max);
    }
    double decisionMax = metrics.value("avgym_checkin_decision_seconds_max");
    assertTrue(
        decisionMax <= slowest,
        "a decision took " + decisionMax + " s, longer than the slowest answer, " + slowest + " s");
    for (Map.Entry<String, String> family : metrics.types().entrySet()) {
      if (family.getKey().startsWith("avgym_")) {
        assertTrue(metrics.described(family.getKey()), "no HELP for " + family.getKey());
      }
    }
  }

  /**
   * PROTOCOL §4: {@code /openapi} is a valid OpenAPI 3 document naming every resource, its
   * parameters, bodies, roles and problem responses (issue 13: it answered 500 with an NPE in
   * Payara's Bean Validation scan).
   */
  @Test
  void openApiDocumentIsValidAndDescribesEveryOperation() {
    HttpResponse<String> answer =
        anonymous()
            .send(anonymous().request("/openapi").setHeader("Accept", "text/plain").GET().build());
    assertEquals(200, answer.statusCode(), answer.body());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body(), null, options);
    assertEquals(List.of(), parsed.getMessages(), "the parser's findings");
    OpenAPI api = parsed.getOpenAPI();
    assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());

    SecurityScheme basic = api.getComponents().getSecuritySchemes().get("basicAuth");
    assertEquals("basic", basic.getScheme());
    assertFalse(api.getSecurity().isEmpty(), "no security requirement");

    Set<String> operationIds = new HashSet<>();
    int operations = 0;
    for (ApiResources.Endpoint endpoint : new ApiResources().all()) {
      PathItem item = api.getPaths().get(endpoint.path());
      assertNotNull(item, "no path for " + endpoint.key());
      Operation operation =
          item.readOperationsMap().get(PathItem.HttpMethod.valueOf(endpoint.verb()));
      assertNotNull(operation, "no operation for " + endpoint.key());
      operations++;
      assertTrue(operationIds.add(operation.getOperationId()), operation.getOperationId());
      Object roles = operation.getExtensions().get("x-roles");
      assertTrue(roles instanceof List<?> list && !list.isEmpty(), endpoint.key() + " roles");
      for (String code : List.of("401", "403")) {
        assertProblem(api, operation.getResponses().get(code), endpoint.key() + " " + code);
      }
      boolean pathParameters =
          operation.getParameters() != null
              && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
      if (pathParameters) {
        assertProblem(api, operation.getResponses().get("404"), endpoint.key() + " 404");
      }
      if (operation.getRequestBody() != null) {
        assertProblem(api, operation.getResponses().get("400"), endpoint.key() + " 400");
      }
      assertTrue(
          operation.getResponses().keySet().stream().anyMatch(c -> c.startsWith("2")),
          endpoint.key() + " has no success answer: " + operation.getResponses().keySet());
    }
    assertTrue(operations >= 60, "only " + operations + " operations");

    Operation createLocation = api.getPaths().get("/api/locations").getPost();
    assertEquals(List.of("ADMIN"), createLocation.getExtensions().get("x-roles"));
    assertNotNull(createLocation.getResponses().get("201"), "creation answers 201");
    assertNotNull(createLocation.getResponses().get("409"), "a duplicate code answers 409");
    MediaType body = createLocation.getRequestBody().getContent().get("application/json");
    assertFalse(body.getExamples().isEmpty(), "no example body");
    Schema<?> input = api.getComponents().getSchemas().get("LocationInput");
    assertTrue(input.getRequired().containsAll(List.of("name", "timeZone", "capacity")));
    assertEquals(128, ((Schema<?>) input.getProperties().get("name")).getMaxLength());
    assertEquals(
        List.of("ADMIN", "STAFF"),
        api.getPaths().get("/api/members").getGet().getExtensions().get("x-roles"));
    assertEquals(
        "date-time",
        ((Schema<?>)
                api.getComponents().getSchemas().get("MemberView").getProperties().get("createdAt"))
            .getFormat());
  }

  private static void assertProblem(OpenAPI api, ApiResponse response, String what) {
    assertNotNull(response, what + " missing");
    if (response.get$ref() != null) {
      String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
      response = api.getComponents().getResponses().get(name);
      assertNotNull(response, what + " refers to a missing response " + name);
    }
    MediaType problem = response.getContent().get("application/problem+json");
    assertNotNull(problem, what + " is not a problem document");
    assertTrue(problem.getSchema().get$ref().endsWith("/Problem"), what);
  }

  private String prometheusText() {
    HttpResponse<String> metrics =
        anonymous()
            .send(anonymous().request("/metrics").setHeader("Accept", "text/plain").GET().build());
    assertEquals(200, metrics.statusCode());
    return metrics.body();
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
    JsonObject created = new Fixtures(admin()).staffUser(name, "desk-password-1", "STAFF");
    assertFalse(created.toString().contains("password"), "the hash must never be shown");

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
      // Health is public: what is down, never the exception's text (driver, host, port).
      assertFalse(down.body().contains("Exception"), down.body());
      assertFalse(down.body().toLowerCase().contains("refused"), down.body());
      assertTrue(
          down.body().contains("\"error\":\"the connection or the probe query failed\""),
          down.body());
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
