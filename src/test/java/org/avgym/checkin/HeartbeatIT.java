package org.avgym.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.RawWebSocket;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Liveness with a heartbeat of one second: a session is alive while anything arrives from it, frame
 * or pong; one silent for two periods is closed, and every close is counted with its reason.
 */
@ExtendWith(ArquillianExtension.class)
class HeartbeatIT {

  private static final Duration PERIOD = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    Map<String, String> settings = new java.util.LinkedHashMap<>(TestDatabase.configured());
    settings.put("avgym.devices.heartbeat-seconds", "1");
    settings.put("avgym.live.heartbeat-seconds", "1");
    return Deployments.avgym(settings);
  }

  private Fixtures fixtures() {
    return new Fixtures(Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD));
  }

  private RawWebSocket device(Fixtures.DeviceKey device) {
    RawWebSocket raw =
        RawWebSocket.open(
            WsClient.ws(base, "/ws/devices"), Map.of("Authorization", "Bearer " + device.token()));
    assertTrue(raw.upgraded(), raw.status());
    String welcome = raw.nextText(WAIT);
    assertNotNull(welcome);
    assertEquals("welcome", json(welcome).getString("type"));
    return raw;
  }

  @Test
  void aDeviceThatKeepsSendingStaysConnectedWithoutAnsweringAPing() {
    Fixtures fx = fixtures();
    String location = fx.location(1_000);
    String card = fx.activeMember(location, "Busy Door");
    try (RawWebSocket raw = device(fx.device(location))) {
      int sent = 0;
      int answered = 0;
      int pings = 0;
      long end = System.nanoTime() + PERIOD.multipliedBy(5).toNanos();
      while (System.nanoTime() < end) {
        String id = UUID.randomUUID().toString();
        raw.sendText(
            "{\"type\":\"checkin\",\"id\":\""
                + id
                + "\",\"credential\":\""
                + card
                + "\",\"direction\":\""
                + (sent % 2 == 0 ? "in" : "out")
                + "\",\"method\":\"card\"}");
        sent++;
        // Read up to the answer; pings are seen and never answered.
        while (true) {
          RawWebSocket.Frame frame = raw.next(WAIT);
          assertNotNull(frame, "no answer to check-in " + sent);
          assertFalse(frame.isClose(), "closed while sending, code " + frame.code());
          if (frame.opcode() == RawWebSocket.PING) {
            pings++;
            continue;
          }
          if (frame.opcode() == RawWebSocket.TEXT
              && id.equals(json(frame.text()).getString("id", null))) {
            answered++;
            break;
          }
        }
        sleep(200);
      }
      assertEquals(sent, answered);
      assertTrue(pings >= 3, "the server pinged every period: " + pings);
    }
  }

  @Test
  void aSilentDeviceIsClosedAfterTwoPeriodsAndTheCloseIsCounted() {
    Fixtures fx = fixtures();
    double before = metric("avgym_device_disconnects_total", "reason=\"heartbeat\"");
    try (RawWebSocket raw = device(fx.device(fx.location(10)))) {
      long opened = System.nanoTime();
      int code = raw.awaitClose(WAIT);
      double took = (System.nanoTime() - opened) / 1e9;
      assertEquals(1001, code);
      assertTrue(took >= 1.9, "closed after " + took + " s, before two periods");
    }
    assertCounted("avgym_device_disconnects_total", "reason=\"heartbeat\"", before);
  }

  @Test
  void aSilentLiveClientIsClosedAndCountedWhileOneThatSendsStays() {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (Deployments.ADMIN + ":" + Deployments.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
    double before = metric("avgym_live_disconnects_total", "reason=\"no_heartbeat\"");
    try (RawWebSocket silent =
            RawWebSocket.open(WsClient.ws(base, "/ws/live"), Map.of("Authorization", basic));
        RawWebSocket talking =
            RawWebSocket.open(WsClient.ws(base, "/ws/live"), Map.of("Authorization", basic))) {
      assertTrue(silent.upgraded(), silent.status());
      assertTrue(talking.upgraded(), talking.status());
      long end = System.nanoTime() + PERIOD.multipliedBy(4).toNanos();
      while (System.nanoTime() < end) {
        talking.sendText("{\"type\":\"subscribe\",\"topics\":[\"occupancy\"]}");
        sleep(300);
      }
      assertEquals(1001, silent.awaitClose(WAIT));
      talking.sendText("{\"type\":\"subscribe\",\"topics\":[\"occupancy\"]}");
      String answer = talking.nextText(WAIT);
      assertNotNull(answer, "the client that kept sending was closed");
    }
    assertCounted("avgym_live_disconnects_total", "reason=\"no_heartbeat\"", before);
  }

  private void assertCounted(String metric, String label, double before) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    double now = before;
    while (System.nanoTime() < deadline && now <= before) {
      now = metric(metric, label);
      sleep(100);
    }
    assertTrue(now >= before + 1, metric + "{" + label + "} went from " + before + " to " + now);
  }

  /** A counter's value in /metrics, 0 when absent. */
  private double metric(String metric, String label) {
    Api anonymous = Api.at(base);
    String text =
        anonymous
            .send(anonymous.request("/metrics").setHeader("Accept", "text/plain").GET().build())
            .body();
    return text.lines()
        .filter(l -> l.startsWith(metric + "{") && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
