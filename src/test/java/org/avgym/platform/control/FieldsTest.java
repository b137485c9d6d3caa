package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.avgym.checkin.entity.Decision;
import org.avgym.locations.entity.WeeklyHours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FieldsTest {

  @Test
  void readsARegionTimeZone() {
    assertEquals(ZoneId.of("Europe/Ljubljana"), Fields.zone("timeZone", " Europe/Ljubljana "));
  }

  @Test
  void refusesAnUnknownOrMissingTimeZoneNamingTheField() {
    assertInvalid("timeZone", () -> Fields.zone("timeZone", "Mars/Olympus"), "Mars/Olympus");
    assertInvalid("timeZone", () -> Fields.zone("timeZone", " "), "required");
  }

  @Test
  void readsWeeklyHoursAndFallsBackWhenBlank() {
    WeeklyHours hours =
        Fields.parsed("openingHours", "MON-FRI 06:00-22:00", "*", WeeklyHours::parse);
    assertEquals(WeeklyHours.parse("MON-FRI 06:00-22:00"), hours);
    assertEquals(WeeklyHours.ALWAYS, Fields.parsed("openingHours", null, "*", WeeklyHours::parse));
  }

  @Test
  void refusesBadWeeklyHoursWithTheParsersMessage() {
    String parserMessage = parserMessage("MON 25:00-26:00");
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () -> Fields.parsed("openingHours", "MON 25:00-26:00", "*", WeeklyHours::parse));
    assertEquals("openingHours", refusal.field());
    assertEquals(parserMessage, refusal.getMessage());
  }

  @Test
  void readsInstantsWithAFallback() {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    assertEquals(now, Fields.instant("from", "2026-11-28T12:00:00Z", null));
    assertEquals(now, Fields.instant("from", null, now));
    assertInvalid("from", () -> Fields.instant("from", "yesterday", now), "ISO-8601");
  }

  @Test
  void readsEnumerationsInAnyCaseAndListsTheChoices() {
    assertEquals(Decision.DENIED, Fields.choice("decision", "Denied", Decision.class, null));
    assertNull(Fields.choice("decision", null, Decision.class, null));
    assertInvalid(
        "decision",
        () -> Fields.choice("decision", "maybe", Decision.class, null),
        "granted, warned, denied");
  }

  @Test
  void readsNumbers() {
    assertEquals(42L, Fields.number("member", "42"));
    assertNull(Fields.number("member", ""));
    assertInvalid("member", () -> Fields.number("member", "forty-two"), "whole number");
  }

  @Test
  void pagesDefaultToTheFirstFiftyAndStopAtAHundred() {
    assertEquals(new Fields.Paging(0, Fields.DEFAULT_PAGE_SIZE), Fields.paging(null, null));
    Fields.Paging third = Fields.paging("2", "100");
    assertEquals(200, third.first());
    assertInvalid("size", () -> Fields.paging("0", "101"), "between 1 and 100");
    assertInvalid("size", () -> Fields.paging("0", "0"), "between 1 and 100");
    assertInvalid("page", () -> Fields.paging("-1", "10"), "0 or more");
    assertInvalid("page", () -> Fields.paging("x", "10"), "whole number");
  }

  @Test
  void spellsConstantsInLowerCase() {
    assertEquals("warned", Fields.wire(Decision.WARNED));
    assertNull(Fields.wire(null));
  }

  private static String parserMessage(String text) {
    return assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(text)).getMessage();
  }

  private static void assertInvalid(String field, Executable call, String messagePart) {
    Refusal refusal = assertThrows(Refusal.class, call);
    assertEquals(Refusal.Kind.INVALID, refusal.kind());
    assertEquals(400, refusal.kind().status);
    assertEquals(field, refusal.field());
    assertTrue(refusal.getMessage().contains(messagePart), refusal.getMessage());
  }
}
