package org.avgym.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Demo mode end to end: the chain is seeded at start-up, and the simulator's scans travel over real
 * loopback WebSockets to /ws/devices and are recorded. The test server picks a random HTTP port, so
 * the simulator runs with {@code avgym.demo.traffic.url=auto} and learns the port from the first
 * request that reaches it (this test's first call). On PostgreSQL the rows are also counted in the
 * database; on the embedded H2 (locked by the server) the metrics are the evidence.
 */
@ExtendWith(ArquillianExtension.class)
class DemoIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    // Demo mode seeds only an empty database, and the README's run command uses the embedded
    // default: a fresh H2 database, whatever the other ITs use.
    Map<String, String> settings = TestDatabase.h2();
    settings.put("avgym.demo.enabled", "true");
    settings.put("avgym.demo.traffic.url", "auto");
    // Fast and time-of-day independent, so the test sees traffic at every location within seconds.
    settings.put("avgym.demo.traffic.per-minute", "240");
    settings.put("avgym.demo.traffic.night-share", "0.5");
    settings.put("avgym.demo.traffic.tick-ms", "500");
    settings.put("avgym.demo.traffic.stay-min-seconds", "2");
    settings.put("avgym.demo.traffic.stay-max-seconds", "6");
    return Deployments.avgym(settings);
  }

  @Test
  void seedsTheChainAndItsTrafficIsRecordedOverTheDeviceChannel() throws Exception {
    Api api = Api.at(base);
    // Ready once the database answers and the demo pools have connected: on a busy machine a
    // moment after the deployment, as a load balancer would see it.
    java.net.http.HttpResponse<String> ready = api.get("/health/ready");
    for (long until = System.nanoTime() + 60_000_000_000L;
        ready.statusCode() != 200 && System.nanoTime() < until; ) {
      Thread.sleep(500);
      ready = api.get("/health/ready");
    }
    assertEquals(200, ready.statusCode(), ready.body());

    String metrics = metrics(api);
    assertEquals(3, value(metrics, "avgym_demo_chain", "part=\"locations\""), 0.0);
    assertEquals(500, value(metrics, "avgym_demo_chain", "part=\"members\""), 0.0);
    assertEquals(6, value(metrics, "avgym_demo_chain", "part=\"devices\""), 0.0);
    assertTrue(value(metrics, "avgym_demo_chain", "part=\"memberships\"") > 400, metrics);

    Instant deadline = Instant.now().plus(PATIENCE);
    double recorded = 0;
    double sessions = 0;
    double denied = 0;
    while (Instant.now().isBefore(deadline) && (recorded < 40 || sessions < 6 || denied < 1)) {
      Thread.sleep(1000);
      metrics = metrics(api);
      recorded = sum(metrics, "avgym_checkins_total", "");
      denied = sum(metrics, "avgym_checkins_total", "decision=\"denied\"");
      sessions = value(metrics, "avgym_demo_device_sessions", "");
    }
    assertEquals(6, sessions, 0.0, "every demo device holds a session");
    assertTrue(recorded >= 40, "check-ins recorded by the server: " + recorded);
    assertTrue(denied >= 1, "the simulator provokes denials");
    assertTrue(
        sum(metrics, "avgym_demo_scan_answers_total", "") >= 40, "the simulator got its answers");

    Api admin = api.as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    assertEquals(3, Api.jsonValue(admin.get("/api/locations")).asJsonArray().size());
    assertTrue(Api.json(admin.get("/api/checkins?size=1")).getInt("total") >= 40);
  }

  @Test
  void theDemoHasAPastSoEveryChartHasSomethingToSay() throws Exception {
    Api api = Api.at(base);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (value(metrics(api), "avgym_demo_history_ready", "") < 1
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
    }
    assertEquals(1, value(metrics(api), "avgym_demo_history_ready", ""), 0.0, "history ready");
    Api admin = api.as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);

    // The heat map of the last 7 days: many hours of the week, busiest in the evening there.
    JsonArray cells = Api.jsonValue(admin.get("/api/analytics/heatmap?days=7")).asJsonArray();
    long busyCells =
        cells.getValuesAs(JsonObject.class).stream().filter(c -> c.getInt("visits") > 0).count();
    assertTrue(busyCells > 50, "hours with visits: " + busyCells);
    JsonObject peak =
        Api.jsonValue(admin.get("/api/analytics/peak-hours?location=downtown&days=7"))
            .asJsonArray()
            .getJsonObject(0);
    assertTrue(peak.getInt("hour") >= 6 && peak.getInt("hour") <= 20, peak.toString());

    // Trends over the whole week from hourly points; a forecast that says how wrong it was.
    JsonObject week =
        Api.json(admin.get("/api/analytics/trends?metric=checkinsPerMinute&range=7d"));
    assertTrue(week.getJsonArray("points").size() >= 150, "hourly points: " + week);
    JsonObject forecast = Api.json(admin.get("/api/analytics/forecast/downtown"));
    assertFalse(forecast.getJsonArray("points").isEmpty(), forecast.toString());
    assertFalse(forecast.isNull("meanAbsoluteError"), forecast.toString());

    // Denials with their reasons, members who stopped coming, and daily roll-ups to test trends.
    JsonObject denials = Api.json(admin.get("/api/analytics/denials?days=30"));
    assertTrue(denials.containsKey("MEMBERSHIP_EXPIRED"), denials.toString());
    assertTrue(denials.containsKey("UNKNOWN_CREDENTIAL"), denials.toString());
    JsonArray absent =
        Api.jsonValue(admin.get("/api/analytics/absent-members?days=14")).asJsonArray();
    assertTrue(
        absent.getValuesAs(JsonObject.class).stream()
            .anyMatch(m -> m.containsKey("lastSeen") && !m.isNull("lastSeen")),
        "members seen before, not in the last 14 days: " + absent.size());
    JsonArray days =
        Api.jsonValue(
                admin.get(
                    "/api/analytics/rollups?period=DAY&from="
                        + Instant.now().minus(Duration.ofDays(40))
                        + "&to="
                        + Instant.now()))
            .asJsonArray();
    long checkinDays =
        days.getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getString("metric").equals("checkins"))
            .map(r -> r.getString("start"))
            .distinct()
            .count();
    assertTrue(checkinDays >= 38, "days with check-in roll-ups: " + checkinDays);
  }

  private static String metrics(Api api) {
    HttpResponse<String> response =
        api.send(api.request("/metrics").setHeader("Accept", "text/plain").GET().build());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  /** The first series of a metric whose labels contain {@code label}; 0 when absent. */
  private static double value(String text, String name, String label) {
    Matcher matcher = series(text, name);
    while (matcher.find()) {
      if (matcher.group(1) == null || matcher.group(1).contains(label)) {
        return Double.parseDouble(matcher.group(2));
      }
    }
    return 0;
  }

  private static double sum(String text, String name, String label) {
    Matcher matcher = series(text, name);
    double total = 0;
    while (matcher.find()) {
      if (label.isEmpty() || (matcher.group(1) != null && matcher.group(1).contains(label))) {
        total += Double.parseDouble(matcher.group(2));
      }
    }
    return total;
  }

  private static Matcher series(String text, String name) {
    return Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
  }

  /** Maven passes unset test settings as empty or as an unresolved ${…} expression. */
  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
  }
}
