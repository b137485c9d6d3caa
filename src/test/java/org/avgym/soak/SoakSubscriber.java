package org.avgym.soak;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.WsClient;

/**
 * One live subscriber to {@code checkins}, cycle after cycle: each cycle subscribes afresh and
 * checks that seq grows by exactly one from the {@code subscribed} frame on, until the cycle ends;
 * then closes with 1000. A close the test did not ask for is counted, and the subscriber subscribes
 * afresh.
 */
final class SoakSubscriber {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final URL base;
  private final int index;
  private final SoakTally tally;
  private long last;

  SoakSubscriber(URL base, int index, SoakTally tally) {
    this.base = base;
    this.index = index;
    this.tally = tally;
  }

  /** One cycle, until {@code endNanos} ({@link System#nanoTime()}). */
  Void cycle(long endNanos) throws InterruptedException {
    WsClient live = subscribe();
    while (live == null && System.nanoTime() < endNanos) {
      Thread.sleep(1000);
      live = subscribe();
    }
    while (live != null && System.nanoTime() < endNanos) {
      String frame = live.poll(Duration.ofMillis(200));
      if (frame != null) {
        seen(Json.createReader(new StringReader(frame)).readObject());
      } else if (live.isClosed()) {
        WsClient.Closed closed = live.awaitClose(Duration.ofMillis(1));
        tally.closedByServer("subscriber " + index, closed.code(), closed.reason());
        live = null;
        while (live == null && System.nanoTime() < endNanos) {
          live = subscribe();
        }
      }
    }
    if (live == null) {
      return null;
    }
    if (live.isClosed()) {
      WsClient.Closed closed = live.awaitClose(Duration.ofMillis(1));
      tally.closedByServer("subscriber " + index, closed.code(), closed.reason());
    } else {
      tally.closeNormally(live, "subscriber " + index, WAIT);
    }
    return null;
  }

  /** A fresh subscription, or null (counted) when the server did not confirm it in time. */
  private WsClient subscribe() {
    tally.liveSessions.incrementAndGet();
    WsClient live = null;
    try {
      live =
          WsClient.connect(
              WsClient.ws(base, "/ws/live"),
              Map.of("Authorization", Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD)));
      live.send("{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}");
      JsonObject subscribed = live.nextOfType("subscribed", WAIT);
      last = subscribed.getJsonObject("seq").getJsonNumber("checkins").longValue();
      return live;
    } catch (RuntimeException | AssertionError e) {
      tally.subscribeFailures.add("subscriber " + index + ": " + e.getMessage());
      if (live != null) {
        live.close();
      }
      return null;
    }
  }

  private void seen(JsonObject frame) {
    String type = frame.getString("type", "");
    if ("event".equals(type)) {
      event(frame);
    } else if ("batch".equals(type)) {
      frame.getJsonArray("events").getValuesAs(JsonObject.class).forEach(this::event);
    }
  }

  private void event(JsonObject event) {
    if (!"checkins".equals(event.getString("topic", ""))) {
      return;
    }
    long seq = event.getJsonNumber("seq").longValue();
    if (seq != last + 1) {
      tally.gaps.incrementAndGet();
    }
    last = seq;
    tally.events.incrementAndGet();
  }
}
