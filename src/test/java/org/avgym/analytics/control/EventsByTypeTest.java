package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avgym.analytics.control.EventsByType.Plan;
import org.avgym.analytics.control.EventsByType.Span;
import org.avgym.analytics.entity.EventCategory;
import org.junit.jupiter.api.Test;

class EventsByTypeTest {

  private static Instant at(String time) {
    return Instant.parse("2026-11-28T" + time + "Z");
  }

  private static Span span(String from, String to) {
    return new Span(at(from), at(to));
  }

  @Test
  void wholeCoveredHoursComeFromRollupsAndThePartialEdgesFromEvents() {
    Plan plan =
        EventsByType.plan(
            at("09:20:00"),
            at("13:05:00"),
            List.of(at("10:00:00"), at("11:00:00"), at("12:00:00")));
    assertEquals(List.of(span("10:00:00", "13:00:00")), plan.rollups());
    assertEquals(
        List.of(span("09:20:00", "10:00:00"), span("13:00:00", "13:05:00")), plan.events());
  }

  @Test
  void anHourThatIsNotRolledUpIsCountedFromEventsJoinedToItsNeighbours() {
    Plan plan =
        EventsByType.plan(at("09:00:00"), at("13:00:00"), List.of(at("09:00:00"), at("12:00:00")));
    assertEquals(
        List.of(span("09:00:00", "10:00:00"), span("12:00:00", "13:00:00")), plan.rollups());
    assertEquals(List.of(span("10:00:00", "12:00:00")), plan.events());
  }

  @Test
  void withoutRollupsOrWithinOneHourEverythingIsCountedFromEvents() {
    assertEquals(
        new Plan(List.of(), List.of(span("09:00:00", "13:00:00"))),
        EventsByType.plan(at("09:00:00"), at("13:00:00"), List.of()));
    assertEquals(
        new Plan(List.of(), List.of(span("09:10:00", "09:50:00"))),
        EventsByType.plan(at("09:10:00"), at("09:50:00"), List.of(at("09:00:00"))));
  }

  @Test
  void coveredHoursOutsideTheWholeHoursOfTheRangeAreIgnored() {
    Plan plan =
        EventsByType.plan(
            at("09:30:00"),
            at("11:30:00"),
            List.of(at("09:00:00"), at("10:00:00"), at("11:00:00")));
    assertEquals(List.of(span("10:00:00", "11:00:00")), plan.rollups());
    assertEquals(
        List.of(span("09:30:00", "10:00:00"), span("11:00:00", "11:30:00")), plan.events());
  }

  @Test
  void aRangeFullOfHolesIsCountedFromEventsInOneQuery() {
    List<Instant> everyOtherHour = new ArrayList<>();
    for (int h = 0; h < 24; h += 2) {
      everyOtherHour.add(at("00:00:00").plusSeconds(3600L * h));
    }
    Plan plan = EventsByType.plan(at("00:00:00"), at("23:59:00"), everyOtherHour);
    assertEquals(new Plan(List.of(), List.of(span("00:00:00", "23:59:00"))), plan);
  }

  @Test
  void anEmptyRangeNeedsNoQuery() {
    assertEquals(
        new Plan(List.of(), List.of()),
        EventsByType.plan(at("10:00:00"), at("10:00:00"), List.of()));
  }

  @Test
  void partsAreAddedUpPerTypeAndTheMostFrequentComeFirst() {
    Map<String, Long> top =
        EventsByType.top(
            List.of(Map.of("login", 3L, "export", 1L), Map.of("login", 2L, "alert.firing", 4L)), 2);
    assertEquals(List.of("login", "alert.firing"), new ArrayList<>(top.keySet()));
    assertEquals(5L, top.get("login"));
    assertEquals(
        List.of("a", "b"),
        new ArrayList<>(EventsByType.top(List.of(Map.of("b", 1L, "a", 1L)), 2).keySet()),
        "ties by name");
  }

  @Test
  void categoriesSelectTheirOwnRollupMetricOrAll() {
    assertEquals("events.CONNECTION", EventsByType.metrics(EventCategory.CONNECTION));
    assertEquals("events.%", EventsByType.metrics(null));
    assertEquals("%", EventsByType.categories(null));
    assertEquals("USER", EventsByType.categories(EventCategory.USER));
  }
}
