package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.avgym.analytics.control.HourlySeries.RawHour;
import org.avgym.analytics.entity.TimePoint;
import org.junit.jupiter.api.Test;

class HourlySeriesTest {

  private static final Instant H0 = Instant.parse("2026-11-30T10:00:00Z");

  private static Instant hour(int n) {
    return H0.plusSeconds(3600L * n);
  }

  @Test
  void rollupsWinOverRawSamplesOfTheSameHourAndRawFillsTheRest() {
    List<TimePoint> points =
        HourlySeries.merge(
            Map.of(hour(0), 5.0, hour(1), 7.0),
            Map.of(hour(1), new RawHour(100, 1), hour(2), new RawHour(30, 3)));
    assertEquals(
        List.of(
            new TimePoint(hour(0), 5.0), new TimePoint(hour(1), 7.0), new TimePoint(hour(2), 10)),
        points);
  }

  @Test
  void rawBucketsOfOneHourAreMergedByCountNotAveragedTwice() {
    // Two half-hour buckets of one UTC hour (a database session in a +05:30 zone truncates so).
    List<TimePoint> points =
        HourlySeries.merge(
            Map.of(),
            Map.of(hour(3), new RawHour(10, 1), hour(3).plusSeconds(1800), new RawHour(90, 3)));
    assertEquals(List.of(new TimePoint(hour(3), 25.0)), points);
  }

  @Test
  void emptyHoursAreLeftOutAndNothingGivesNothing() {
    assertEquals(List.of(), HourlySeries.merge(Map.of(), Map.of(hour(0), new RawHour(0, 0))));
  }

  @Test
  void missingInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> HourlySeries.merge(null, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> HourlySeries.merge(Map.of(), null));
  }
}
