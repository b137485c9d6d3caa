package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.avgym.analytics.entity.HeatmapCell;
import org.junit.jupiter.api.Test;

class HeatmapTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void countsVisitsInTheLocationsLocalHourAndWeekday() {
    // Tuesday 2024-06-04 01:30 UTC is Monday 21:30 in New York (EDT, UTC−4)
    Heatmap heatmap = Heatmap.of(List.of(Instant.parse("2024-06-04T01:30:00Z")), NEW_YORK);

    assertEquals(1, heatmap.visits(DayOfWeek.MONDAY, 21));
    assertEquals(0, heatmap.visits(DayOfWeek.TUESDAY, 1));
    assertEquals(1, heatmap.total());
    assertEquals(7 * 24, heatmap.cells().size());
  }

  @Test
  void peakHoursAreTheBusiestFirstAndSkipEmptyHours() {
    List<Instant> checkIns = new ArrayList<>();
    addVisits(checkIns, "2024-06-03T22:10:00Z", 5); // Monday 18:10 local
    addVisits(checkIns, "2024-06-05T11:00:00Z", 3); // Wednesday 07:00 local
    addVisits(checkIns, "2024-06-04T22:59:00Z", 5); // Tuesday 18:59 local

    List<HeatmapCell> peaks = Heatmap.of(checkIns, NEW_YORK).peakHours(5);

    assertEquals(
        List.of(
            new HeatmapCell(DayOfWeek.MONDAY, 18, 5),
            new HeatmapCell(DayOfWeek.TUESDAY, 18, 5),
            new HeatmapCell(DayOfWeek.WEDNESDAY, 7, 3)),
        peaks);
  }

  @Test
  void noCheckInsMeanNoPeaks() {
    Heatmap empty = Heatmap.of(List.of(), NEW_YORK);

    assertEquals(List.of(), empty.peakHours(3));
    assertEquals(0, empty.total());
  }

  @Test
  void rejectsBadInput() {
    Heatmap heatmap = Heatmap.of(List.of(), NEW_YORK);
    List<Instant> withNull = new ArrayList<>();
    withNull.add(null);

    assertThrows(IllegalArgumentException.class, () -> Heatmap.of(null, NEW_YORK));
    assertThrows(IllegalArgumentException.class, () -> Heatmap.of(List.of(), null));
    assertThrows(IllegalArgumentException.class, () -> Heatmap.of(withNull, NEW_YORK));
    assertThrows(IllegalArgumentException.class, () -> heatmap.visits(DayOfWeek.MONDAY, 24));
    assertThrows(IllegalArgumentException.class, () -> heatmap.peakHours(-1));
  }

  private static void addVisits(List<Instant> checkIns, String at, int times) {
    for (int i = 0; i < times; i++) {
      checkIns.add(Instant.parse(at).plusSeconds(i));
    }
  }
}
