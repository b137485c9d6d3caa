package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Backoff.Settings SETTINGS = Backoff.Settings.DEFAULTS.withMaxAttempts(5);

  private final Backoff backoff = new Backoff(SETTINGS, new SplittableRandom(11));

  @Test
  void growsTheCeilingExponentiallyUpToTheCap() {
    assertEquals(Duration.ofMillis(500).toNanos(), backoff.ceilingNanos(0));
    assertEquals(Duration.ofMillis(1000).toNanos(), backoff.ceilingNanos(1));
    assertEquals(Duration.ofMillis(8000).toNanos(), backoff.ceilingNanos(4));
    assertEquals(Duration.ofSeconds(30).toNanos(), backoff.ceilingNanos(6));
    assertEquals(Duration.ofSeconds(30).toNanos(), backoff.ceilingNanos(10_000));
  }

  @Test
  void neverWaitsLessThanZeroNorMoreThanTheCeilingOfItsAttempt() {
    Backoff unlimited =
        new Backoff(Backoff.Settings.DEFAULTS.withMaxAttempts(100), new SplittableRandom(5));
    for (int attempt = 0; attempt < 100; attempt++) {
      long delay = unlimited.nextDelay().toNanos();
      assertTrue(delay >= 0, "negative delay");
      assertTrue(delay <= unlimited.ceilingNanos(attempt), "above the ceiling");
      assertTrue(delay <= Backoff.Settings.DEFAULT_CAP.toNanos(), "above the cap");
    }
  }

  @Test
  void spreadsDelaysOverTheWholeRangeWithFullJitter() {
    Backoff.Settings flat =
        new Backoff.Settings(
            Duration.ofSeconds(1),
            1,
            Duration.ofSeconds(1),
            10_000,
            Duration.ofMinutes(1),
            Duration.ofMinutes(1));
    Backoff jittered = new Backoff(flat, new SplittableRandom(1));
    double sum = 0;
    for (int i = 0; i < 10_000; i++) {
      sum += jittered.nextDelay().toMillis();
    }

    assertEquals(500, sum / 10_000, 15);
  }

  @Test
  void isExhaustedAfterTheConfiguredAttemptsAndThenProbesSlowly() {
    for (int i = 0; i < 5; i++) {
      assertFalse(backoff.exhausted());
      backoff.nextDelay();
    }

    assertTrue(backoff.exhausted());
    assertEquals(Backoff.Settings.DEFAULT_PROBE_INTERVAL, backoff.nextDelay());
    assertEquals(5, backoff.attempts());
  }

  private int attemptsAfterTwoFailuresAndAnUptimeOf(long seconds) {
    backoff.nextDelay();
    backoff.nextDelay();
    backoff.connected(0);
    backoff.disconnected(TimeUnit.SECONDS.toNanos(seconds));
    return backoff.attempts();
  }

  @Test
  void startsOverAfterAConnectionStayedUpLongEnough() {
    assertEquals(0, attemptsAfterTwoFailuresAndAnUptimeOf(60));
  }

  @Test
  void keepsCountingWhenAConnectionFlapsQuickly() {
    assertEquals(2, attemptsAfterTwoFailuresAndAnUptimeOf(59));
  }
}
