package org.avgym.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.PayaraInstance;
import org.avgym.it.Prometheus;
import org.avgym.it.SmtpSink;
import org.avgym.it.TestDatabase;
import org.avgym.it.WebhookReceiver;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alert notifications end to end (PROTOCOL.md §5): a webhook receiver on loopback gets the alert a
 * rule fired, signed with the channel's key (checked here with the JDK's own HMAC); a receiver that
 * answers 500 is retried with growing waits, then the notification is counted as failed on
 * /metrics; a pool connection that fails becomes an alert that is notified; "Send test" goes
 * through the outbox; e-mail reaches an SMTP sink through the server's mail session; bad input is
 * refused with problem JSON and stores nothing; only administrators manage channels.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Where the test servers' mail session (src/test/server-config/post-boot.asadmin) sends. */
  private static final int SMTP_PORT = 25259;

  private static final String KEY = "it-signing-key-0123456789";

  /**
   * The rule of channels that must hear of no alert of another test: server errors, which these
   * tests do not cause.
   */
  private static final String QUIET_RULE = "server-errors";

  private static WebhookReceiver receiver;
  private static SmtpSink smtp;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    Map<String, String> settings = TestDatabase.configured();
    settings.put("avgym.notify.poll-ms", "200");
    settings.put("avgym.notify.stats-interval-ms", "200");
    settings.put("avgym.notify.retry.base-ms", "400");
    settings.put("avgym.notify.retry.factor", "2");
    settings.put("avgym.notify.retry.cap-ms", "5000");
    settings.put("avgym.notify.retry.max-attempts", "3");
    // The receivers of this test listen on loopback, which webhooks may not reach by default.
    settings.put("avgym.notify.allowed-networks", "127.0.0.0/8");
    settings.put("avgym.pools.backoff.base-ms", "50");
    return Deployments.avgym(settings);
  }

  @BeforeAll
  static void receivers() {
    receiver = WebhookReceiver.start("/ok", 204, "/fail", 500, "/pool", 204, "/page", 204);
    smtp = SmtpSink.start(SMTP_PORT);
  }

  @AfterAll
  static void stop() {
    receiver.close();
    smtp.close();
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  /**
   * An alert rule on heap use above 0 %, created disabled: the sampler would otherwise fire it
   * before the test's channel exists, and an alert already open is not announced again.
   */
  private String alwaysFiringRule() {
    String rule = Fixtures.unique("notify-it");
    HttpResponse<String> created =
        admin().post("/api/analytics/alert-rules", memoryRule(rule, false));
    assertEquals(201, created.statusCode(), created.body());
    return rule;
  }

  /** Enables the rule, which fires at the next sample, and samples now. */
  private void fire(String rule) {
    long id =
        Api.jsonValue(admin().get("/api/analytics/alert-rules")).asJsonArray().stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("name").equals(rule))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> enabled = put("/api/analytics/alert-rules/" + id, memoryRule(rule, true));
    assertEquals(200, enabled.statusCode(), enabled.body());
    sampleNow();
  }

  private static String memoryRule(String rule, boolean enabled) {
    return "{\"name\":\""
        + rule
        + "\",\"metric\":\"memoryUsage\",\"comparison\":\"ABOVE\",\"threshold\":0,"
        + "\"durationSeconds\":0,\"severity\":\"WARNING\",\"enabled\":"
        + enabled
        + "}";
  }

  private HttpResponse<String> put(String path, String json) {
    return admin()
        .send(
            admin()
                .request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
  }

  private JsonObject channel(String name, String url, String rule) {
    HttpResponse<String> created =
        admin()
            .post(
                "/api/notifications/channels",
                "{\"name\":\""
                    + name
                    + "\",\"target\":\""
                    + url
                    + "\",\"secret\":\""
                    + KEY
                    + "\",\"minSeverity\":\"WARNING\",\"rules\":["
                    + (rule == null ? "" : "\"" + rule + "\"")
                    + "]}");
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created);
  }

  private void sampleNow() {
    HttpResponse<String> sampled = admin().post("/api/analytics/samples/run", "");
    assertEquals(200, sampled.statusCode(), sampled.body());
  }

  private static String hmac(String key, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static WebhookReceiver.Request about(
      List<WebhookReceiver.Request> requests, String rule) {
    return requests.stream()
        .filter(r -> r.text().contains("\"rule\":\"" + rule + "\""))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFiredAlertReachesTheWebhookSignedWithTheChannelKey() throws Exception {
    String rule = alwaysFiringRule();
    String name = Fixtures.unique("chat");
    JsonObject channel = channel(name, receiver.url("/ok"), rule);
    assertEquals(KEY, channel.getString("secret"), "the key is in the creating answer");
    fire(rule);

    WebhookReceiver.Request got =
        about(receiver.await(r -> r.text().contains("\"rule\":\"" + rule + "\""), 1, WAIT), rule);
    assertEquals(hmac(KEY, got.body()), got.header("X-AVGym-Signature"));
    assertTrue(
        got.header("Content-Type").startsWith("application/json"), got.header("Content-Type"));
    assertTrue(Long.parseLong(got.header("X-AVGym-Delivery")) > 0);
    assertTrue(Long.parseLong(got.header("X-AVGym-Timestamp")) > 1_700_000_000L);
    JsonObject alert = parse(got.text());
    assertEquals("alert.firing", alert.getString("kind"));
    assertEquals("memoryUsage", alert.getString("metric"));
    assertEquals("warning", alert.getString("severity"));
    assertTrue(alert.getJsonNumber("alertId").longValue() > 0);
    assertTrue(alert.getString("text").contains(rule + " fired"), alert.getString("text"));

    long id = channel.getJsonNumber("id").longValue();
    JsonObject listed = Api.json(admin().get("/api/notifications/channels/" + id));
    assertEquals("…" + KEY.substring(KEY.length() - 4), listed.getString("secret"));
    JsonObject delivery = awaitDelivery(id, "DELIVERED");
    assertEquals(204, delivery.getInt("lastStatus"));
    awaitMetric("delivered", name, 1.0);
    Prometheus metrics = Prometheus.parse(metricsText());
    for (String gauge :
        List.of(
            "avgym_notification_pending",
            "avgym_notification_oldest_pending_seconds",
            "avgym_notification_failing_channels")) {
      assertEquals(1, metrics.samples(gauge).size(), gauge + " on /metrics");
      assertTrue(metrics.value(gauge) >= 0, gauge);
    }
  }

  @Test
  void aFailingReceiverIsRetriedWithGrowingWaitsThenCountedAsFailed() {
    String rule = alwaysFiringRule();
    String name = Fixtures.unique("broken");
    long id = channel(name, receiver.url("/fail"), rule).getJsonNumber("id").longValue();
    fire(rule);

    List<WebhookReceiver.Request> attempts =
        receiver.await(
            r -> r.path().equals("/fail") && r.text().contains("\"rule\":\"" + rule + "\""),
            3,
            WAIT);
    assertEquals(
        1,
        attempts.stream().map(r -> r.header("X-AVGym-Delivery")).distinct().count(),
        "every retry carries the same delivery id");
    double first = (attempts.get(1).nanos() - attempts.get(0).nanos()) / 1e6;
    double second = (attempts.get(2).nanos() - attempts.get(1).nanos()) / 1e6;
    assertTrue(first >= 350, "first wait " + first + " ms");
    assertTrue(second >= 750, "second wait " + second + " ms, doubled");

    JsonObject delivery = awaitDelivery(id, "FAILED");
    assertEquals(3, delivery.getInt("attempts"));
    assertEquals(500, delivery.getInt("lastStatus"));
    awaitMetric("failed", name, 1.0);
    awaitMetric("retried", name, 2.0);
    sleep(Duration.ofSeconds(1));
    assertEquals(3, receiver.requests(r -> r.text().contains("\"rule\":\"" + rule + "\"")).size());

    HttpResponse<String> ready = Api.at(base).get("/health/ready");
    assertEquals(200, ready.statusCode(), "a failing channel keeps readiness UP: " + ready.body());
    assertTrue(ready.body().contains(name), ready.body());
  }

  @Test
  void aPoolConnectionThatFailsBecomesANotifiedAlert() {
    String name = Fixtures.unique("pool-watch");
    channel(name, receiver.url("/pool"), "pool-connection-failed");
    String pool = Fixtures.unique("dead").toLowerCase(Locale.ROOT);
    HttpResponse<String> created =
        admin()
            .post(
                "/api/pools",
                "{\"name\":\""
                    + pool
                    + "\",\"topics\":[\"alerts\"],\"reconnectAttempts\":0,\"endpoints\":[{\"url\":\"ws://127.0.0.1:"
                    + PayaraInstance.freePort()
                    + "/nobody\"}]}");
    assertEquals(201, created.statusCode(), created.body());
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (Api.json(admin().get("/api/pools/" + pool)).getJsonObject("states").getInt("failed")
        == 0) {
      assertTrue(System.nanoTime() < deadline, "the connection never failed");
      sleep(Duration.ofMillis(100));
    }
    sampleNow();
    WebhookReceiver.Request got =
        receiver
            .await(
                r ->
                    r.path().equals("/pool")
                        && r.text().contains("\"rule\":\"pool-connection-failed\"")
                        && r.text().contains("\"subject\":\"" + pool + "\""),
                1,
                WAIT)
            .get(0);
    JsonObject alert = parse(got.text());
    assertEquals("alert.firing", alert.getString("kind"));
    assertEquals("critical", alert.getString("severity"));
    sampleNow();
    sleep(Duration.ofSeconds(1));
    assertEquals(
        1,
        receiver
            .requests(
                r ->
                    r.path().equals("/pool")
                        && r.text().contains("\"rule\":\"pool-connection-failed\"")
                        && r.text().contains("\"subject\":\"" + pool + "\""))
            .size(),
        "a connection still failed is one alert, notified once");
    assertEquals(204, admin().delete("/api/pools/" + pool).statusCode());
  }

  @Test
  void sendTestGoesThroughTheOutboxAndSaysHowItWent() throws Exception {
    long ok =
        channel(Fixtures.unique("test-ok"), receiver.url("/ok"), QUIET_RULE)
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> sent = admin().post("/api/notifications/channels/" + ok + "/test", "");
    assertEquals(200, sent.statusCode(), sent.body());
    assertEquals("DELIVERED", Api.json(sent).getString("state"));
    WebhookReceiver.Request got =
        receiver
            .await(
                r -> r.text().contains("\"kind\":\"notification.test\"") && r.path().equals("/ok"),
                1,
                WAIT)
            .get(0);
    assertEquals(hmac(KEY, got.body()), got.header("X-AVGym-Signature"));

    long failing =
        channel(Fixtures.unique("test-fail"), receiver.url("/fail"), QUIET_RULE)
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> failed =
        admin().post("/api/notifications/channels/" + failing + "/test", "");
    assertEquals(200, failed.statusCode(), failed.body());
    JsonObject outcome = Api.json(failed);
    assertEquals("FAILED", outcome.getString("state"));
    assertEquals(500, outcome.getInt("lastStatus"));
    assertEquals(1, outcome.getInt("attempts"), "a test is tried once");
  }

  @Test
  void emailReachesTheMailServerOfTheSession() {
    String name = Fixtures.unique("desk-mail");
    HttpResponse<String> created =
        admin()
            .post(
                "/api/notifications/channels",
                "{\"name\":\""
                    + name
                    + "\",\"kind\":\"EMAIL\",\"target\":\"ops@example.com\",\"minSeverity\":\"INFO\","
                    + "\"rules\":[\""
                    + QUIET_RULE
                    + "\"]}");
    assertEquals(201, created.statusCode(), created.body());
    long id = Api.json(created).getJsonNumber("id").longValue();
    HttpResponse<String> sent = admin().post("/api/notifications/channels/" + id + "/test", "");
    assertEquals(200, sent.statusCode(), sent.body());
    assertEquals("DELIVERED", Api.json(sent).getString("state"), sent.body());
    SmtpSink.Mail mail =
        smtp.await(1, WAIT).stream().filter(m -> m.data().contains(name)).findFirst().orElseThrow();
    assertTrue(mail.recipients().contains("<ops@example.com>"), mail.recipients().toString());
    assertTrue(mail.data().contains("Test notification of channel " + name), mail.data());
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndStoresNothing() {
    String ok = receiver.url("/ok");
    Map<String, String> bad =
        Map.of(
            "{\"name\":\"bad-url\",\"target\":\"not a url\"}",
            "target",
            "{\"name\":\"bad-scheme\",\"target\":\"ftp://127.0.0.1/x\"}",
            "target",
            "{\"name\":\"bad-metadata\",\"target\":\"http://169.254.169.254/latest\"}",
            "target",
            "{\"target\":\"" + ok + "\"}",
            "name",
            "{\"name\":\"bad-severity\",\"target\":\"" + ok + "\",\"minSeverity\":\"LOUD\"}",
            "minSeverity",
            "{\"name\":\"bad-rule\",\"target\":\"" + ok + "\",\"rules\":[\"no-such-rule\"]}",
            "rules",
            "{\"name\":\"bad-mail\",\"kind\":\"EMAIL\",\"target\":\"ops at example\"}",
            "target",
            "{\"name\":\"bad-kind\",\"kind\":\"SMS\",\"target\":\"" + ok + "\"}",
            "kind");
    bad.forEach(
        (body, field) -> {
          HttpResponse<String> refused = admin().post("/api/notifications/channels", body);
          assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
          assertTrue(
              refused
                  .headers()
                  .firstValue("Content-Type")
                  .orElse("")
                  .startsWith("application/problem+json"),
              refused.body());
          JsonObject problem = Api.json(refused);
          assertEquals(400, problem.getInt("status"));
          assertEquals(
              field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), body);
        });
    String listed = admin().get("/api/notifications/channels").body();
    assertFalse(listed.contains("\"bad-"), listed);

    String name = Fixtures.unique("kept");
    long id = channel(name, ok, QUIET_RULE).getJsonNumber("id").longValue();
    HttpResponse<String> update =
        put(
            "/api/notifications/channels/" + id,
            "{\"name\":\"" + name + "\",\"target\":\"http://\"}");
    assertEquals(400, update.statusCode(), update.body());
    assertEquals(
        ok, Api.json(admin().get("/api/notifications/channels/" + id)).getString("target"));
    assertEquals(404, admin().get("/api/notifications/channels/999999999").statusCode());
    assertEquals(
        409,
        admin()
            .post(
                "/api/notifications/channels",
                "{\"name\":\"" + name + "\",\"target\":\"" + ok + "\"}")
            .statusCode());
  }

  @Test
  void theAdminPageShowsBadInputOnItsFieldAndTheNewKeyOnce() {
    String cookie = Api.at(base).formLogin(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    String name = Fixtures.unique("page");
    HttpResponse<String> refused = addOnPage(cookie, name, "not a url");
    assertEquals(200, refused.statusCode());
    assertTrue(refused.body().contains("target is not a valid URL"), refused.body());
    assertFalse(admin().get("/api/notifications/channels").body().contains(name));

    HttpResponse<String> added = addOnPage(cookie, name, receiver.url("/page"));
    assertEquals(200, added.statusCode());
    assertTrue(added.body().contains("Signing key of " + name), added.body());
    assertTrue(admin().get("/api/notifications/channels").body().contains(name));
  }

  private HttpResponse<String> addOnPage(String cookie, String name, String target) {
    return Api.at(base)
        .submit(
            "/admin/alerts.xhtml",
            cookie,
            "channel-form",
            Map.of(
                "channel-name",
                name,
                "channel-kind",
                "WEBHOOK",
                "channel-target",
                target,
                "channel-severity",
                "CRITICAL"),
            "channel-add");
  }

  /** PROTOCOL §4: the channels are in the OpenAPI document, admin only, with their problems. */
  @Test
  void theOpenApiDocumentDescribesTheChannels() {
    HttpResponse<String> answer =
        Api.at(base)
            .send(Api.at(base).request("/openapi").setHeader("Accept", "text/plain").GET().build());
    assertEquals(200, answer.statusCode(), answer.body());
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body(), null, null);
    assertEquals(List.of(), parsed.getMessages(), "the parser's findings");
    Paths paths = parsed.getOpenAPI().getPaths();
    Operation create = paths.get("/api/notifications/channels").getPost();
    assertEquals(List.of("ADMIN"), create.getExtensions().get("x-roles"));
    for (String code : List.of("201", "400", "401", "403")) {
      assertTrue(create.getResponses().containsKey(code), "POST channels answers " + code);
    }
    Operation test = paths.get("/api/notifications/channels/{id}/test").getPost();
    assertTrue(test.getResponses().containsKey("404"), "an unknown channel answers 404");
  }

  @Test
  void onlyAdministratorsManageChannels() {
    String staff = Fixtures.unique("staffer");
    new Fixtures(admin()).staffUser(staff, "staff-password-123", "STAFF");
    Api asStaff = Api.at(base).as(staff, "staff-password-123");
    HttpResponse<String> list = asStaff.get("/api/notifications/channels");
    assertEquals(403, list.statusCode(), list.body());
    HttpResponse<String> create =
        asStaff.post(
            "/api/notifications/channels",
            "{\"name\":\"by-staff\",\"target\":\"" + receiver.url("/ok") + "\"}");
    assertEquals(403, create.statusCode(), create.body());
    assertEquals(401, Api.at(base).get("/api/notifications/channels").statusCode());
    assertFalse(admin().get("/api/notifications/channels").body().contains("by-staff"));
    assertNotEquals(200, create.statusCode());
  }

  private JsonObject awaitDelivery(long channel, String state) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonObject newest =
          Api.jsonValue(admin().get("/api/notifications/channels/" + channel + "/deliveries"))
              .asJsonArray()
              .getJsonObject(0);
      if (newest.getString("state").equals(state)) {
        return newest;
      }
      assertTrue(System.nanoTime() < deadline, "never " + state + ": " + newest);
      sleep(Duration.ofMillis(100));
    }
  }

  /**
   * Waits until the channel's count of {@code outcome} is {@code expected}: the counter moves just
   * after the outcome is committed. A count past it fails at once.
   */
  private void awaitMetric(String outcome, String channel, double expected) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    double seen = -1;
    while (seen != expected) {
      assertTrue(
          System.nanoTime() < deadline,
          "avgym_notification_deliveries_total{" + channel + "," + outcome + "} = " + seen);
      try {
        seen = metric(outcome, channel);
      } catch (AssertionError notYetCounted) {
        seen = -1;
      }
      assertTrue(seen <= expected, outcome + " counted " + seen + " times for " + channel);
      if (seen != expected) {
        sleep(Duration.ofMillis(100));
      }
    }
  }

  private double metric(String outcome, String channel) {
    return Prometheus.parse(metricsText())
        .value("avgym_notification_deliveries_total", "channel", channel, "outcome", outcome);
  }

  private String metricsText() {
    HttpResponse<String> metrics =
        Api.at(base)
            .send(Api.at(base).request("/metrics").setHeader("Accept", "text/plain").GET().build());
    assertEquals(200, metrics.statusCode());
    return metrics.body();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
