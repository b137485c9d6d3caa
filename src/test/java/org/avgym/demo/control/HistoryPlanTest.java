package org.avgym.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.avgym.checkin.entity.ReasonCode;
import org.avgym.demo.entity.LocationSpec;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.demo.entity.Scenario;
import org.avgym.locations.entity.WeeklyHours;
import org.junit.jupiter.api.Test;

class HistoryPlanTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final ChainBlueprint CHAIN = ChainBlueprint.generate(20261128, 500);
  private static final HistoryPlan.Past PAST =
      HistoryPlan.generate(CHAIN, NOW.minus(Duration.ofMinutes(5)), NOW, 56, 7);

  private static ZoneId zone(String location) {
    return CHAIN.locations().stream()
        .filter(l -> l.code().equals(location))
        .map(l -> ZoneId.of(l.zone()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theSameSeedGivesTheSamePastAndAnotherSeedAnother() {
    HistoryPlan.Past again =
        HistoryPlan.generate(CHAIN, NOW.minus(Duration.ofMinutes(5)), NOW, 56, 7);
    assertEquals(PAST, again);
    assertFalse(
        PAST.equals(HistoryPlan.generate(CHAIN, NOW.minus(Duration.ofMinutes(5)), NOW, 56, 8)));
  }

  @Test
  void eightWeeksOfClosedVisitsInOrderInsideTheRangeAndTheClubsHours() {
    // About 2.5 visits a week from each of some 400 members with a usable membership.
    assertTrue(
        PAST.visits().size() > 5_000 && PAST.visits().size() < 15_000,
        "visits " + PAST.visits().size());
    Instant from = NOW.minus(Duration.ofDays(56));
    Instant previous = Instant.MIN;
    for (HistoryPlan.Visit visit : PAST.visits()) {
      assertFalse(visit.in().isBefore(from), visit.toString());
      assertTrue(visit.out().isAfter(visit.in()) && visit.out().isBefore(NOW), visit.toString());
      assertFalse(visit.in().isBefore(previous), "oldest first");
      previous = visit.in();
      LocationSpec location =
          CHAIN.locations().stream()
              .filter(l -> l.code().equals(visit.location()))
              .findFirst()
              .orElseThrow();
      assertTrue(
          WeeklyHours.parse(location.hours())
              .contains(visit.in().atZone(ZoneId.of(location.zone())).toLocalDateTime()),
          "inside opening hours: " + visit);
    }
  }

  @Test
  void eveningsAreBusierThanNightsAndMondaysBusierThanSundaysInEachClubsOwnTime() {
    Map<Integer, Integer> byLocalHour = new HashMap<>();
    Map<DayOfWeek, Integer> byDay = new EnumMap<>(DayOfWeek.class);
    for (HistoryPlan.Visit visit : PAST.visits()) {
      ZonedDateTime local = visit.in().atZone(zone(visit.location()));
      byLocalHour.merge(local.getHour(), 1, Integer::sum);
      byDay.merge(local.getDayOfWeek(), 1, Integer::sum);
    }
    int evening = byLocalHour.getOrDefault(18, 0);
    assertTrue(evening > 3 * byLocalHour.getOrDefault(3, 0), byLocalHour.toString());
    assertTrue(evening > byLocalHour.getOrDefault(14, 0), byLocalHour.toString());
    assertTrue(byDay.get(DayOfWeek.MONDAY) > 1.5 * byDay.get(DayOfWeek.SUNDAY), byDay.toString());
  }

  @Test
  void aHolidayIsQuietAtItsClubOnly() {
    LocalDate thanksgiving = LocalDate.of(2026, 11, 26);
    long riversideThanksgiving = visitsOn("riverside", thanksgiving);
    long riversideThursdays =
        visitsOn("riverside", thanksgiving.minusWeeks(1))
            + visitsOn("riverside", thanksgiving.minusWeeks(2));
    assertTrue(
        riversideThanksgiving * 4 < riversideThursdays,
        riversideThanksgiving + " vs " + riversideThursdays);
    assertEquals(1.0, HistoryPlan.holiday(thanksgiving, ZoneId.of("Europe/Ljubljana")));
    assertEquals(
        0.25, HistoryPlan.holiday(LocalDate.of(2026, 11, 1), ZoneId.of("Europe/Ljubljana")));
    assertEquals(0.25, HistoryPlan.holiday(LocalDate.of(2026, 11, 23), ZoneId.of("Asia/Tokyo")));
  }

  private static long visitsOn(String location, LocalDate date) {
    return PAST.visits().stream()
        .filter(v -> v.location().equals(location))
        .filter(v -> v.in().atZone(zone(location)).toLocalDate().equals(date))
        .count();
  }

  @Test
  void refusalsCarryTheirReasonAndEndedMembershipsStopComing() {
    Set<ReasonCode> reasons =
        PAST.denials().stream().map(HistoryPlan.Denial::reason).collect(Collectors.toSet());
    assertTrue(
        reasons.containsAll(
            Set.of(
                ReasonCode.MEMBERSHIP_EXPIRED,
                ReasonCode.OUTSIDE_ALLOWED_HOURS,
                ReasonCode.UNKNOWN_CREDENTIAL)),
        reasons.toString());
    Map<Integer, MemberSpec> members =
        CHAIN.members().stream().collect(Collectors.toMap(MemberSpec::number, m -> m));
    Map<Integer, Long> expiredTries =
        PAST.denials().stream()
            .filter(d -> d.reason() == ReasonCode.MEMBERSHIP_EXPIRED)
            .collect(Collectors.groupingBy(HistoryPlan.Denial::member, Collectors.counting()));
    expiredTries.values().forEach(n -> assertTrue(n <= 3, "a few tries, then gone: " + n));
    for (HistoryPlan.Visit visit : PAST.visits()) {
      Scenario scenario = members.get(visit.member()).scenario();
      assertTrue(scenario != Scenario.NONE && scenario != Scenario.NOT_STARTED, visit.toString());
    }
  }

  @Test
  void someActiveMembersStoppedComingWeeksAgo() {
    Map<Integer, Instant> lastVisit = new HashMap<>();
    PAST.visits().forEach(v -> lastVisit.merge(v.member(), v.in(), (a, b) -> a.isAfter(b) ? a : b));
    Set<Integer> active = new HashSet<>();
    CHAIN.members().stream()
        .filter(m -> m.scenario() == Scenario.ACTIVE)
        .forEach(m -> active.add(m.number()));
    long lapsed =
        lastVisit.entrySet().stream()
            .filter(e -> active.contains(e.getKey()))
            .filter(e -> e.getValue().isBefore(NOW.minus(Duration.ofDays(20))))
            .count();
    assertTrue(lapsed >= 10, "lapsed active members: " + lapsed);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> HistoryPlan.generate(CHAIN, NOW, NOW, 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> HistoryPlan.generate(CHAIN, NOW, NOW, 367, 1));
    assertThrows(IllegalArgumentException.class, () -> HistoryPlan.generate(null, NOW, NOW, 7, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> HistoryPlan.generate(CHAIN, null, NOW, 7, 1),
        "no seeding time");
  }
}
