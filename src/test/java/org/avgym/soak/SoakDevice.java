package org.avgym.soak;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.avgym.it.WsClient;

/**
 * One device, cycle after cycle: each cycle opens a session, checks its members in and out in turn
 * at its share of the rate, waiting for each answer, until the cycle ends; then closes the session
 * with 1000. A close the test did not ask for is counted and the device reconnects, as a door
 * would.
 */
final class SoakDevice {

  static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

  private final URL base;
  private final String code;
  private final String token;
  private final List<String> cards;
  private final long periodNanos;
  private final long offsetNanos;
  private final SoakTally tally;
  private int scans;

  SoakDevice(
      URL base,
      String code,
      String token,
      List<String> cards,
      long periodNanos,
      long offsetNanos,
      SoakTally tally) {
    this.base = base;
    this.code = code;
    this.token = token;
    this.cards = cards;
    this.periodNanos = periodNanos;
    this.offsetNanos = offsetNanos;
    this.tally = tally;
  }

  /** One cycle, until {@code endNanos} ({@link System#nanoTime()}). */
  Void cycle(long endNanos) throws InterruptedException {
    WsClient session = open();
    long next = System.nanoTime() + offsetNanos;
    while (next < endNanos) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      next += periodNanos;
      if (session.isClosed()) {
        closedByServer(session);
        session = open();
      }
      checkIn(session);
    }
    if (session.isClosed()) {
      closedByServer(session);
    } else {
      tally.closeNormally(session, "device " + code, ANSWER_WAIT);
    }
    return null;
  }

  private WsClient open() {
    tally.deviceSessions.incrementAndGet();
    return WsClient.device(base, token, ANSWER_WAIT);
  }

  private void closedByServer(WsClient session) {
    WsClient.Closed closed = session.awaitClose(Duration.ofMillis(1));
    tally.closedByServer("device " + code, closed.code(), closed.reason());
  }

  /** Members go in, then out, in turn: the door sees visits, not repeated scans. */
  private void checkIn(WsClient session) {
    String card = cards.get(scans % cards.size());
    String direction = (scans / cards.size()) % 2 == 0 ? "in" : "out";
    scans++;
    String id = UUID.randomUUID().toString();
    long sentAt = System.nanoTime();
    tally.sent();
    try {
      session.send(
          "{\"type\":\"checkin\",\"id\":\""
              + id
              + "\",\"credential\":\""
              + card
              + "\",\"direction\":\""
              + direction
              + "\"}");
      long deadline = sentAt + ANSWER_WAIT.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no answer within " + ANSWER_WAIT);
        }
        JsonObject frame = session.nextJson(Duration.ofNanos(left));
        if (!id.equals(frame.getString("id", ""))) {
          continue;
        }
        if ("checkin.result".equals(frame.getString("type", ""))) {
          tally.answered(System.nanoTime() - sentAt);
        } else {
          tally.errors.add("device " + code + ": " + frame);
        }
        return;
      }
    } catch (RuntimeException | AssertionError e) {
      tally.unanswered.add("device " + code + " check-in " + id + ": " + e.getMessage());
    }
  }
}
