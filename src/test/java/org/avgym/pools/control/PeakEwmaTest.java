package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PeakEwmaTest {

  private static final long TAU_NANOS = PeakEwma.DEFAULT_TAU.toNanos();

  private final PeakEwma ewma = new PeakEwma();

  @Test
  void startsEmptyAndTakesTheFirstSampleAsIs() {
    assertFalse(ewma.hasSample());
    assertEquals(0, ewma.millis());

    ewma.record(30, 0);

    assertTrue(ewma.hasSample());
    assertEquals(30, ewma.millis());
  }

  @Test
  void jumpsToANewPeakAtOnce() {
    ewma.record(20, 0);
    ewma.record(250, TimeUnit.SECONDS.toNanos(60));

    assertEquals(250, ewma.millis());
  }

  @Test
  void decaysTowardLowerSamplesWithTimeConstantTau() {
    ewma.record(100, 0);
    ewma.record(10, TAU_NANOS);

    // after one tau, e^-1 of the old value remains
    assertEquals(10 + 90 * Math.exp(-1), ewma.millis(), 1e-9);
  }

  @Test
  void doesNotForgetAPeakBecauseOfSamplesArrivingAtTheSameInstant() {
    ewma.record(100, 0);
    for (int i = 0; i < 1000; i++) {
      ewma.record(10, 0);
    }

    assertEquals(100, ewma.millis(), 1e-9);
  }

  @Test
  void convergesToASteadyLowerLatencyAfterSomeTaus() {
    ewma.record(500, 0);
    for (int second = 1; second <= 60; second++) {
      ewma.record(20, TimeUnit.SECONDS.toNanos(second));
    }

    assertEquals(20, ewma.millis(), 2);
  }
}
