package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.avgym.analytics.entity.Forecast;
import org.avgym.analytics.entity.ForecastPoint;
import org.avgym.analytics.entity.OccupancySample;
import org.junit.jupiter.api.Test;

class OccupancyForecastTest {

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final LocalDate TODAY = LocalDate.of(2024, 6, 5); // a Wednesday
  private static final Instant NOW = TODAY.atTime(10, 7).atZone(VIENNA).toInstant();
  private static final int WEEKS = 3;

  private final OccupancyForecast forecast = new OccupancyForecast(VIENNA, 200);

  /** The same every week: depends on weekday and time of day only, up to 137 people. */
  private static double weeklyPattern(Instant at) {
    ZonedDateTime local = at.atZone(VIENNA);
    return 20
        + 3 * local.getDayOfWeek().getValue()
        + (local.getHour() * 60 + local.getMinute()) / 15.0;
  }

  /**
   * Quarter-hourly samples of the pattern for past weeks, and today's until 10:00 × todayFactor.
   */
  private static List<OccupancySample> history(double todayFactor) {
    List<OccupancySample> samples = new ArrayList<>();
    for (LocalDate day = TODAY.minusWeeks(WEEKS); day.isBefore(TODAY); day = day.plusDays(1)) {
      samples.addAll(quarterHours(day, LocalTime.MAX, 1));
    }
    samples.addAll(quarterHours(TODAY, LocalTime.of(10, 0), todayFactor));
    return samples;
  }

  private static List<OccupancySample> quarterHours(LocalDate day, LocalTime until, double factor) {
    List<OccupancySample> samples = new ArrayList<>();
    for (ZonedDateTime at = day.atStartOfDay(VIENNA);
        at.toLocalDate().equals(day) && !at.toLocalTime().isAfter(until);
        at = at.plusMinutes(15)) {
      samples.add(new OccupancySample(at.toInstant(), weeklyPattern(at.toInstant()) * factor));
    }
    return samples;
  }

  @Test
  void repeatingWeeklyPatternIsForecastExactly() {
    Forecast result = forecast.forecast(history(1), NOW);

    assertTrue(result.enoughHistory());
    assertEquals(8, result.points().size(), "two hours in quarter hours");
    assertEquals(TODAY.atTime(10, 15).atZone(VIENNA).toInstant(), result.points().get(0).at());
    assertEquals(TODAY.atTime(12, 0).atZone(VIENNA).toInstant(), result.points().get(7).at());
    assertEquals(1, result.level(), 1e-12);
    for (ForecastPoint point : result.points()) {
      assertEquals(weeklyPattern(point.at()), point.occupancy(), 1e-9);
    }
  }

  @Test
  void forecastOfARepeatingPatternHasNoError() {
    Forecast result = forecast.forecast(history(1), NOW);
    List<OccupancySample> actuals = new ArrayList<>();
    for (ForecastPoint point : result.points()) {
      actuals.add(new OccupancySample(point.at().plusSeconds(300), weeklyPattern(point.at())));
    }

    assertEquals(
        0, OccupancyForecast.meanAbsoluteError(result.points(), actuals).orElseThrow(), 1e-9);
  }

  @Test
  void busierDayRaisesTheForecastByTheSameShare() {
    Forecast result = forecast.forecast(history(1.2), NOW);

    assertEquals(1.2, result.level(), 1e-12);
    for (ForecastPoint point : result.points()) {
      assertEquals(1.2 * weeklyPattern(point.at()), point.occupancy(), 1e-9);
    }
  }

  @Test
  void levelIsClampedAndForecastCappedAtCapacity() {
    OccupancyForecast small = new OccupancyForecast(VIENNA, 100);

    Forecast result = small.forecast(history(5), NOW);

    assertEquals(OccupancyForecast.MAX_LEVEL, result.level());
    assertTrue(result.points().stream().allMatch(point -> point.occupancy() <= 100));
    assertEquals(100, result.points().get(7).occupancy()); // 2 × 77 capped
  }

  @Test
  void withoutTodaysSamplesTheUsualLevelIsAssumed() {
    List<OccupancySample> pastOnly =
        history(1).stream()
            .filter(s -> s.at().isBefore(TODAY.atStartOfDay(VIENNA).toInstant()))
            .toList();

    assertEquals(1, forecast.forecast(pastOnly, NOW).level());
  }

  @Test
  void noPastHistoryIsSaidExplicitly() {
    List<OccupancySample> todayOnly = quarterHours(TODAY, LocalTime.of(10, 0), 1);

    assertSame(Forecast.NOT_ENOUGH_HISTORY, forecast.forecast(List.of(), NOW));
    assertSame(Forecast.NOT_ENOUGH_HISTORY, forecast.forecast(todayOnly, NOW));
    assertFalse(Forecast.NOT_ENOUGH_HISTORY.enoughHistory());
  }

  @Test
  void meanAbsoluteErrorAveragesOverForecastsWithActuals() {
    Instant quarter = Instant.parse("2024-06-05T08:00:00Z");
    List<ForecastPoint> forecasts =
        List.of(new ForecastPoint(quarter, 10), new ForecastPoint(quarter.plusSeconds(900), 20));
    List<OccupancySample> actuals =
        List.of(
            new OccupancySample(quarter.plusSeconds(60), 12),
            new OccupancySample(quarter.plusSeconds(600), 14)); // mean 13, second has none

    assertEquals(3, OccupancyForecast.meanAbsoluteError(forecasts, actuals).orElseThrow(), 1e-12);
    assertTrue(OccupancyForecast.meanAbsoluteError(forecasts, List.of()).isEmpty());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> new OccupancyForecast(null, 10));
    assertThrows(IllegalArgumentException.class, () -> new OccupancyForecast(VIENNA, 0));
    assertThrows(IllegalArgumentException.class, () -> forecast.forecast(null, NOW));
    assertThrows(IllegalArgumentException.class, () -> forecast.forecast(List.of(), null));
    assertThrows(IllegalArgumentException.class, () -> new OccupancySample(NOW, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new OccupancySample(NOW, -1));
  }
}
