package org.avgym.locations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeeklyHoursTest {

  // 2026-11-23 is a Monday, so the 23rd to the 29th are MON to SUN.
  private static LocalDateTime at(int dayOfMonth, int hour, int minute) {
    return LocalDateTime.of(2026, 11, dayOfMonth, hour, minute);
  }

  @Test
  void weekdayAndWeekendClausesHaveTheirOwnHours() {
    WeeklyHours hours = WeeklyHours.parse("MON-FRI 06:00-22:00; SAT,SUN 08:00-20:00");

    assertTrue(hours.contains(at(25, 7, 0)));
    assertFalse(hours.contains(at(28, 7, 0)));
    assertTrue(hours.contains(at(28, 8, 0)));
    assertTrue(hours.contains(at(29, 19, 59)));
    assertFalse(hours.contains(at(29, 20, 0)));
  }

  @Test
  void openTimeIsInclusiveAndCloseTimeExclusive() {
    WeeklyHours hours = WeeklyHours.parse("MON 06:00-22:00");

    assertFalse(hours.contains(LocalDateTime.of(2026, 11, 23, 5, 59, 59, 999_999_999)));
    assertTrue(hours.contains(at(23, 6, 0)));
    assertTrue(hours.contains(LocalDateTime.of(2026, 11, 23, 21, 59, 59, 999_999_999)));
    assertFalse(hours.contains(at(23, 22, 0)));
  }

  @Test
  void daysWithoutIntervalsAreClosed() {
    WeeklyHours hours = WeeklyHours.parse("MON-FRI 00:00-24:00");

    assertFalse(hours.contains(at(28, 12, 0)));
    assertTrue(hours.on(java.time.DayOfWeek.SATURDAY).isEmpty());
  }

  @Test
  void starEmptyAndMissingTextMeanAlways() {
    assertEquals(WeeklyHours.ALWAYS, WeeklyHours.parse("*"));
    assertEquals(WeeklyHours.ALWAYS, WeeklyHours.parse(" "));
    assertEquals(WeeklyHours.ALWAYS, WeeklyHours.parse(""));
    assertEquals(WeeklyHours.ALWAYS, WeeklyHours.parse(null));
    assertTrue(WeeklyHours.ALWAYS.contains(at(29, 23, 59)));
    assertTrue(WeeklyHours.ALWAYS.contains(at(23, 0, 0)));
  }

  @Test
  void wholeDayMayBeWrittenThreeWays() {
    assertEquals(WeeklyHours.ALWAYS, WeeklyHours.parse("MON-SUN 00:00-24:00"));
    assertEquals(WeeklyHours.ALWAYS, WeeklyHours.parse("MON-SUN 00:00-00:00"));
    assertEquals(WeeklyHours.ALWAYS, WeeklyHours.parse("* 24h"));
  }

  @Test
  void intervalPastMidnightCoversTheEarlyHoursOfTheNextDay() {
    WeeklyHours hours = WeeklyHours.parse("FRI 22:00-02:00");

    assertFalse(hours.contains(at(27, 21, 59)));
    assertTrue(hours.contains(at(27, 22, 0)));
    assertTrue(hours.contains(at(27, 23, 59)));
    assertTrue(hours.contains(at(28, 0, 0)));
    assertTrue(hours.contains(at(28, 1, 59)));
    assertFalse(hours.contains(at(28, 2, 0)));
    assertFalse(hours.contains(at(27, 1, 0)), "Friday's early hours belong to Thursday");
  }

  @Test
  void sundayNightRunsIntoMonday() {
    WeeklyHours hours = WeeklyHours.parse("SUN 20:00-04:00");

    assertTrue(hours.contains(at(23, 3, 0)));
    assertTrue(hours.contains(at(30, 3, 0)));
    assertFalse(hours.contains(at(24, 3, 0)));
  }

  @Test
  void intervalClosingAt2400EndsAtMidnight() {
    WeeklyHours hours = WeeklyHours.parse("SAT 20:00-24:00");

    assertTrue(hours.contains(at(28, 23, 59)));
    assertFalse(hours.contains(at(29, 0, 0)));
  }

  @Test
  void dayMayHaveSeveralIntervals() {
    WeeklyHours hours = WeeklyHours.parse("MON 06:00-10:00, 16:00-21:00; MON 12:00-13:00");

    assertTrue(hours.contains(at(23, 9, 0)));
    assertFalse(hours.contains(at(23, 11, 0)));
    assertTrue(hours.contains(at(23, 12, 30)));
    assertFalse(hours.contains(at(23, 14, 0)));
    assertTrue(hours.contains(at(23, 20, 0)));
  }

  @Test
  void dayRangesMayWrapRoundTheWeek() {
    assertEquals(
        WeeklyHours.parse("FRI,SAT,SUN,MON 10:00-12:00"), WeeklyHours.parse("FRI-MON 10:00-12:00"));
  }

  @Test
  void dayNamesAndWholeDayIgnoreCase() {
    assertEquals(WeeklyHours.parse("MON-FRI 24H"), WeeklyHours.parse("mon-Fri 24h"));
  }

  @Test
  void formatGivesTheCompactTextBack() {
    for (String text :
        List.of(
            "MON-FRI 06:00-22:00; SAT,SUN 08:00-20:00",
            "MON-WED 06:00-10:00,16:00-21:00; FRI 22:00-02:00; SUN 00:00-24:00",
            "SAT 20:00-24:00",
            "*")) {
      assertEquals(text, WeeklyHours.parse(text).format());
    }
  }

  @Test
  void formatGroupsDaysWithTheSameHours() {
    WeeklyHours hours =
        WeeklyHours.parse(
            "WED 06:00-22:00; sun 10:00-12:00; MON 06:00-22:00; TUE 22:00-06:00, 06:00-22:00");

    assertEquals(
        "MON,WED 06:00-22:00; TUE 06:00-22:00,22:00-06:00; SUN 10:00-12:00", hours.format());
    assertEquals(hours, WeeklyHours.parse(hours.format()));
  }

  @Test
  void rejectsUnknownDay() {
    assertRejected("MON-FRY 06:00-22:00", "FRY");
  }

  @Test
  void rejectsMalformedTime() {
    assertRejected("MON 6am-10pm", "6am");
  }

  @Test
  void rejectsHoursPast24() {
    assertRejected("MON 06:00-25:00", "25:00");
    assertRejected("MON 06:00-24:30", "24:30");
  }

  @Test
  void rejectsMinutesPast59() {
    assertRejected("MON 06:60-22:00", "06:60");
  }

  @Test
  void rejectsEmptyInterval() {
    assertRejected("MON 06:00-06:00", "empty interval");
  }

  @Test
  void rejectsDaysWithoutHours() {
    assertRejected("MON-FRI; SAT 08:00-20:00", "MON-FRI");
  }

  @Test
  void rejects2400AsOpeningTime() {
    assertRejected("MON 24:00-06:00", "24:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {";", "MON 06:00", "MON 06:00-10:00-12:00", "MON--FRI 24h", "MON 06:00-"})
  void rejectsMalformedClauses(String text) {
    assertRejected(text, text.strip());
  }

  private static void assertRejected(String text, String mentioned) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(text));
    assertTrue(
        error.getMessage().contains(mentioned),
        () -> "message should mention " + mentioned + ": " + error.getMessage());
  }
}
