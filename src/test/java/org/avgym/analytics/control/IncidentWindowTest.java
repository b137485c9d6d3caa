package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentWindowTest {

  private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

  @Test
  void aBurstCountsUntilTheWindowPassesQuietly() {
    IncidentWindow window = new IncidentWindow(Duration.ofMinutes(5), 100);
    assertEquals(0, window.count(START));
    for (int i = 0; i < 3; i++) {
      window.add(START.plusSeconds(i));
    }
    assertEquals(3, window.count(START.plusSeconds(10)));
    assertEquals(3, window.count(START.plusSeconds(299)));
    assertEquals(1, window.count(START.plusSeconds(301)));
    assertEquals(0, window.count(START.plusSeconds(302)));
  }

  @Test
  void keepsAtMostItsCapacity() {
    IncidentWindow window = new IncidentWindow(Duration.ofMinutes(5), 10);
    for (int i = 0; i < 1_000; i++) {
      window.add(START.plusMillis(i));
    }
    assertEquals(10, window.count(START.plusSeconds(1)));
  }

  @Test
  void refusesAnEmptyWindow() {
    assertThrows(IllegalArgumentException.class, () -> new IncidentWindow(Duration.ZERO, 10));
    assertThrows(
        IllegalArgumentException.class, () -> new IncidentWindow(Duration.ofSeconds(1), 0));
  }
}
