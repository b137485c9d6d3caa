package org.avgym.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.avgym.it.Api;
import org.avgym.it.Browser;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.StalledWsClient;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The live channel with real WebSocket clients and a real browser (PROTOCOL.md §2). */
@ExtendWith(ArquillianExtension.class)
class LiveIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int HISTORY = 40;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    Map<String, String> settings = TestDatabase.configured();
    settings.put("avgym.live.history.max-events", String.valueOf(HISTORY));
    settings.put("avgym.live.max-backlog", "30");
    // Small flow-control window: a client that stops reading is found after a few dozen events.
    settings.put("avgym.live.probe-every-bytes", "4096");
    settings.put("avgym.live.max-unconfirmed-bytes", "16384");
    // The tests scan as fast as the server answers; the device rate limit is DeviceChannelIT's.
    settings.put("avgym.devices.rate-per-second", "10000");
    settings.put("avgym.devices.rate-burst", "10000");
    return Deployments.avgym(settings);
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (Deployments.ADMIN + ":" + Deployments.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
  }

  private URI live() {
    return WsClient.ws(base, "/ws/live");
  }

  private WsClient subscribed(String request) {
    WsClient client = WsClient.connect(live(), Map.of("Authorization", basic()));
    client.send(request);
    return client;
  }

  /** A location with a device and a member who can enter: everything to make events. */
  private final class Gym implements AutoCloseable {
    final String location;
    final String card;
    final WsClient device;

    Gym() {
      Fixtures fx = new Fixtures(admin());
      location = fx.location(10_000);
      card =
          fx.activeMember(location, "Live Member " + UUID.randomUUID().toString().substring(0, 4));
      device =
          WsClient.connect(
              WsClient.ws(base, "/ws/devices"),
              Map.of("Authorization", "Bearer " + fx.device(location).token()));
      device.nextOfType("welcome", WAIT);
    }

    /** A denied scan of an unknown card: one checkins event each, no occupancy change. */
    void unknownScans(int count) {
      for (int i = 0; i < count; i++) {
        device.send(
            "{\"type\":\"checkin\",\"id\":\""
                + UUID.randomUUID()
                + "\",\"credential\":\"UNKNOWN-"
                + "x".repeat(100)
                + "\"}");
        device.nextOfType("checkin.result", WAIT);
      }
    }

    @Override
    public void close() {
      device.close();
    }
  }

  private static List<JsonObject> events(WsClient client, String topic, int count) {
    return client.events(topic, count, WAIT);
  }

  @Test
  void subscribersReceiveEveryCheckinInOrderWithConsecutiveSequenceNumbers() {
    try (Gym gym = new Gym();
        WsClient client =
            subscribed("{\"type\":\"subscribe\",\"topics\":[\"checkins\",\"occupancy\"]}")) {
      JsonObject subscribed = client.nextOfType("subscribed", WAIT);
      assertFalse(subscribed.getString("epoch").isEmpty());
      long start = subscribed.getJsonObject("seq").getJsonNumber("checkins").longValue();
      gym.device.send(
          "{\"type\":\"checkin\",\"id\":\""
              + UUID.randomUUID()
              + "\",\"credential\":\""
              + gym.card
              + "\"}");
      gym.device.nextOfType("checkin.result", WAIT);
      gym.unknownScans(4);
      List<JsonObject> events = events(client, "checkins", 5);
      for (int i = 0; i < 5; i++) {
        assertEquals(start + 1 + i, events.get(i).getJsonNumber("seq").longValue());
      }
      JsonObject first = events.get(0).getJsonObject("data");
      assertEquals("granted", first.getString("decision"));
      assertEquals(gym.location, first.getString("location"));
      assertTrue(first.getString("device").startsWith("dev-"));
      assertEquals("denied", events.get(1).getJsonObject("data").getString("decision"));
    }
  }

  @Test
  void aClientThatReconnectsGetsExactlyTheEventsItMissed() {
    try (Gym gym = new Gym()) {
      String epoch;
      long seq;
      try (WsClient client = subscribed("{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}")) {
        JsonObject subscribed = client.nextOfType("subscribed", WAIT);
        epoch = subscribed.getString("epoch");
        gym.unknownScans(1);
        seq = events(client, "checkins", 1).get(0).getJsonNumber("seq").longValue();
      }
      gym.unknownScans(5);
      try (WsClient resumed =
          subscribed(
              "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":{\"epoch\":\""
                  + epoch
                  + "\",\"seq\":{\"checkins\":"
                  + seq
                  + "}}}")) {
        JsonObject subscribed = resumed.nextOfType("subscribed", WAIT);
        assertTrue(subscribed.getBoolean("recovered"), subscribed.toString());
        assertEquals(
            seq + 5, subscribed.getJsonObject("seq").getJsonNumber("checkins").longValue());
        gym.unknownScans(1);
        List<JsonObject> events = events(resumed, "checkins", 6);
        for (int i = 0; i < 6; i++) {
          assertEquals(
              seq + 1 + i, events.get(i).getJsonNumber("seq").longValue(), "gap or duplicate");
        }
        assertEquals(
            null, resumed.poll(Duration.ofMillis(500)), "nothing beyond the missed and new");
      }
    }
  }

  @Test
  void aResumeFromOutsideTheHistoryIsNotRecovered() {
    try (Gym gym = new Gym()) {
      String epoch;
      long seq;
      try (WsClient client = subscribed("{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}")) {
        JsonObject subscribed = client.nextOfType("subscribed", WAIT);
        epoch = subscribed.getString("epoch");
        seq = subscribed.getJsonObject("seq").getJsonNumber("checkins").longValue();
      }
      gym.unknownScans(HISTORY + 5);
      try (WsClient resumed =
          subscribed(
              "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":{\"epoch\":\""
                  + epoch
                  + "\",\"seq\":{\"checkins\":"
                  + seq
                  + "}}}")) {
        assertFalse(resumed.nextOfType("subscribed", WAIT).getBoolean("recovered"));
      }
      try (WsClient otherEpoch =
          subscribed(
              "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":{\"epoch\":\"previous-life\",\"seq\":{\"checkins\":1}}}")) {
        assertFalse(otherEpoch.nextOfType("subscribed", WAIT).getBoolean("recovered"));
      }
    }
  }

  @Test
  void withoutCredentialsTheLiveChannelIsRefused() {
    try (WsClient anonymous = WsClient.connect(live(), Map.of())) {
      WsClient.Closed closed = anonymous.awaitClose(WAIT);
      assertEquals(1008, closed.code());
      assertEquals("unauthorized", closed.reason());
    }
  }

  @Test
  void aSessionCookieFromAForeignOriginIsRefusedButWorksFromTheDashboard() {
    String cookie = Api.at(base).formLogin(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    try (WsClient hijack =
        WsClient.connect(live(), Map.of("Cookie", cookie, "Origin", "http://evil.example"))) {
      WsClient.Closed closed = hijack.awaitClose(WAIT);
      assertEquals(1008, closed.code());
    }
    String own = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    try (WsClient dashboard = WsClient.connect(live(), Map.of("Cookie", cookie, "Origin", own))) {
      dashboard.send("{\"type\":\"subscribe\",\"topics\":[\"alerts\"]}");
      assertEquals("subscribed", dashboard.nextJson(WAIT).getString("type"));
    }
  }

  @Test
  void badRequestsGetErrorFramesAndTheSessionStaysUsable() {
    try (WsClient client = subscribed("{\"type\":\"subscribe\",\"topics\":[\"gossip\"]}")) {
      JsonObject error = client.nextOfType("error", WAIT);
      assertEquals("UNKNOWN_TOPIC", error.getString("code"));
      client.send("{oops");
      assertEquals("BAD_JSON", client.nextOfType("error", WAIT).getString("code"));
      client.send("{\"type\":\"subscribe\",\"topics\":[\"alerts\"]}");
      assertEquals("subscribed", client.nextJson(WAIT).getString("type"));
    }
  }

  @Test
  void aStalledClientIsClosedWhileANormalClientReceivesEveryEvent() {
    double closesBefore = metric("avgym_live_slow_consumer_closes_total");
    try (Gym gym = new Gym();
        WsClient normal = subscribed("{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}");
        StalledWsClient stalled =
            new StalledWsClient(
                live(),
                Map.of("Authorization", basic()),
                "{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}")) {
      long start =
          normal
              .nextOfType("subscribed", WAIT)
              .getJsonObject("seq")
              .getJsonNumber("checkins")
              .longValue();
      int sent = 0;
      while (sent < 400 && metric("avgym_live_slow_consumer_closes_total") <= closesBefore) {
        gym.unknownScans(20);
        sent += 20;
      }
      assertTrue(
          metric("avgym_live_slow_consumer_closes_total") > closesBefore,
          "the stalled client was never closed after " + sent + " events");
      List<JsonObject> events = events(normal, "checkins", sent);
      for (int i = 0; i < sent; i++) {
        assertEquals(start + 1 + i, events.get(i).getJsonNumber("seq").longValue());
      }
    }
  }

  @Test
  void aCheckinAppearsInTheOverviewTabWithoutAReload() {
    try (Gym gym = new Gym();
        Browser browser = new Browser()) {
      browser.logIn(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      browser.waitFor(By.id("live-overview"));
      Browser.until(
          browser.driver(), d -> d.findElement(By.id("live-status")).getText().startsWith("Live"));
      gym.device.send(
          "{\"type\":\"checkin\",\"id\":\""
              + UUID.randomUUID()
              + "\",\"credential\":\""
              + gym.card
              + "\"}");
      String checkinId =
          String.valueOf(
              gym.device.nextOfType("checkin.result", WAIT).getJsonNumber("checkinId").longValue());
      By row = By.cssSelector("#checkin-feed-rows tr[data-checkin-id='" + checkinId + "']");
      Browser.until(browser.driver(), d -> !d.findElements(row).isEmpty());
      String text = browser.driver().findElement(row).getText();
      assertTrue(text.contains("granted"), text);
      assertTrue(text.contains(gym.location), text);
      By card = By.cssSelector("[data-location='" + gym.location + "']");
      new WebDriverWait(browser.driver(), WAIT).until(d -> !d.findElements(card).isEmpty());
      assertTrue(browser.driver().findElement(card).getText().contains("1 / 10000"));
    }
  }

  private double metric(String name) {
    HttpResponse<String> metrics =
        Api.at(base)
            .send(Api.at(base).request("/metrics").setHeader("Accept", "text/plain").GET().build());
    Matcher matcher =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*\\} ([0-9.Ee+-]+)$")
            .matcher(metrics.body());
    double total = 0;
    while (matcher.find()) {
      total += Double.parseDouble(matcher.group(1));
    }
    return total;
  }
}
