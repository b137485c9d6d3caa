package org.avgym.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.avgym.it.Api;
import org.avgym.it.Browser;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.GatewayCounts;
import org.avgym.it.RawWebSocket;
import org.avgym.it.TcpProxy;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Pools against the simulated gateway over real WebSockets, per PROTOCOL.md §3. */
@ExtendWith(ArquillianExtension.class)
class PoolsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static TcpProxy database;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    TestDatabase.Proxied db = TestDatabase.proxied();
    database = db.proxy();
    Map<String, String> settings = db.settings();
    // The built-in simulated gateway is the endpoint of these pools; it is off by default.
    settings.put("avgym.pools.simulator.enabled", "true");
    settings.put("avgym.devices.rate-per-second", "100");
    settings.put("avgym.devices.rate-burst", "100");
    return Deployments.avgym(settings);
  }

  /** Destroys what a test created, so later tests and runs do not carry its reconnecting pools. */
  @AfterEach
  void destroyCreatedPools() {
    for (String name : created) {
      admin().delete("/api/pools/" + name);
    }
    created.clear();
  }

  private final List<String> created = new ArrayList<>();

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private String gateway(String query) {
    return WsClient.ws(base, "/ws/sim/gateway") + "?" + query;
  }

  private HttpResponse<String> put(Api api, String path, String json) {
    return api.send(
        api.request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private String createPool(String strategy, String... endpointQueries) {
    return createPool(strategy, 1000, endpointQueries);
  }

  private String createPool(String strategy, long ackTimeoutMaxMs, String... endpointQueries) {
    return createPool(strategy, "checkins", ackTimeoutMaxMs, endpointQueries);
  }

  private String createPool(
      String strategy, String topics, long ackTimeoutMaxMs, String... endpointQueries) {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder endpoints = new StringBuilder();
    for (String query : endpointQueries) {
      if (endpoints.length() > 0) {
        endpoints.append(',');
      }
      endpoints.append("{\"url\":\"").append(gateway("name=" + name + query)).append("\"}");
    }
    HttpResponse<String> created =
        admin()
            .post(
                "/api/pools",
                "{\"name\":\""
                    + name
                    + "\",\"topics\":[\""
                    + topics.replace(",", "\",\"")
                    + "\"],\"strategy\":\""
                    + strategy
                    + "\",\"healthCheckIntervalMs\":1000,\"ackTimeoutMinMs\":200,"
                    + "\"ackTimeoutMaxMs\":"
                    + ackTimeoutMaxMs
                    + ",\"endpoints\":["
                    + endpoints
                    + "]}");
    assertEquals(201, created.statusCode(), created.body());
    this.created.add(name);
    await(name, p -> p.getJsonObject("states").getInt("connecting") == 0);
    return name;
  }

  private JsonObject pool(String name) {
    HttpResponse<String> response = admin().get("/api/pools/" + name);
    assertEquals(200, response.statusCode(), response.body());
    return Api.json(response);
  }

  private JsonObject await(String name, Predicate<JsonObject> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonObject last = pool(name);
    while (!condition.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("pool " + name + " never got there: " + last);
      }
      pause();
      last = pool(name);
    }
    return last;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Drives {@code count} committed check-ins through a real device session. */
  private void checkins(int count) {
    Fixtures fx = new Fixtures(admin());
    String location = fx.location(500);
    String card = fx.activeMember(location, "Pool Traffic");
    Fixtures.DeviceKey device = fx.device(location);
    try (WsClient client =
        WsClient.connect(
            WsClient.ws(base, "/ws/devices"),
            Map.of("Authorization", "Bearer " + device.token()))) {
      client.nextJson(WAIT);
      for (int i = 0; i < count; i++) {
        client.send(
            "{\"type\":\"checkin\",\"id\":\""
                + UUID.randomUUID()
                + "\",\"credential\":\""
                + card
                + "\",\"direction\":\""
                + (i % 2 == 0 ? "in" : "out")
                + "\",\"method\":\"card\"}");
        client.nextOfType("checkin.result", WAIT);
      }
    }
  }

  private static Predicate<JsonObject> allAcked(int atLeast) {
    return p ->
        p.getJsonNumber("enqueued").longValue() >= atLeast
            && p.getInt("outboxDepth") == 0
            && p.getJsonNumber("acked").longValue() == p.getJsonNumber("enqueued").longValue();
  }

  @Test
  void deviceAlertsAndVisitsClosedByTimeoutReachThePoolsThatCarryTheirTopics() {
    String name = createPool("round-robin", "alerts,occupancy", 1000, "");
    Fixtures fx = new Fixtures(admin());
    String location = fx.location(50);
    String card = fx.activeMember(location, "Topic Traffic");
    Fixtures.DeviceKey device = fx.device(location);
    try (WsClient door = WsClient.device(base, device.token(), WAIT)) {
      door.send(
          "{\"type\":\"checkin\",\"id\":\""
              + UUID.randomUUID()
              + "\",\"credential\":\""
              + card
              + "\",\"direction\":\"in\",\"method\":\"card\"}");
      door.nextOfType("checkin.result", WAIT);
    }
    // device.online, the occupancy of the check-in, device.offline.
    await(name, allAcked(3));

    // A member who left without scanning out: their visit outlasts the longest stay, the minute
    // timer closes it, and the lower occupancy goes out like a check-in's.
    try (WsClient live =
        WsClient.subscribed(
            base, Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD), WAIT, "occupancy")) {
      assertEquals(
          1,
          TestDatabase.update(
              "UPDATE visit SET in_at = in_at - INTERVAL '2 days' WHERE out_at IS NULL"
                  + " AND location_id = (SELECT id FROM location WHERE code = ?)",
              location));
      JsonObject closed = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (closed == null && System.nanoTime() < deadline) {
        for (JsonObject event : live.events("occupancy", 1, Duration.ofSeconds(90))) {
          if (location.equals(event.getJsonObject("data").getString("location"))) {
            closed = event.getJsonObject("data");
          }
        }
      }
      assertNotNull(closed, "no occupancy after the visit timed out");
      assertEquals(0, closed.getInt("occupancy"), closed.toString());
    }
    JsonObject pool = await(name, allAcked(4));
    assertTrue(pool.getJsonNumber("enqueued").longValue() >= 4, pool.toString());
  }

  /** Acks and duplicates at the simulated receivers whose names start with the pool's name. */
  private GatewayCounts receivers(String pool) {
    return GatewayCounts.of(Api.json(admin().get("/api/pools/_simulator")), pool);
  }

  @Test
  void failingAndClosingEndpointsLoseNoDeliveryAndTrafficMovesToTheHealthyOne() {
    String name =
        createPool("round-robin", "-ok", "-failing&failRate=1.0", "-closing&closeAfter=3");
    checkins(30);
    JsonObject done = await(name, allAcked(30));
    assertTrue(done.getJsonNumber("redeliveries").longValue() > 0, done.toString());
    GatewayCounts received = receivers(name);
    assertEquals(done.getJsonNumber("acked").longValue(), received.acked(), done.toString());
    assertEquals(0, received.duplicates(), "ids unique at the receivers");
    JsonObject failing =
        Api.json(admin().get("/api/pools/_simulator")).getJsonObject(name + "-failing");
    assertEquals(0, failing.getJsonNumber("acked").longValue());
    assertTrue(
        poolMetric("avgym_pool_disconnects_total", name) > 0,
        "the closing endpoint's disconnects are counted");
  }

  /** The value of a pool's metric in {@code /metrics}, or -1 when it is not there. */
  private double poolMetric(String metric, String pool) {
    Api anonymous = Api.at(base);
    String text =
        anonymous
            .send(anonymous.request("/metrics").setHeader("Accept", "text/plain").GET().build())
            .body();
    return text.lines()
        .filter(l -> l.startsWith(metric + "{") && l.contains("pool=\"" + pool + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }

  /** Changes the faults of the simulated endpoints named {@code name} from now on. */
  private void fault(String name, String json) {
    HttpResponse<String> response = put(admin(), "/api/pools/_simulator/" + name, json);
    assertEquals(200, response.statusCode(), response.body());
  }

  private static JsonObject connection(JsonObject pool, String nameSuffix) {
    return pool.getJsonArray("connections").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("url").contains("name=" + pool.getString("name") + nameSuffix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no connection " + nameSuffix + " in " + pool));
  }

  private static Predicate<JsonObject> connectionIn(String nameSuffix, String... states) {
    return p -> List.of(states).contains(connection(p, nameSuffix).getString("state"));
  }

  @Test
  void aHungEndpointIsEjectedAndItsDeliveriesFailOverWithinOneHealthInterval() {
    String name = createPool("round-robin", 500, "-a", "-b", "-c");
    checkins(6);
    await(name, allAcked(6));
    fault(name + "-b", "{\"dropRate\":1.0}"); // the socket stays open; acks stop
    checkins(30);
    JsonObject done = await(name, allAcked(36).and(connectionIn("-b", "unhealthy")));
    long interval = done.getJsonNumber("healthCheckIntervalMs").longValue();
    assertTrue(done.getJsonNumber("failovers").longValue() > 0, done.toString());
    double slowest = done.getJsonNumber("maxFailoverMs").doubleValue();
    assertTrue(
        slowest > 0 && slowest <= interval,
        "failover took " + slowest + " ms, more than one health interval: " + done);
    GatewayCounts received = receivers(name);
    assertEquals(done.getJsonNumber("acked").longValue(), received.acked(), done.toString());
    assertEquals(0, received.duplicates(), "ids unique at the receivers");
  }

  @Test
  void aKilledEndpointReconnectsAndRejoinsThroughSlowStart() {
    String name = createPool("round-robin", "-m", "-n");
    fault(name + "-n", "{\"down\":true}");
    await(name, connectionIn("-n", "reconnecting", "failed"));
    checkins(5);
    await(name, allAcked(5));
    assertEquals(
        0,
        Api.json(admin().get("/api/pools/_simulator"))
            .getJsonObject(name + "-n")
            .getJsonNumber("acked")
            .longValue());
    assertEquals(204, admin().delete("/api/pools/_simulator/" + name + "-n").statusCode());
    JsonObject back = await(name, connectionIn("-n", "healthy", "degraded"));
    JsonObject rejoined = connection(back, "-n");
    assertTrue(
        rejoined.getJsonNumber("effectiveWeight").doubleValue()
            < rejoined.getJsonNumber("weight").doubleValue(),
        "a recovered connection should start with a fraction of its weight: " + rejoined);
    checkins(10);
    await(name, allAcked(15));
    assertEquals(0, receivers(name).duplicates());
  }

  @Test
  void anAdministratorCreatesAPoolAddsAConnectionAndSeesTheErrorForABadUrl() {
    String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    String url = gateway("name=" + name + "-ui");
    By messages = By.id("tabs:pool-board:messages");
    try (Browser browser = new Browser()) {
      WebDriver driver = browser.driver();
      browser.logIn(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      browser.waitFor(By.id("tabs"));
      driver
          .findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Connection Pools']"))
          .click();
      browser.waitFor(By.id("tabs:pool-board:pools-name"));
      driver.findElement(By.id("tabs:pool-board:pools-name")).sendKeys(name);
      driver.findElement(By.id("tabs:pool-board:pools-topics")).sendKeys("checkins, occupancy");
      driver.findElement(By.id("tabs:pool-board:pools-create")).click();
      Browser.until(driver, d -> d.findElement(messages).getText().contains(name + " created"));
      created.add(name);
      assertEquals(
          List.of("checkins", "occupancy"),
          pool(name).getJsonArray("topics").stream()
              .map(v -> ((jakarta.json.JsonString) v).getString())
              .toList());

      Browser.choose(driver, "tabs:pool-board:pools-target", name);
      driver.findElement(By.id("tabs:pool-board:pools-url")).sendKeys(url);
      Browser.click(driver, By.id("tabs:pool-board:pools-add"));
      Browser.until(driver, d -> d.findElement(messages).getText().contains("added to " + name));
      Browser.until(
          driver,
          d ->
              d.findElements(By.cssSelector(".avgym-pool-connections td")).stream()
                  .anyMatch(
                      td -> td.getText().equals(org.avgym.pools.control.PoolRules.shown(url))));
      String driverId = pool(name).getString("driver");
      Browser.until(
          driver,
          d ->
              d.findElements(By.cssSelector(".avgym-pool-facts")).stream()
                  .anyMatch(p -> p.getText().contains("driven by " + driverId)));

      Browser.choose(driver, "tabs:pool-board:pools-target", name);
      driver.findElement(By.id("tabs:pool-board:pools-url")).sendKeys("http://127.0.0.1/events");
      Browser.click(driver, By.id("tabs:pool-board:pools-add"));
      By urlMessage = By.id("tabs:pool-board:pools-url-message");
      Browser.until(
          driver,
          d -> d.findElement(urlMessage).getText().contains("must start with ws:// or wss://"));
      assertEquals(1, pool(name).getJsonArray("connections").size(), "nothing was added");
      // The 5 s refresh must not wipe the message or what the administrator is typing.
      driver.findElement(By.id("tabs:pool-board:pools-name")).sendKeys("half-typed");
      pause(Duration.ofSeconds(6));
      assertTrue(driver.findElement(urlMessage).getText().contains("must start with ws://"));
      assertEquals(
          "half-typed",
          driver.findElement(By.id("tabs:pool-board:pools-name")).getAttribute("value"));
      // Apply needs the name of the pool to change.
      driver.findElement(By.id("tabs:pool-board:pools-name")).clear();
      driver.findElement(By.id("tabs:pool-board:pools-apply")).click();
      Browser.until(
          driver,
          d ->
              d.findElement(By.id("tabs:pool-board:pools-name-message"))
                  .getText()
                  .contains("enter the name of the pool to change"));

      // Every setting: "Edit settings" fills the form with the pool's, Apply changes them live.
      String inSection = "section.avgym-pool[data-pool='" + name + "'] ";
      By section = By.cssSelector(inSection.trim());
      Browser.click(driver, By.cssSelector(inSection + ".avgym-pool-edit"));
      Browser.until(
          driver,
          d ->
              name.equals(
                  d.findElement(By.id("tabs:pool-board:pools-name")).getAttribute("value")));
      setNumber(driver, "tabs:pool-board:pools-outbox", "0");
      Browser.click(driver, By.id("tabs:pool-board:pools-apply"));
      Browser.until(
          driver,
          d ->
              d.findElement(By.id("tabs:pool-board:pools-outbox-message"))
                  .getText()
                  .contains("outboxLimit must be between 1"));
      assertEquals(10_000, pool(name).getInt("outboxLimit"), "a refused change changes nothing");
      setNumber(driver, "tabs:pool-board:pools-outbox", "500");
      setNumber(driver, "tabs:pool-board:pools-reconnects", "3");
      setNumber(driver, "tabs:pool-board:pools-ack-max", "2000");
      Browser.click(driver, By.id("tabs:pool-board:pools-apply"));
      Browser.until(
          driver,
          d -> d.findElement(messages).getText().contains("Pool " + name + " reconfigured"));
      JsonObject changed = pool(name);
      assertEquals(500, changed.getInt("outboxLimit"), changed.toString());
      assertEquals(3, changed.getInt("reconnectAttempts"), changed.toString());
      assertEquals(2000, changed.getInt("ackTimeoutMaxMs"), changed.toString());
      assertEquals(
          List.of("checkins", "occupancy"),
          changed.getJsonArray("topics").stream()
              .map(v -> ((jakarta.json.JsonString) v).getString())
              .toList(),
          "the topics the form was filled with are kept");

      // Maintenance: Disable closes the connection and says so; the pool keeps the endpoint.
      Browser.click(driver, By.cssSelector(inSection + ".avgym-pool-toggle"));
      Browser.until(
          driver,
          d ->
              d.findElement(section).getText().contains("disabled (maintenance)")
                  && d.findElement(messages).getText().contains("disabled for maintenance"));
      JsonObject disabled = await(name, p -> p.getJsonArray("connections").isEmpty());
      assertFalse(
          disabled.getJsonArray("endpoints").getJsonObject(0).getBoolean("enabled"),
          disabled.toString());
      // Its health over time is drawn for the pool.
      assertFalse(
          driver.findElements(By.cssSelector(inSection + ".avgym-pool-history canvas")).isEmpty(),
          "a health history chart per pool");
    }
  }

  /** Types a value into a number field, replacing what it showed. */
  private static void setNumber(WebDriver driver, String inputId, String value) {
    var input = driver.findElement(By.id(inputId));
    input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
    input.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    input.sendKeys(value);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void testEventsReachTheEndpointsOnceAndBadCountsAreRefused() {
    String name = createPool("least-connections", "-t1", "-t2");
    HttpResponse<String> sent =
        admin().post("/api/pools/" + name + "/test-events", "{\"count\":50}");
    assertEquals(200, sent.statusCode(), sent.body());
    assertEquals(50, Api.json(sent).getInt("accepted"));
    await(name, allAcked(50));
    assertEquals(50, receivers(name).acked());
    assertEquals(0, receivers(name).duplicates());
    for (String body : List.of("{\"count\":0}", "{\"count\":10001}", "{\"count\":-3}")) {
      HttpResponse<String> bad = admin().post("/api/pools/" + name + "/test-events", body);
      assertEquals(400, bad.statusCode(), bad.body());
      assertEquals(
          "count", Api.json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    assertEquals(
        404, admin().post("/api/pools/no-such-pool/test-events", "{\"count\":1}").statusCode());
    assertEquals(
        50, pool(name).getJsonNumber("enqueued").longValue(), "refused requests sent nothing");
  }

  @Test
  void aFullOutboxRefusesCountsAndAlertsInsteadOfGrowing() {
    String name = poolToNowhere(5);
    HttpResponse<String> sent;
    try (WsClient alerts =
        WsClient.subscribed(
            base, Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD), WAIT, "alerts")) {
      sent = admin().post("/api/pools/" + name + "/test-events", "{\"count\":20}");
      assertEquals(200, sent.statusCode(), sent.body());
      assertAlert(alerts, "pool.overflow", name);
    }
    assertEquals(5, Api.json(sent).getInt("accepted"));
    assertEquals(15, Api.json(sent).getInt("overflowed"));
    JsonObject pool = pool(name);
    assertEquals(5, pool.getInt("outboxDepth"));
    assertEquals(15, pool.getJsonNumber("overflow").longValue());
    Api anonymous = Api.at(base);
    String metrics =
        anonymous
            .send(anonymous.request("/metrics").setHeader("Accept", "text/plain").GET().build())
            .body();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("avgym_pool_outbox_overflow_total")
                        && l.contains("pool=\"" + name + "\"")
                        && l.endsWith(" 15.0")),
        "overflow metric for "
            + name
            + ": "
            + metrics.lines().filter(l -> l.contains(name)).toList());
  }

  @Test
  void theSimulatedGatewayAnswersManyDeliveriesInFlightOverOneConnection() {
    int count = 2_000;
    String name = "tp-" + UUID.randomUUID().toString().substring(0, 8);
    // A raw client writes the frames back to back, so the gateway, not the client, sets the pace.
    try (RawWebSocket client =
        RawWebSocket.open(URI.create(gateway("name=" + name + "&latencyMs=10")), Map.of())) {
      assertTrue(client.upgraded(), client.status());
      // A warm-up round first: the measured one shows the gateway, not a cold JIT.
      deliverAll(client, name, "w", count);
      long start = System.nanoTime();
      deliverAll(client, name, "m", count);
      double perSecond = count / ((System.nanoTime() - start) / 1e9);
      System.out.printf(
          "Simulated gateway, 10 ms latency, one connection: %.0f deliveries/s%n", perSecond);
      // One at a time, 10 ms each, would be 100/s.
      assertTrue(perSecond >= 1_000, "only " + perSecond + " deliveries/s");
    }
  }

  /** Sends {@code count} deliveries back to back, then waits for an ack of each. */
  private void deliverAll(RawWebSocket client, String name, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      client.sendText(
          "{\"type\":\"deliver\",\"id\":\"" + prefix + i + "\",\"topic\":\"test\",\"data\":{}}");
    }
    java.util.Set<String> acked = new java.util.HashSet<>();
    while (acked.size() < count) {
      String frame = client.nextText(WAIT);
      if (frame == null) {
        throw new AssertionError(
            "answers for "
                + acked.size()
                + " of "
                + count
                + " deliveries; the gateway counted "
                + Api.json(admin().get("/api/pools/_simulator")).getJsonObject(name));
      }
      JsonObject answer = Json.createReader(new java.io.StringReader(frame)).readObject();
      assertEquals("ack", answer.getString("type"), answer.toString());
      acked.add(answer.getString("id"));
    }
  }

  @Test
  void aPoolFallingBehindIsAlertedBeforeItsOutboxRefusesAnything() {
    String name = poolToNowhere(20);
    try (WsClient alerts =
        WsClient.subscribed(
            base, Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD), WAIT, "alerts")) {
      HttpResponse<String> sent =
          admin().post("/api/pools/" + name + "/test-events", "{\"count\":10}");
      assertEquals(200, sent.statusCode(), sent.body());
      assertEquals(0, Api.json(sent).getInt("overflowed"));
      assertAlert(alerts, "pool.behind", name);
    }
    JsonObject pool = pool(name);
    assertEquals(10, pool.getInt("outboxDepth"));
    assertEquals(0, pool.getJsonNumber("overflow").longValue(), "nothing refused");
  }

  /** A new pool whose only endpoint never answers, with this outbox limit; its name. */
  private String poolToNowhere(int outboxLimit) {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> made =
        admin()
            .post(
                "/api/pools",
                "{\"name\":\""
                    + name
                    + "\",\"outboxLimit\":"
                    + outboxLimit
                    + ",\"endpoints\":[{\"url\":\"ws://127.0.0.1:1/nowhere\"}]}");
    assertEquals(201, made.statusCode(), made.body());
    created.add(name);
    return name;
  }

  /** Waits for the alert {@code kind} of {@code pool} on the live alerts topic. */
  private static void assertAlert(WsClient alerts, String kind, String pool) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject frame = alerts.nextJson(WAIT);
      List<JsonObject> events =
          "batch".equals(frame.getString("type", ""))
              ? frame.getJsonArray("events").getValuesAs(JsonObject.class)
              : List.of(frame);
      for (JsonObject event : events) {
        JsonObject data = event.getJsonObject("data");
        if (data != null
            && kind.equals(data.getString("kind", ""))
            && pool.equals(data.getString("pool", ""))) {
          return;
        }
      }
    }
    throw new AssertionError("no " + kind + " alert for " + pool);
  }

  @Test
  void simulatorFaultsAreValidated() {
    HttpResponse<String> bad = put(admin(), "/api/pools/_simulator/x", "{\"failRate\":2}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(
        "failRate", Api.json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
    HttpResponse<String> lag = put(admin(), "/api/pools/_simulator/x", "{\"latencyMs\":-1}");
    assertEquals(400, lag.statusCode(), lag.body());
    HttpResponse<String> empty = put(admin(), "/api/pools/_simulator/x", "");
    assertEquals(400, empty.statusCode(), empty.body());
    // The refused faults were not stored: the answer to an accepted one lists every fault set.
    String other = "fault-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> ok = put(admin(), "/api/pools/_simulator/" + other, "{\"latencyMs\":5}");
    assertEquals(200, ok.statusCode(), ok.body());
    JsonObject faults = Api.json(ok);
    assertFalse(faults.containsKey("x"), faults.toString());
    assertEquals(5, faults.getJsonObject(other).getInt("latencyMs"));
    assertEquals(204, admin().delete("/api/pools/_simulator/" + other).statusCode());
  }

  @Test
  void reconfiguringStrategyAndSizeLiveLosesNoDelivery() {
    String name = createPool("health-weighted", "-one&latencyMs=30", "-two&latencyMs=5");
    Thread traffic = new Thread(() -> checkins(20));
    traffic.start();
    HttpResponse<String> changed =
        put(
            admin(),
            "/api/pools/" + name,
            "{\"strategy\":\"least-connections\",\"maxConnections\":3}");
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals("least-connections", Api.json(changed).getString("strategy"));
    try {
      traffic.join(WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    checkins(10);
    await(name, allAcked(30));
    assertEquals(0, receivers(name).duplicates());
  }

  @Test
  void destroyingAPoolClosesItsConnections() {
    String name = createPool("round-robin", "-x", "-y");
    assertEquals(
        2,
        Api.json(admin().get("/api/pools/_simulator")).getJsonObject(name + "-x").getInt("open")
            + Api.json(admin().get("/api/pools/_simulator"))
                .getJsonObject(name + "-y")
                .getInt("open"));
    assertEquals(204, admin().delete("/api/pools/" + name).statusCode());
    assertEquals(404, admin().get("/api/pools/" + name).statusCode());
    long deadline = System.nanoTime() + WAIT.toNanos();
    int open;
    do {
      pause();
      JsonObject stats = Api.json(admin().get("/api/pools/_simulator"));
      open =
          stats.getJsonObject(name + "-x").getInt("open")
              + stats.getJsonObject(name + "-y").getInt("open");
    } while (open > 0 && System.nanoTime() < deadline);
    assertEquals(0, open);
  }

  @Test
  void badConfigurationIsRefusedWithProblemJsonNamingTheField() {
    assertRefused(
        "{\"name\":\"bad-1\",\"endpoints\":[{\"url\":\"http://127.0.0.1/x\"}]}",
        "endpoints[0].url");
    assertRefused("{\"name\":\"bad-2\",\"strategy\":\"fastest\"}", "strategy");
    assertRefused("{\"name\":\"bad-3\",\"healthCheckIntervalMs\":100}", "healthCheckIntervalMs");
    assertRefused(
        "{\"name\":\"bad-4\",\"ackTimeoutMinMs\":2000,\"ackTimeoutMaxMs\":1000}",
        "ackTimeoutMinMs");
    assertRefused("{\"name\":\"bad-5\",\"outboxLimit\":0}", "outboxLimit");
    String name = createPool("round-robin", "-p", "-q");
    HttpResponse<String> below = put(admin(), "/api/pools/" + name, "{\"maxConnections\":1}");
    assertEquals(400, below.statusCode(), below.body());
    assertEquals(
        "maxConnections",
        Api.json(below).getJsonArray("errors").getJsonObject(0).getString("field"));
    HttpResponse<String> duplicate =
        admin()
            .post(
                "/api/pools/" + name + "/endpoints",
                "{\"url\":\"" + gateway("name=" + name + "-p") + "\"}");
    assertEquals(409, duplicate.statusCode(), duplicate.body());
    assertTrue(Api.json(below).getString("detail").contains("below"));
  }

  private void assertRefused(String body, String field) {
    HttpResponse<String> response = admin().post("/api/pools", body);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertEquals(
        field, Api.json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  /** The endpoint of the pool whose URL names {@code nameSuffix}, from the pool's endpoints. */
  private static JsonObject endpoint(JsonObject pool, String nameSuffix) {
    return pool.getJsonArray("endpoints").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("url").endsWith("name=" + pool.getString("name") + nameSuffix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no endpoint " + nameSuffix + " in " + pool));
  }

  private String endpointPath(String pool, String nameSuffix) {
    return "/api/pools/"
        + pool
        + "/endpoints?url="
        + java.net.URLEncoder.encode(
            gateway("name=" + pool + nameSuffix), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void anEndpointDisabledForMaintenanceClosesAndItsDeliveriesGoToTheOthers() {
    String name = createPool("round-robin", "-on", "-off");
    checkins(4);
    await(name, allAcked(4));

    HttpResponse<String> off = put(admin(), endpointPath(name, "-off"), "{\"enabled\":false}");
    assertEquals(200, off.statusCode(), off.body());
    assertFalse(endpoint(Api.json(off), "-off").getBoolean("enabled"), off.body());
    JsonObject one = await(name, p -> p.getJsonArray("connections").size() == 1);
    assertEquals(2, one.getJsonArray("endpoints").size(), "a disabled endpoint stays listed");
    await(
        name,
        p -> {
          JsonObject stats = Api.json(admin().get("/api/pools/_simulator"));
          return stats.getJsonObject(name + "-off").getInt("open") == 0;
        });
    long offBefore =
        Api.json(admin().get("/api/pools/_simulator"))
            .getJsonObject(name + "-off")
            .getJsonNumber("acked")
            .longValue();
    checkins(10);
    await(name, allAcked(14));
    JsonObject stats = Api.json(admin().get("/api/pools/_simulator"));
    assertEquals(
        offBefore,
        stats.getJsonObject(name + "-off").getJsonNumber("acked").longValue(),
        "nothing reaches an endpoint in maintenance");

    HttpResponse<String> back =
        put(admin(), endpointPath(name, "-off"), "{\"enabled\":true,\"weight\":3}");
    assertEquals(200, back.statusCode(), back.body());
    assertEquals(3, endpoint(Api.json(back), "-off").getInt("weight"));
    JsonObject both =
        await(
            name,
            p ->
                p.getJsonArray("connections").size() == 2
                    && connectionIn("-off", "healthy", "degraded").test(p));
    assertEquals(3, connection(both, "-off").getInt("weight"));
    assertEquals(0, receivers(name).duplicates());
  }

  @Test
  void changingAnEndpointRefusesBadInputAndChangesNothing() {
    String name = createPool("round-robin", "-e");
    String path = endpointPath(name, "-e");
    assertRefusedChange(put(admin(), path, "{\"weight\":0}"), 400, "weight");
    assertRefusedChange(put(admin(), path, "{\"weight\":1001}"), 400, "weight");
    assertRefusedChange(put(admin(), path, "{}"), 400, "weight");
    assertRefusedChange(
        put(admin(), "/api/pools/" + name + "/endpoints", "{\"weight\":2}"), 400, "url");
    assertEquals(
        404,
        put(admin(), endpointPath(name, "-nowhere"), "{\"enabled\":false}").statusCode(),
        "an endpoint the pool does not have");
    assertEquals(
        404, put(admin(), endpointPath("no-such-pool", "-e"), "{\"enabled\":false}").statusCode());
    assertEquals(400, put(admin(), path, "{\"weight\":\"heavy\"}").statusCode());
    JsonObject unchanged = pool(name);
    assertTrue(endpoint(unchanged, "-e").getBoolean("enabled"), unchanged.toString());
    assertEquals(1, endpoint(unchanged, "-e").getInt("weight"), unchanged.toString());
  }

  private static void assertRefusedChange(HttpResponse<String> response, int status, String field) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        field, Api.json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void staffReadsPoolsButCannotChangeThem() {
    String user = "staff-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        admin()
            .post(
                "/api/staff-users",
                "{\"username\":\""
                    + user
                    + "\",\"displayName\":\"Desk\",\"password\":\"desk-password-1\",\"role\":\"STAFF\"}");
    assertEquals(201, created.statusCode(), created.body());
    Api staff = Api.at(base).as(user, "desk-password-1");
    assertEquals(200, staff.get("/api/pools").statusCode());
    assertEquals(403, staff.post("/api/pools", "{\"name\":\"staff-pool\"}").statusCode());
    assertEquals(403, staff.post("/api/pools/any/test-events", "{\"count\":1}").statusCode());
    assertEquals(403, put(staff, "/api/pools/_simulator/any", "{\"down\":true}").statusCode());
    assertEquals(403, staff.get("/api/pools/_simulator").statusCode());
    assertEquals(
        403, put(staff, "/api/pools/any/endpoints?url=ws://x", "{\"enabled\":false}").statusCode());
  }
}
