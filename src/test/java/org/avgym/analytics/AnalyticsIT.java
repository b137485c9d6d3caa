package org.avgym.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
import org.openqa.selenium.WebElement;

/**
 * Analytics wired into the server: the sampling timer (shortened to 1 s), roll-ups and their lock,
 * retention, export, alerts on the live channel, resilience of check-ins, and the Analytics tab in
 * a browser. Tests that must write rows in the past or break a table reach the database directly,
 * which the embedded H2 (locked by the server) does not allow: they run on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String HARD_NAME = "Žana \"Z\", Čeh\nsecond line";
  private static final String INSTANCE = "it-analytics";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    Map<String, String> settings = TestDatabase.configured();
    settings.put("avgym.analytics.sample-interval-ms", "1000");
    settings.put("avgym.analytics.events.flush-ms", "200");
    settings.put("avgym.analytics.retention-days", "30");
    settings.put("avgym.devices.rate-per-second", "20");
    settings.put("avgym.devices.rate-burst", "20");
    settings.put("avgym.instance.id", INSTANCE);
    return Deployments.avgym(settings);
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static JsonArray array(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  private static void eventually(String what, Supplier<Boolean> condition) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (condition.get()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("timed out waiting until " + what);
  }

  private JsonObject runRollup(String period, Instant start) {
    HttpResponse<String> ran =
        admin().post("/api/analytics/rollups/run?period=" + period + "&start=" + start, "");
    assertEquals(200, ran.statusCode(), ran.body());
    return Api.json(ran);
  }

  private JsonArray rollups(String period, Instant start) {
    return array(
        admin()
            .get(
                "/api/analytics/rollups?period="
                    + period
                    + "&from="
                    + start
                    + "&to="
                    + start.plusSeconds(1)));
  }

  @Test
  void samplingTimerWritesSamplesAndARollupRerunReplacesInsteadOfDoubling() {
    Instant since = Instant.now();
    eventually(
        "the 1-second timer has written three rounds of samples",
        () ->
            array(
                        admin()
                            .get(
                                "/api/analytics/samples?metric=connectionCount&from="
                                    + since.minusSeconds(1)))
                    .size()
                >= 3);
    JsonArray memory =
        array(admin().get("/api/analytics/samples?metric=memoryUsage&from=" + since));
    double heap = memory.getJsonObject(0).getJsonNumber("value").doubleValue();
    assertTrue(heap > 0 && heap <= 100, "heap used % " + heap);
    assertEquals(INSTANCE, memory.getJsonObject(0).getString("instance"));
    JsonArray mine =
        array(
            admin()
                .get(
                    "/api/analytics/samples?metric=memoryUsage&instance="
                        + INSTANCE
                        + "&from="
                        + since));
    assertTrue(mine.size() >= memory.size(), mine.toString());
    assertEquals(
        0,
        array(admin().get("/api/analytics/samples?metric=memoryUsage&instance=other&from=" + since))
            .size());
    List<List<String>> exported =
        CsvReader.parse(
            admin().get("/api/analytics/export?kind=samples&format=csv&from=" + since).body());
    assertEquals(List.of("id", "time", "metric", "subject", "value", "instance"), exported.get(0));
    assertTrue(exported.size() > 1, "samples exported");
    assertTrue(
        exported.stream().skip(1).allMatch(r -> r.get(5).equals(INSTANCE)), exported.toString());

    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    JsonObject first = runRollup("HOUR", hour);
    assertTrue(first.getBoolean("ran"), first.toString());
    int rows = rollups("HOUR", hour).size();
    assertEquals(first.getInt("rows"), rows);
    assertTrue(rows >= 6, "one row per instance metric at least: " + rows);
    JsonObject memoryRow =
        rollups("HOUR", hour).getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getString("metric").equals("memoryUsage"))
            .findFirst()
            .orElseThrow();
    assertTrue(memoryRow.getJsonNumber("count").longValue() >= 3, memoryRow.toString());
    assertTrue(
        memoryRow.getJsonNumber("min").doubleValue()
            <= memoryRow.getJsonNumber("p95").doubleValue());

    runRollup("HOUR", hour);
    runRollup("HOUR", hour);
    JsonArray again = rollups("HOUR", hour);
    long distinct =
        again.getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("metric") + "/" + r.getString("subject"))
            .distinct()
            .count();
    assertEquals(again.size(), distinct, "one row per metric and subject after re-runs");
  }

  @Test
  void concurrentRollupRunsOfOnePeriodNeverDouble() throws Exception {
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<JsonObject>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> runRollup("DAY", hour)));
      }
      int ran = 0;
      for (Future<JsonObject> run : runs) {
        // A run that found the lock taken skips; one that came after the holder finished runs
        // again and replaces the same rows.
        if (run.get().getBoolean("ran")) {
          ran++;
        }
      }
      assertTrue(ran >= 1, "at least one run");
    } finally {
      pool.shutdownNow();
    }
    Instant day = hour.truncatedTo(ChronoUnit.DAYS);
    JsonArray rows = rollups("DAY", day);
    long distinct =
        rows.getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("metric") + "/" + r.getString("subject"))
            .distinct()
            .count();
    assertEquals(rows.size(), distinct);
  }

  @Test
  void aLockHeldByAnotherInstanceMakesThisOneSkip() throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    try (Connection db = database()) {
      try (PreparedStatement hold =
          db.prepareStatement(
              "UPDATE scheduler_lock SET locked_until = ?, owner = 'other-instance'"
                  + " WHERE name = 'rollup-HOUR'")) {
        hold.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        assertEquals(1, hold.executeUpdate());
      }
      JsonObject skipped = runRollup("HOUR", Instant.now());
      assertFalse(skipped.getBoolean("ran"), skipped.toString());
      assertEquals("other-instance", skipped.getString("lockedBy"));
      try (Statement release = db.createStatement()) {
        release.executeUpdate(
            "UPDATE scheduler_lock SET locked_until = now() - interval '1 second'"
                + " WHERE name = 'rollup-HOUR'");
      }
      assertTrue(runRollup("HOUR", Instant.now()).getBoolean("ran"));
    }
  }

  @Test
  void rollupOfSeededSamplesHasExactValuesAndRetentionDeletesOnlyOldRows() throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    String metric = "itMetric" + UUID.randomUUID().toString().substring(0, 6);
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));
    Instant old = Instant.now().minus(Duration.ofDays(40));
    Instant recent = Instant.now().minus(Duration.ofDays(10));
    try (Connection db = database()) {
      for (int i = 1; i <= 20; i++) {
        insertSample(db, hour.plusSeconds(10L * i), metric, "", i);
      }
      insertSample(db, old, metric, "old", 1);
      insertSample(db, recent, metric, "recent", 1);
      insertEvent(db, old, metric + "-old");
      insertEvent(db, recent, metric + "-recent");

      assertTrue(runRollup("HOUR", hour).getBoolean("ran"));
      JsonObject row =
          rollups("HOUR", hour).getValuesAs(JsonObject.class).stream()
              .filter(r -> r.getString("metric").equals(metric))
              .findFirst()
              .orElseThrow();
      assertEquals(20, row.getInt("count"));
      assertEquals(210.0, row.getJsonNumber("sum").doubleValue(), 1e-9);
      assertEquals(1.0, row.getJsonNumber("min").doubleValue(), 1e-9);
      assertEquals(20.0, row.getJsonNumber("max").doubleValue(), 1e-9);
      assertEquals(10.5, row.getJsonNumber("avg").doubleValue(), 1e-9);
      assertEquals(19.0, row.getJsonNumber("p95").doubleValue(), 1e-9);

      HttpResponse<String> retention = admin().post("/api/analytics/retention/run", "");
      assertEquals(200, retention.statusCode(), retention.body());
      assertTrue(Api.json(retention).getInt("deleted") >= 2, retention.body());
      assertEquals(
          0, count(db, "metric_sample WHERE metric = '" + metric + "' AND subject = 'old'"));
      assertEquals(
          1, count(db, "metric_sample WHERE metric = '" + metric + "' AND subject = 'recent'"));
      assertEquals(0, count(db, "analytics_event WHERE event_type = '" + metric + "-old'"));
      assertEquals(1, count(db, "analytics_event WHERE event_type = '" + metric + "-recent'"));
    }
  }

  @Test
  void eventsByTypeReadFromRollupsEqualTheRawCountAndRolledUpHoursComeFromTheRollup()
      throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    String a = "it-type-" + UUID.randomUUID().toString().substring(0, 6);
    String b = a + "-b";
    Instant current = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Instant h4 = current.minus(Duration.ofHours(4));
    Instant h3 = current.minus(Duration.ofHours(3));
    Instant h2 = current.minus(Duration.ofHours(2));
    Instant from = h4.plus(Duration.ofMinutes(30));
    try (Connection db = database()) {
      insertEvents(db, h4.plus(Duration.ofMinutes(10)), a, "USER", 7); // before the range
      insertEvents(db, h4.plus(Duration.ofMinutes(40)), a, "USER", 20); // the partial first hour
      insertEvents(db, h3.plus(Duration.ofMinutes(5)), a, "USER", 30);
      insertEvents(db, h3.plus(Duration.ofMinutes(6)), b, "CONNECTION", 25);
      insertEvents(db, h2.plus(Duration.ofMinutes(59)), b, "CONNECTION", 21);
      insertEvents(db, Instant.now(), a, "USER", 22); // the current hour
      for (Instant hour : List.of(h4, h3, h2, current)) {
        assertTrue(runRollup("HOUR", hour).getBoolean("ran"));
      }
      // The catch-up completes the hours up to the previous one, as the timer would.
      eventually(
          "a catch-up run got the lock",
          () ->
              Api.json(admin().post("/api/analytics/rollups/run?period=HOUR", ""))
                  .getBoolean("ran"));
      // The current hour was rolled up while it still runs: later events still count.
      insertEvents(db, Instant.now(), b, "CONNECTION", 23);
      Instant to = Instant.now().plusSeconds(60);

      Map<String, Long> expected = Map.of(a, 72L, b, 69L);
      assertEquals(expected, byType(null, from, to, a));
      assertEquals(expected, rawByType(db, from, to, a));
      assertEquals(Map.of(b, 69L), byType("CONNECTION", from, to, a));

      // An event written into a rolled-up hour afterwards is not seen until the hour is rolled up
      // again: whole hours really come from the roll-up.
      insertEvents(db, h3.plus(Duration.ofMinutes(30)), a, "USER", 1);
      assertEquals(72L, byType(null, from, to, a).get(a));
      assertTrue(runRollup("HOUR", h3).getBoolean("ran"));
      assertEquals(73L, byType(null, from, to, a).get(a));
      assertEquals(rawByType(db, from, to, a), byType(null, from, to, a));
    }
    HttpResponse<String> backwards =
        admin().get("/api/analytics/events/by-type?from=" + Instant.now() + "&to=" + h2);
    assertEquals(400, backwards.statusCode(), backwards.body());
    assertEquals(
        "from", Api.json(backwards).getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  /** The API's counts of the types starting with {@code prefix}. */
  private Map<String, Long> byType(String category, Instant from, Instant to, String prefix) {
    HttpResponse<String> response =
        admin()
            .get(
                "/api/analytics/events/by-type?from="
                    + from
                    + "&to="
                    + to
                    + (category == null ? "" : "&category=" + category));
    assertEquals(200, response.statusCode(), response.body());
    Map<String, Long> counts = new java.util.TreeMap<>();
    Api.json(response)
        .forEach(
            (type, n) -> {
              if (type.startsWith(prefix)) {
                counts.put(type, ((jakarta.json.JsonNumber) n).longValue());
              }
            });
    return counts;
  }

  private static Map<String, Long> rawByType(Connection db, Instant from, Instant to, String prefix)
      throws SQLException {
    Map<String, Long> counts = new java.util.TreeMap<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "SELECT event_type, COUNT(*) FROM analytics_event WHERE event_time >= ?"
                + " AND event_time < ? AND event_type LIKE ? GROUP BY event_type")) {
      query.setObject(1, from.atOffset(ZoneOffset.UTC));
      query.setObject(2, to.atOffset(ZoneOffset.UTC));
      query.setString(3, prefix + "%");
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          counts.put(result.getString(1), result.getLong(2));
        }
      }
    }
    return counts;
  }

  @Test
  void rollupAddsAnAdditiveMetricUpAcrossInstancesAndAveragesALevel() throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    String location = "it-" + UUID.randomUUID().toString().substring(0, 6);
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));
    try (Connection db = database()) {
      // Two instances sampling the same three 1-second rounds at different phases.
      for (int i = 0; i < 3; i++) {
        insertSample(db, hour.plusMillis(1000L * i + 100), "checkinsPerMinute", location, 10, "a");
        insertSample(db, hour.plusMillis(1000L * i + 600), "checkinsPerMinute", location, 5, "b");
        insertSample(db, hour.plusMillis(1000L * i + 100), "occupancy", location, 10, "a");
        insertSample(db, hour.plusMillis(1000L * i + 600), "occupancy", location, 20, "b");
      }
    }
    assertTrue(runRollup("HOUR", hour).getBoolean("ran"));
    List<JsonObject> rows =
        rollups("HOUR", hour).getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getString("subject").equals(location))
            .toList();
    JsonObject checkins = row(rows, "checkinsPerMinute");
    assertEquals(6, checkins.getInt("count"));
    assertEquals(45.0, checkins.getJsonNumber("sum").doubleValue(), 1e-9);
    assertEquals(15.0, checkins.getJsonNumber("avg").doubleValue(), 1e-9, "the cluster's rate");
    JsonObject occupancy = row(rows, "occupancy");
    assertEquals(15.0, occupancy.getJsonNumber("avg").doubleValue(), 1e-9, "a level averages");
    assertEquals(20.0, occupancy.getJsonNumber("max").doubleValue(), 1e-9);
  }

  private static JsonObject row(List<JsonObject> rows, String metric) {
    return rows.stream()
        .filter(r -> r.getString("metric").equals(metric))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " row in " + rows));
  }

  @Test
  void exportStreamsValidCsvAndJsonWithHardValues() {
    Instant from = Instant.now().minusSeconds(1);
    Fixtures fx = new Fixtures(admin());
    String location = fx.location(10);
    Fixtures.DeviceKey device = fx.device(location);
    HttpResponse<String> member =
        admin()
            .post(
                "/api/members",
                Json.createObjectBuilder().add("name", HARD_NAME).build().toString());
    assertEquals(201, member.statusCode(), member.body());
    String card = fx.credential(Api.json(member).getJsonNumber("id").longValue());
    try (WsClient desk =
        WsClient.connect(
            WsClient.ws(base, "/ws/devices"),
            Map.of("Authorization", "Bearer " + device.token()))) {
      desk.nextJson(WAIT);
      // No membership: denied, and the denial is tracked with the member's name in its details.
      assertEquals("denied", scan(desk, card, "in").getString("decision"));
    }
    eventually(
        "the denial is persisted",
        () -> {
          admin().post("/api/analytics/events/flush", "");
          return admin()
              .get("/api/analytics/export?kind=events&format=json&from=" + from)
              .body()
              .contains(device.code());
        });
    Instant to = Instant.now().plusSeconds(1);
    HttpResponse<String> csv =
        admin()
            .get(
                "/api/analytics/export?kind=events&format=csv&from="
                    + from
                    + "&to="
                    + enc(to.toString()));
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<List<String>> records = CsvReader.parse(csv.body());
    assertEquals(
        List.of("id", "time", "category", "type", "source", "severity", "details"), records.get(0));
    assertTrue(
        records.stream()
            .anyMatch(
                r ->
                    r.get(3).equals("checkin.denied")
                        && r.get(4).equals(device.code())
                        && r.get(6).contains(" member " + HARD_NAME + " reasons ")),
        csv.body());
    records.forEach(r -> assertEquals(7, r.size(), r.toString()));

    HttpResponse<String> json =
        admin().get("/api/analytics/export?kind=events&format=json&from=" + from + "&to=" + to);
    assertEquals(200, json.statusCode(), json.body());
    JsonArray events = Json.createReader(new StringReader(json.body())).readArray();
    assertTrue(
        events.getValuesAs(JsonObject.class).stream()
            .anyMatch(
                e ->
                    e.getString("type").equals("checkin.denied")
                        && e.getString("details").contains(" member " + HARD_NAME + " reasons ")),
        json.body());

    HttpResponse<String> bad = admin().get("/api/analytics/export?kind=events&format=xml");
    assertEquals(400, bad.statusCode());
    assertEquals(
        "format", Api.json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
    HttpResponse<String> badTime = admin().get("/api/analytics/export?kind=samples&from=yesterday");
    assertEquals(400, badTime.statusCode());
    assertTrue(badTime.headers().firstValue("Content-Type").orElse("").contains("problem+json"));

    eventually(
        "the export is recorded as a user event",
        () ->
            array(admin().get("/api/analytics/events?category=USER&limit=50"))
                .getValuesAs(JsonObject.class)
                .stream()
                .anyMatch(e -> e.getString("type").equals("export")));
  }

  @Test
  void liveSessionsAreConnectionEventsNamingTheUserOrDeviceNeverTheToken() {
    Instant since = Instant.now();
    Fixtures fx = new Fixtures(admin());
    Fixtures.DeviceKey signage = fx.device(fx.location(10));
    try (WsClient staff =
        WsClient.connect(WsClient.ws(base, "/ws/live"), Map.of("Authorization", basic()))) {
      staff.send("{\"type\":\"subscribe\",\"topics\":[\"alerts\"]}");
      staff.nextOfType("subscribed", WAIT);
      assertEquals(1000, staff.closeNormally(WAIT).code());
    }
    try (WsClient device =
        WsClient.connect(
            WsClient.ws(base, "/ws/live"), Map.of("Authorization", "Bearer " + signage.token()))) {
      // A device token (signage) may subscribe to occupancy only.
      device.send("{\"type\":\"subscribe\",\"topics\":[\"occupancy\"]}");
      device.nextOfType("subscribed", WAIT);
    } // aborted: the connection drops without a close frame

    // Another test's aborted session may close just after this one began: the normal close is
    // told apart by its reason.
    eventually(
        "both sessions' open and close are listed",
        () ->
            liveEvents(since, "(bye)").size() == 1
                && liveEvents(since, signage.code()).size() == 2);
    List<JsonObject> events = liveEvents(since, "");
    JsonObject staffOpened = only(events, "live.connected", Deployments.ADMIN);
    assertEquals("INFO", staffOpened.getString("severity"));
    JsonObject staffClosed = liveEvents(since, "(bye)").get(0);
    assertEquals("live.disconnected", staffClosed.getString("type"));
    assertEquals(Deployments.ADMIN, staffClosed.getString("source"));
    assertEquals("INFO", staffClosed.getString("severity"), staffClosed.toString());
    assertTrue(
        staffClosed.getString("details").contains("close 1000 (bye), after "),
        staffClosed.toString());
    only(events, "live.connected", signage.code());
    JsonObject deviceClosed = only(events, "live.disconnected", signage.code());
    assertEquals("WARNING", deviceClosed.getString("severity"), deviceClosed.toString());
    assertFalse(
        events.toString().contains(signage.token()), "a token never reaches analytics: " + events);
  }

  /** The live sessions' events since the given time whose source or details contain a text. */
  private List<JsonObject> liveEvents(Instant since, String containing) {
    return array(admin().get("/api/analytics/events?category=CONNECTION&limit=200"))
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(e -> e.getString("type").startsWith("live."))
        .filter(e -> !Instant.parse(e.getString("at")).isBefore(since))
        .filter(
            e ->
                e.getString("source").contains(containing)
                    || e.getString("details", "").contains(containing))
        .toList();
  }

  private static JsonObject only(List<JsonObject> events, String type, String source) {
    List<JsonObject> matching =
        events.stream()
            .filter(e -> e.getString("type").equals(type) && e.getString("source").equals(source))
            .toList();
    assertEquals(1, matching.size(), type + " of " + source + " in " + events);
    return matching.get(0);
  }

  @Test
  void invalidAlertRulesAreRefusedNamingTheField() {
    HttpResponse<String> bad =
        admin()
            .post(
                "/api/analytics/alert-rules",
                "{\"name\":\"it-bad\",\"metric\":\"errorRate\",\"comparison\":\"sideways\","
                    + "\"threshold\":1,\"severity\":\"WARNING\"}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(
        "comparison", Api.json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
    HttpResponse<String> staff = Api.at(base).anonymous().get("/api/analytics/alert-rules");
    assertEquals(401, staff.statusCode());
    assertTrue(
        array(admin().get("/api/analytics/alert-rules")).getValuesAs(JsonObject.class).stream()
            .anyMatch(
                r -> r.getString("name").equals("pool-health-low") && r.getBoolean("builtIn")));
  }

  @Test
  void alertFiresAndResolvesOnTheLiveAlertsTopicAndCanBeAcknowledged() {
    Fixtures fx = new Fixtures(admin());
    String location = fx.location(10);
    String card = fx.activeMember(location, "Alma Alert");
    Fixtures.DeviceKey device = fx.device(location);
    String rule = "it-occupied-" + location;
    HttpResponse<String> created =
        admin()
            .post(
                "/api/analytics/alert-rules",
                "{\"name\":\""
                    + rule
                    + "\",\"metric\":\"occupancy\",\"comparison\":\"ABOVE\",\"threshold\":0.5,"
                    + "\"durationSeconds\":0,\"severity\":\"WARNING\",\"hysteresis\":0}");
    assertEquals(201, created.statusCode(), created.body());

    try (WsClient live =
            WsClient.connect(WsClient.ws(base, "/ws/live"), Map.of("Authorization", basic()));
        WsClient desk =
            WsClient.connect(
                WsClient.ws(base, "/ws/devices"),
                Map.of("Authorization", "Bearer " + device.token()))) {
      live.send("{\"type\":\"subscribe\",\"topics\":[\"alerts\"]}");
      live.nextOfType("subscribed", WAIT);
      desk.nextJson(WAIT);
      scan(desk, card, "in");
      JsonObject firing = alertEvent(live, rule, location, "alert.firing");
      long id = firing.getJsonNumber("alertId").longValue();
      scan(desk, card, "out");
      JsonObject resolved = alertEvent(live, rule, location, "alert.resolved");
      assertEquals(id, resolved.getJsonNumber("alertId").longValue());

      HttpResponse<String> ack = admin().post("/api/analytics/alerts/" + id + "/ack", "");
      assertEquals(200, ack.statusCode(), ack.body());
      assertEquals(Deployments.ADMIN, Api.json(ack).getString("acknowledgedBy"));
      assertEquals("RESOLVED", Api.json(ack).getString("state"));
    }
  }

  @Test
  void heatMapsCountEachClubInItsOwnTimeZoneUnlessAZoneIsAsked() {
    Fixtures fx = new Fixtures(admin());
    String tokyo = fx.location(50, "*", "Asia/Tokyo");
    String newYork = fx.location(50, "*", "America/New_York");
    Fixtures.DeviceKey tokyoDoor = fx.device(tokyo);
    Fixtures.DeviceKey newYorkDoor = fx.device(newYork);
    List<String> tokyoCards =
        List.of(fx.activeMember(tokyo, "Aiko Sato"), fx.activeMember(tokyo, "Ren Ito"));
    String newYorkCard = fx.activeMember(newYork, "Ann Lee");
    for (String card : tokyoCards) {
      assertEquals("granted", scanAt(tokyoDoor, card).getString("decision"));
    }
    assertEquals("granted", scanAt(newYorkDoor, newYorkCard).getString("decision"));
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    ZonedDateTime atTokyo = now.withZoneSameInstant(ZoneId.of("Asia/Tokyo"));
    ZonedDateTime atNewYork = now.withZoneSameInstant(ZoneId.of("America/New_York"));

    // One club: its own local hour.
    assertEquals(2, visits(heatmap("location=" + tokyo + "&days=1"), atTokyo));
    assertEquals(0, visits(heatmap("location=" + tokyo + "&days=1"), now));
    assertEquals(1, visits(heatmap("location=" + newYork + "&days=1"), atNewYork));
    // All clubs: each check-in at its own club's hour (other tests' clubs are in Europe).
    JsonArray chain = heatmap("days=1");
    assertTrue(visits(chain, atTokyo) >= 2, chain.toString());
    assertTrue(visits(chain, atNewYork) >= 1, chain.toString());
    // A zone asked for: every check-in on that clock.
    assertEquals(2, visits(heatmap("location=" + tokyo + "&days=1&zone=UTC"), now));
    JsonObject peak =
        array(admin().get("/api/analytics/peak-hours?location=" + tokyo + "&days=1"))
            .getJsonObject(0);
    assertEquals(atTokyo.getDayOfWeek().name(), peak.getString("day"));
    assertEquals(atTokyo.getHour(), peak.getInt("hour"));
    assertEquals(2, peak.getInt("visits"));
    // Bad input changes nothing and says what is wrong.
    HttpResponse<String> bad = admin().get("/api/analytics/heatmap?zone=Mars/Olympus");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("zone"), bad.body());
  }

  @Test
  void aTrendCoversTheWholeRangeNotOnlyItsNewestSamples() throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    String metric = "itTrend" + UUID.randomUUID().toString().substring(0, 6);
    Instant now = Instant.now();
    try (Connection db = database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO metric_sample (sample_time, metric, subject, metric_value, instance)"
                    + " SELECT ? + g * INTERVAL '1 second' * ?, ?, '', ?, ?"
                    + " FROM generate_series(0, ? - 1) g")) {
      // 23 to 13 hours ago a low level, then more than 5,000 samples at a high one: the newest
      // 5,000 alone are flat, the whole day rises.
      batch(insert, now.minus(Duration.ofHours(23)), 90, metric, 10, 400);
      batch(insert, now.minus(Duration.ofHours(12)), 7, metric, 100, 6000);
    }
    JsonObject day = Api.json(admin().get("/api/analytics/trends?metric=" + metric));
    assertEquals("24h", day.getString("range"));
    assertEquals("UP", day.getString("trend"), day.toString());
    JsonArray points = day.getJsonArray("points");
    Instant first = Instant.parse(points.getJsonObject(0).getString("at"));
    assertTrue(first.isBefore(now.minus(Duration.ofHours(22))), "first point " + first);
    assertTrue(points.size() >= 20 && points.size() <= 25, "hourly points: " + points.size());
    assertEquals(10.0, points.getJsonObject(0).getJsonNumber("value").doubleValue(), 1e-9);
    // An hour of it is flat.
    JsonObject hour = Api.json(admin().get("/api/analytics/trends?metric=" + metric + "&range=1h"));
    assertEquals("STABLE", hour.getString("trend"), hour.toString());

    HttpResponse<String> badRange =
        admin().get("/api/analytics/trends?metric=" + metric + "&range=2w");
    assertEquals(400, badRange.statusCode(), badRange.body());
    assertTrue(badRange.body().contains("range"), badRange.body());
    HttpResponse<String> noMetric = admin().get("/api/analytics/trends");
    assertEquals(400, noMetric.statusCode(), noMetric.body());
  }

  @Test
  void liveDeliveryLagAndPoolRoundTripAreSampledForThePerformanceTab() {
    Fixtures fx = new Fixtures(admin());
    String location = fx.location(10);
    String card = fx.activeMember(location, "Lag Watcher");
    Fixtures.DeviceKey device = fx.device(location);
    Instant since = Instant.now();
    try (WsClient live =
        WsClient.connect(WsClient.ws(base, "/ws/live"), Map.of("Authorization", basic()))) {
      live.send("{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}");
      live.nextOfType("subscribed", WAIT);
      assertEquals("granted", scanAt(device, card).getString("decision"));
      eventually(
          "a sample of the live delivery lag above 0",
          () -> sampleValues("liveLag", since).stream().anyMatch(v -> v > 0));
    }
    // No pool delivers here: its round trip is sampled as 0, so the tab's chart has its line.
    assertFalse(sampleValues("poolRoundTrip", since).isEmpty());
  }

  private List<Double> sampleValues(String metric, Instant since) {
    return array(
            admin()
                .get(
                    "/api/analytics/samples?metric="
                        + metric
                        + "&instance="
                        + INSTANCE
                        + "&from="
                        + since
                        + "&to="
                        + Instant.now().plusSeconds(1)))
        .getValuesAs(JsonObject.class)
        .stream()
        .map(s -> s.getJsonNumber("value").doubleValue())
        .toList();
  }

  @Test
  void aCheckinAnsweredUnavailableIsAnErrorEventAndCounted() throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    Fixtures fx = new Fixtures(admin());
    String location = fx.location(10);
    String card = fx.activeMember(location, "Una Vailable");
    Fixtures.DeviceKey device = fx.device(location);
    double before = failuresOfKind("checkin.unavailable");
    try (Connection db = database();
        Statement ddl = db.createStatement();
        WsClient door =
            WsClient.connect(
                WsClient.ws(base, "/ws/devices"),
                Map.of("Authorization", "Bearer " + device.token()))) {
      door.nextJson(WAIT);
      ddl.execute("ALTER TABLE visit RENAME TO visit_gone");
      try {
        for (int i = 0; i < 3; i++) {
          door.send(
              "{\"type\":\"checkin\",\"id\":\"u-"
                  + i
                  + "\",\"credential\":\""
                  + card
                  + "\",\"direction\":\"in\",\"method\":\"card\"}");
          JsonObject error = door.nextOfType("error", WAIT);
          assertEquals("UNAVAILABLE", error.getString("code"), error.toString());
        }
      } finally {
        ddl.execute("ALTER TABLE visit_gone RENAME TO visit");
      }
      // The device retries the same id: now it is recorded.
      door.send(
          "{\"type\":\"checkin\",\"id\":\"u-2\",\"credential\":\""
              + card
              + "\",\"direction\":\"in\",\"method\":\"card\"}");
      assertEquals("granted", door.nextOfType("checkin.result", WAIT).getString("decision"));
    }
    List<JsonObject> errors =
        array(admin().get("/api/analytics/events?category=ERROR&limit=10000"))
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(e -> "checkin.unavailable".equals(e.getString("type")))
            .filter(e -> ("device " + device.code()).equals(e.getString("source")))
            .toList();
    // Three failures in one minute: one event, the other two counted (in /metrics).
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).getString("details").contains("check-in u-0"), errors.toString());
    assertEquals(before + 3, failuresOfKind("checkin.unavailable"), 1e-9);
  }

  @Test
  void aFailingTimerIsAnErrorEvent() throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    // The sampler runs every second here; without its table each run fails.
    try (Connection db = database();
        Statement ddl = db.createStatement()) {
      ddl.execute("ALTER TABLE metric_sample RENAME TO metric_sample_gone");
      try {
        eventually(
            "the sampler's failure is an ERROR event",
            () -> !errorEvents("timer.failed", "metric sampler").isEmpty());
      } finally {
        ddl.execute("ALTER TABLE metric_sample_gone RENAME TO metric_sample");
      }
    }
    assertTrue(failuresOfKind("timer.failed") >= 1);
  }

  private List<JsonObject> errorEvents(String type, String source) {
    return array(admin().get("/api/analytics/events?category=ERROR&limit=10000"))
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(e -> type.equals(e.getString("type")))
        .filter(e -> source.equals(e.getString("source")))
        .toList();
  }

  private double failuresOfKind(String kind) {
    return metricsText()
        .lines()
        .filter(l -> l.startsWith("avgym_failures_total{") && l.contains("kind=\"" + kind + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static void batch(
      PreparedStatement insert, Instant from, int stepSeconds, String metric, double value, int n)
      throws SQLException {
    insert.setObject(1, from.atOffset(ZoneOffset.UTC));
    insert.setInt(2, stepSeconds);
    insert.setString(3, metric);
    insert.setDouble(4, value);
    insert.setString(5, INSTANCE);
    insert.setInt(6, n);
    insert.executeUpdate();
  }

  private JsonObject scanAt(Fixtures.DeviceKey door, String card) {
    try (WsClient device =
        WsClient.connect(
            WsClient.ws(base, "/ws/devices"), Map.of("Authorization", "Bearer " + door.token()))) {
      device.nextJson(WAIT);
      return scan(device, card, "in");
    }
  }

  private JsonArray heatmap(String query) {
    return array(admin().get("/api/analytics/heatmap?" + query));
  }

  private static long visits(JsonArray cells, ZonedDateTime at) {
    return cells.getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("day").equals(at.getDayOfWeek().name()))
        .filter(c -> c.getInt("hour") == at.getHour())
        .mapToLong(c -> c.getJsonNumber("visits").longValue())
        .sum();
  }

  @Test
  void analyticsFailureDoesNotBreakCheckinsAndIsCounted() throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    Fixtures fx = new Fixtures(admin());
    String location = fx.location(10);
    String card = fx.activeMember(location, "Resi Lient");
    String lapsed = fx.credential(fx.member("Lapsed Member"));
    Fixtures.DeviceKey device = fx.device(location);
    double before = failures();
    try (Connection db = database();
        Statement ddl = db.createStatement()) {
      ddl.execute("ALTER TABLE analytics_event RENAME TO analytics_event_gone");
      try (WsClient desk =
          WsClient.connect(
              WsClient.ws(base, "/ws/devices"),
              Map.of("Authorization", "Bearer " + device.token()))) {
        desk.nextJson(WAIT);
        for (int i = 0; i < 3; i++) {
          // Denials are tracked events: each one is queued for the missing table.
          assertEquals("denied", scan(desk, lapsed, "in").getString("decision"));
        }
        assertEquals("granted", scan(desk, card, "in").getString("decision"));
        try {
          eventually(
              "the failed event write is counted",
              () -> {
                admin().post("/api/analytics/events/flush", "");
                return failures() > before;
              });
        } catch (AssertionError e) {
          throw new AssertionError(
              e.getMessage()
                  + "; failures before "
                  + before
                  + ", metrics: "
                  + admin()
                      .get("/metrics?scope=application")
                      .body()
                      .lines()
                      .filter(l -> l.startsWith("avgym_analytics"))
                      .toList()
                  + ", newest events: "
                  + admin().get("/api/analytics/events?limit=5").body(),
              e);
        }
        assertEquals("granted", scan(desk, card, "out").getString("decision"));
      } finally {
        ddl.execute("ALTER TABLE analytics_event_gone RENAME TO analytics_event");
      }
    }
  }

  @Test
  void analyticsTabFollowsRangeAndFilterAndLinksToACsvExport() {
    try (Browser browser = new Browser()) {
      browser.logIn(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      browser.waitFor(By.id("tabs"));
      browser.driver().findElement(By.linkText("Analytics")).click();
      browser.waitFor(By.id("analytics-state"));
      WebElement state = browser.driver().findElement(By.id("analytics-state"));
      assertTrue(state.getText().contains("24h"), state.getText());
      assertFalse(
          browser.driver().findElements(By.cssSelector("[id$='chart-events'] canvas")).isEmpty());

      press(browser, "analytics-category", "USER");
      wait(browser, () -> text(browser, "analytics-state").contains("USER"));
      wait(browser, () -> logTypes(browser).contains("login"));
      press(browser, "analytics-category", "ERROR");
      wait(browser, () -> !logTypes(browser).contains("login"));

      press(browser, "analytics-range", "1h");
      wait(browser, () -> text(browser, "analytics-state").contains("1h"));
      String console = Browser.describe(browser.driver());
      assertFalse(console.contains("Uncaught"), "a script error on the page: " + console);

      String href =
          browser
              .driver()
              .findElement(By.cssSelector("a[id$='export-events-csv']"))
              .getAttribute("href");
      String path = href.substring(href.indexOf("/api/"));
      HttpResponse<String> export = admin().get(path);
      assertEquals(200, export.statusCode(), export.body());
      assertTrue(export.body().startsWith("id,time,category,type,source,severity,details\r\n"));
    }
  }

  /** Presses the button labelled {@code label} of a selectOneButton. */
  private static void press(Browser browser, String buttons, String label) {
    Browser.dismissNotices(browser.driver());
    browser.driver().findElements(By.cssSelector("[id$='" + buttons + "'] .ui-button")).stream()
        .filter(b -> b.getText().trim().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + label + " in " + buttons))
        .click();
  }

  private static String text(Browser browser, String id) {
    try {
      return browser.driver().findElement(By.id(id)).getText();
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return "";
    }
  }

  private static String logTypes(Browser browser) {
    try {
      return browser.driver().findElement(By.cssSelector("[id$='event-log']")).getText();
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return "";
    }
  }

  private static void wait(Browser browser, Supplier<Boolean> condition) {
    Browser.until(browser.driver(), d -> condition.get());
  }

  private static JsonObject scan(WsClient desk, String credential, String direction) {
    desk.send(
        "{\"type\":\"checkin\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"credential\":\""
            + credential
            + "\",\"direction\":\""
            + direction
            + "\",\"method\":\"card\"}");
    return desk.nextOfType("checkin.result", WAIT);
  }

  /** The rule watches every location's occupancy; only this test's location counts. */
  private static JsonObject alertEvent(WsClient live, String rule, String subject, String kind) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonObject frame = live.nextJson(WAIT);
      List<JsonObject> events = new ArrayList<>();
      if ("batch".equals(frame.getString("type"))) {
        frame.getJsonArray("events").getValuesAs(JsonObject.class).forEach(events::add);
      } else if ("event".equals(frame.getString("type"))) {
        events.add(frame);
      }
      for (JsonObject event : events) {
        JsonObject data = event.getJsonObject("data");
        if (rule.equals(data.getString("rule", ""))
            && subject.equals(data.getString("subject", ""))
            && kind.equals(data.getString("kind"))) {
          return data;
        }
      }
    }
    throw new AssertionError("no " + kind + " for " + rule);
  }

  private double failures() {
    String metrics = metricsText();
    double total = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("avgym_analytics_failures_total")) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  /** Prometheus text: the default Accept of {@link Api} asks for JSON, which /metrics lacks. */
  private String metricsText() {
    Api api = admin();
    return api.send(
            api.request("/metrics?scope=application")
                .setHeader("Accept", "text/plain")
                .GET()
                .build())
        .body();
  }

  private static String basic() {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (Deployments.ADMIN + ":" + Deployments.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(
        TestDatabase.postgresUrl().orElseThrow(),
        setting("avgym.test.db.user"),
        setting("avgym.test.db.password"));
  }

  private static String setting(String key) {
    String value = System.getProperty(key, "");
    return value.isBlank() || value.startsWith("${") ? "avgym" : value;
  }

  private static void insertSample(
      Connection db, Instant at, String metric, String subject, double v) throws SQLException {
    insertSample(db, at, metric, subject, v, "local");
  }

  private static void insertSample(
      Connection db, Instant at, String metric, String subject, double v, String instance)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO metric_sample (sample_time, metric, subject, metric_value, instance)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setObject(1, at.atOffset(ZoneOffset.UTC));
      insert.setString(2, metric);
      insert.setString(3, subject);
      insert.setDouble(4, v);
      insert.setString(5, instance);
      insert.executeUpdate();
    }
  }

  private static void insertEvents(Connection db, Instant at, String type, String category, int n)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO analytics_event (event_time, category, event_type, source, severity)"
                + " SELECT ?, ?, ?, 'it', 'INFO' FROM generate_series(1, ?)")) {
      insert.setObject(1, at.atOffset(ZoneOffset.UTC));
      insert.setString(2, category);
      insert.setString(3, type);
      insert.setInt(4, n);
      insert.executeUpdate();
    }
  }

  private static void insertEvent(Connection db, Instant at, String type) throws SQLException {
    insertEvents(db, at, type, "USER", 1);
  }

  private static long count(Connection db, String fromWhere) throws SQLException {
    try (Statement query = db.createStatement();
        ResultSet result = query.executeQuery("SELECT COUNT(*) FROM " + fromWhere)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** A strict RFC 4180 reader, so the test does not trust the writer's own escaping. */
  static final class CsvReader {
    static List<List<String>> parse(String text) {
      List<List<String>> records = new ArrayList<>();
      List<String> record = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int i = 0;
      boolean quoted = false;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          if (field.length() > 0) {
            throw new AssertionError("quote inside an unquoted field at " + i);
          }
          quoted = true;
        } else if (c == ',') {
          record.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          record.add(field.toString());
          field.setLength(0);
          records.add(record);
          record = new ArrayList<>();
          i++;
        } else if (c == '\n' || c == '\r') {
          throw new AssertionError("bare line break outside quotes at " + i);
        } else {
          field.append(c);
        }
        i++;
      }
      if (quoted) {
        throw new AssertionError("unterminated quoted field");
      }
      if (field.length() > 0 || !record.isEmpty()) {
        throw new AssertionError("last record not terminated by CRLF");
      }
      return records;
    }
  }
}
