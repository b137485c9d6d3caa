package org.avgym.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DailyRhythmTest {

  private final DailyRhythm rhythm = DailyRhythm.DEFAULT;

  @Test
  void eveningPeakIsTheBusiestTimeOfDay() {
    double evening = rhythm.share(LocalTime.of(18, 0));
    assertEquals(1.0, evening, 0.02);
    for (int minute = 0; minute < 24 * 60; minute += 15) {
      assertTrue(rhythm.share(LocalTime.ofSecondOfDay(minute * 60L)) <= evening + 1e-9);
    }
  }

  @Test
  void morningPeakStandsAboveMidMorningAndNight() {
    double morning = rhythm.share(LocalTime.of(7, 0));
    assertTrue(morning > rhythm.share(LocalTime.of(9, 30)), "a dip after the morning rush");
    assertTrue(morning > 0.6, "a real morning peak, was " + morning);
    assertTrue(rhythm.share(LocalTime.of(3, 0)) < 0.1, "the night is quiet");
  }

  @Test
  void nightNeverFallsBelowTheFloor() {
    assertEquals(0.04, rhythm.share(LocalTime.of(3, 0)), 0.005);
    assertEquals(0.3, new DailyRhythm(0.3).share(LocalTime.of(2, 0)), 0.01);
  }

  @Test
  void expectedScansScaleWithRateAndTickLength() {
    double perSecondAtPeak = rhythm.expected(60, LocalTime.of(18, 0), 1000);
    assertEquals(1.0, perSecondAtPeak, 0.02);
    assertEquals(2 * perSecondAtPeak, rhythm.expected(60, LocalTime.of(18, 0), 2000), 1e-9);
  }

  @Test
  void drawTurnsFractionsIntoOccasionalScans() {
    assertEquals(3, DailyRhythm.draw(2.25, 0.2));
    assertEquals(2, DailyRhythm.draw(2.25, 0.3));
    assertEquals(0, DailyRhythm.draw(0.1, 0.5));
    assertEquals(1, DailyRhythm.draw(0.1, 0.05));
  }

  @Test
  void rejectsAFloorOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> new DailyRhythm(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new DailyRhythm(1.5));
  }
}
