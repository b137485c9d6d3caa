package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.avgym.analytics.entity.TimePoint;
import org.avgym.analytics.entity.Trend;
import org.avgym.analytics.entity.TrendResult;
import org.junit.jupiter.api.Test;

class TrendDetectorTest {

  private final TrendDetector detector = new TrendDetector();

  /** Points ten seconds apart, as the metric samples come. */
  private static List<TimePoint> everyTenSeconds(double... values) {
    List<TimePoint> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(TimePoint.ofEpochSecond(1_700_000_000L + 10L * i, values[i]));
    }
    return points;
  }

  @Test
  void measuresSlopeAndRelativeChangeOfALine() {
    // 100, 101, ..., 110 over 100 s: slope 0.1/s, rise 10, mean 105
    double[] values = new double[11];
    Arrays.setAll(values, i -> 100 + i);

    TrendResult result = detector.detect(everyTenSeconds(values));

    assertEquals(0.1, result.slopePerSecond(), 1e-12);
    assertEquals(105, result.mean(), 1e-12);
    assertEquals(10.0 / 105, result.relativeChange(), 1e-12);
    assertEquals(Trend.UP, result.trend());
    assertEquals("↑", result.trend().symbol());
  }

  @Test
  void fallingLatencyIsDown() {
    TrendResult result = detector.detect(everyTenSeconds(200, 180, 160, 140));

    assertEquals(Trend.DOWN, result.trend());
    assertEquals("↓", result.trend().symbol());
    assertTrue(result.slopePerSecond() < 0);
  }

  @Test
  void changeWithinThresholdIsStable() {
    // rise 4 over the window on a mean of 100: 4 % < 5 %
    TrendResult result = detector.detect(everyTenSeconds(98, 99, 100, 101, 102));

    assertEquals(0.04, result.relativeChange(), 1e-12);
    assertEquals(Trend.STABLE, result.trend());
    assertEquals("→", result.trend().symbol());
  }

  @Test
  void thresholdIsConfigurable() {
    TrendResult result = new TrendDetector(0.03).detect(everyTenSeconds(98, 99, 100, 101, 102));

    assertEquals(Trend.UP, result.trend());
  }

  @Test
  void pointOrderDoesNotMatter() {
    List<TimePoint> points = everyTenSeconds(1, 2, 4, 8);
    List<TimePoint> reversed = new ArrayList<>(points);
    java.util.Collections.reverse(reversed);

    assertEquals(
        detector.detect(points).slopePerSecond(),
        detector.detect(reversed).slopePerSecond(),
        1e-12);
  }

  @Test
  void zeroMeanGivesInfiniteChangeUnlessFlat() {
    TrendResult rising = detector.detect(everyTenSeconds(-1, 0, 1));
    TrendResult flat = detector.detect(everyTenSeconds(0, 0, 0));

    assertEquals(Double.POSITIVE_INFINITY, rising.relativeChange());
    assertEquals(Trend.UP, rising.trend());
    assertEquals(0, flat.relativeChange());
    assertEquals(Trend.STABLE, flat.trend());
  }

  @Test
  void emptySingleAndSameInstantSeriesAreStable() {
    Instant at = Instant.parse("2024-06-01T10:00:00Z");

    assertEquals(TrendResult.FLAT, detector.detect(List.of()));
    assertEquals(Trend.STABLE, detector.detect(everyTenSeconds(5)).trend());
    assertEquals(
        Trend.STABLE,
        detector.detect(List.of(new TimePoint(at, 1), new TimePoint(at, 100))).trend());
  }

  @Test
  void rejectsMissingSeriesPointsAndNotANumber() {
    List<TimePoint> withNull = new ArrayList<>(everyTenSeconds(1, 2));
    withNull.add(null);

    assertThrows(IllegalArgumentException.class, () -> detector.detect(null));
    assertThrows(IllegalArgumentException.class, () -> detector.detect(withNull));
    IllegalArgumentException nan =
        assertThrows(IllegalArgumentException.class, () -> TimePoint.ofEpochSecond(0, Double.NaN));
    assertTrue(nan.getMessage().contains("finite"));
    assertThrows(IllegalArgumentException.class, () -> new TimePoint(null, 1));
  }

  @Test
  void rejectsNonPositiveThreshold() {
    assertThrows(IllegalArgumentException.class, () -> new TrendDetector(0));
    assertThrows(IllegalArgumentException.class, () -> new TrendDetector(Double.NaN));
  }
}
