package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.avgym.analytics.entity.AlertState;
import org.avgym.analytics.entity.SpikeReading;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

  @Test
  void flagsValueAboveFactorTimesTrailingMean() {
    SpikeDetector detector = new SpikeDetector(3, 5, 4);
    for (double denials : new double[] {2, 3, 2, 3}) {
      detector.observe(denials);
    }

    SpikeReading reading = detector.observe(10);

    assertEquals(2.5, reading.trailingMean(), 1e-12);
    assertEquals(4, reading.ratio(), 1e-12);
    assertTrue(reading.spike());
  }

  @Test
  void ignoresSmallCountsAndModerateRises() {
    SpikeDetector detector = new SpikeDetector(3, 5, 3);
    for (double denials : new double[] {1, 1, 1}) {
      detector.observe(denials);
    }

    assertFalse(detector.observe(4).spike(), "four times the mean, but under the minimum count");
    SpikeDetector busy = new SpikeDetector(3, 5, 3);
    for (double denials : new double[] {10, 10, 10}) {
      busy.observe(denials);
    }
    assertFalse(busy.observe(25).spike());
  }

  @Test
  void nothingIsASpikeUntilTheWindowIsFull() {
    SpikeDetector detector = new SpikeDetector(3, 5, 3);
    detector.observe(1);

    SpikeReading reading = detector.observe(100);

    assertFalse(reading.spike());
    assertEquals(0, reading.ratio());
  }

  @Test
  void spikeFromZeroHasInfiniteRatio() {
    SpikeDetector detector = new SpikeDetector(3, 5, 2);
    detector.observe(0);
    detector.observe(0);

    SpikeReading reading = detector.observe(6);

    assertEquals(Double.POSITIVE_INFINITY, reading.ratio());
    assertTrue(reading.spike());
  }

  @Test
  void ratioFeedsTheBuiltInDenialSpikeRuleOnce() {
    SpikeDetector detector = new SpikeDetector();
    AlertEvaluator evaluator = new AlertEvaluator();
    Instant minute = Instant.parse("2024-06-03T18:00:00Z");
    int firing = 0;
    for (int i = 0; i < 40; i++) {
      double denials = i >= 20 && i < 23 ? 30 : 4; // three minutes of a card reader gone wrong
      SpikeReading reading = detector.observe(denials);
      firing +=
          evaluator
                  .evaluate(BuiltInAlertRules.DENIAL_SPIKE, "main-door", reading.ratio(), minute)
                  .filter(t -> t.state() == AlertState.FIRING)
                  .isPresent()
              ? 1
              : 0;
      minute = minute.plusSeconds(60);
    }

    assertEquals(1, firing);
  }

  @Test
  void rejectsBadSettingsAndValues() {
    assertThrows(IllegalArgumentException.class, () -> new SpikeDetector(0, 5, 3));
    assertThrows(IllegalArgumentException.class, () -> new SpikeDetector(3, -1, 3));
    assertThrows(IllegalArgumentException.class, () -> new SpikeDetector(3, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> new SpikeDetector().observe(Double.NaN));
  }
}
