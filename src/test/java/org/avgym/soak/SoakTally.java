package org.avgym.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the soak's clients saw: per minute the check-ins sent and answered with their answer times,
 * and over the whole run every close the test did not ask for, every check-in left unanswered or
 * answered with an error, and every gap in a subscriber's seq.
 */
final class SoakTally {

  /** One minute's figures, taken (and reset) at the end of its cycle. */
  record Minute(long sent, long answered, Percentiles percentiles) {}

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final Queue<Long> answerNanos = new ConcurrentLinkedQueue<>();

  final AtomicLong totalSent = new AtomicLong();
  final AtomicLong totalAnswered = new AtomicLong();
  final AtomicLong events = new AtomicLong();
  final AtomicLong gaps = new AtomicLong();
  final AtomicLong deviceSessions = new AtomicLong();
  final AtomicLong liveSessions = new AtomicLong();
  final Queue<String> unexpectedCloses = new ConcurrentLinkedQueue<>();
  final Queue<String> unanswered = new ConcurrentLinkedQueue<>();
  final Queue<String> subscribeFailures = new ConcurrentLinkedQueue<>();
  final Queue<String> closesNotAnswered = new ConcurrentLinkedQueue<>();
  final Queue<String> errors = new ConcurrentLinkedQueue<>();

  void sent() {
    sent.incrementAndGet();
    totalSent.incrementAndGet();
  }

  void answered(long nanos) {
    answered.incrementAndGet();
    totalAnswered.incrementAndGet();
    answerNanos.add(nanos);
  }

  /** A close the test did not ask for: who, when, code and reason. */
  void closedByServer(String who, int code, String reason) {
    unexpectedCloses.add(who + " closed with " + code + " " + reason);
  }

  /**
   * Closes a session the test is done with (1000) and waits for the server's close frame; a server
   * that does not answer is counted, and the connection dropped.
   */
  void closeNormally(org.avgym.it.WsClient session, String who, java.time.Duration wait) {
    try {
      session.closeNormally(wait);
    } catch (AssertionError | RuntimeException e) {
      closesNotAnswered.add(who + ": " + e.getMessage());
      session.close();
    }
  }

  Minute takeMinute() {
    List<Long> nanos = new ArrayList<>();
    for (Long n; (n = answerNanos.poll()) != null; ) {
      nanos.add(n);
    }
    return new Minute(sent.getAndSet(0), answered.getAndSet(0), Percentiles.of(nanos));
  }
}
