package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.avgym.analytics.entity.Period;
import org.junit.jupiter.api.Test;

class CatchUpTest {

  private static final Instant NOW = Instant.parse("2026-11-28T13:25:00Z");

  @Test
  void withoutHistoryOnlyThePreviousPeriodIsDue() {
    assertEquals(
        List.of(Instant.parse("2026-11-28T12:00:00Z")), CatchUp.due(Period.HOUR, null, NOW, 48));
  }

  @Test
  void afterDowntimeEveryMissedCompletePeriodIsDueOldestFirst() {
    assertEquals(
        List.of(
            Instant.parse("2026-11-28T10:00:00Z"),
            Instant.parse("2026-11-28T11:00:00Z"),
            Instant.parse("2026-11-28T12:00:00Z")),
        CatchUp.due(Period.HOUR, Instant.parse("2026-11-28T09:00:00Z"), NOW, 48));
  }

  @Test
  void nothingIsDueWhenThePreviousPeriodIsDoneAndTheCurrentOneIsNotOver() {
    assertEquals(
        List.of(), CatchUp.due(Period.HOUR, Instant.parse("2026-11-28T12:00:00Z"), NOW, 48));
    assertEquals(List.of(), CatchUp.due(Period.DAY, Instant.parse("2026-11-27T00:00:00Z"), NOW, 7));
  }

  @Test
  void aLongOutageCatchesUpOnlyTheNewestPeriodsWithinTheBound() {
    List<Instant> due = CatchUp.due(Period.HOUR, Instant.parse("2000-01-01T00:00:00Z"), NOW, 3);
    assertEquals(
        List.of(
            Instant.parse("2026-11-28T10:00:00Z"),
            Instant.parse("2026-11-28T11:00:00Z"),
            Instant.parse("2026-11-28T12:00:00Z")),
        due);
  }
}
