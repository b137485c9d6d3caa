package org.avgym.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.avgym.analytics.entity.Forecast;
import org.avgym.analytics.entity.ForecastPoint;
import org.avgym.analytics.entity.OccupancySample;

/**
 * Forecasts a location's occupancy for the next two hours, so members and staff can see when it
 * will be quiet.
 *
 * <p>The baseline for a quarter hour is the mean occupancy of the same weekday and the same quarter
 * hour of the day, in the location's local time, over the history before today: gyms repeat weekly.
 * Today's level is Σ observed ÷ Σ baseline over today's samples so far (those whose quarter hour
 * has a baseline), clamped to [{@link #MIN_LEVEL}, {@link #MAX_LEVEL}] so one odd morning cannot
 * triple a forecast; without usable samples today it is 1. Each point is baseline × level, clamped
 * to [0, capacity]. Quarter hours without history get no point; if none has history the result is
 * {@link Forecast#NOT_ENOUGH_HISTORY}. How good this is shows in {@link #meanAbsoluteError}.
 */
public final class OccupancyForecast {

  public static final Duration STEP = Duration.ofMinutes(15);
  public static final Duration HORIZON = Duration.ofHours(2);

  /** Today may run at half the usual level, e.g. a holiday, but we do not forecast less. */
  public static final double MIN_LEVEL = 0.5;

  /** Nor more than twice the usual level: beyond that the history says little anyway. */
  public static final double MAX_LEVEL = 2.0;

  private static final int STEP_MINUTES = (int) STEP.toMinutes();

  private final ZoneId zone;
  private final double capacity;

  public OccupancyForecast(ZoneId zone, double capacity) {
    this.zone = Inputs.required(zone, "location zone");
    this.capacity = Inputs.positive(capacity, "location capacity");
  }

  /**
   * @param history samples of this location, any order, including today's up to {@code now}
   * @param now the forecast covers the quarter hours starting after it, up to {@link #HORIZON}
   */
  public Forecast forecast(List<OccupancySample> history, Instant now) {
    Inputs.required(history, "occupancy history");
    Inputs.required(now, "forecast time");
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant startOfToday = today.atStartOfDay(zone).toInstant();
    Map<Slot, Mean> baseline = new HashMap<>();
    for (OccupancySample sample : history) {
      Inputs.required(sample, "occupancy sample");
      if (sample.at().isBefore(startOfToday)) {
        baseline.computeIfAbsent(slotOf(sample.at()), slot -> new Mean()).add(sample.occupancy());
      }
    }
    if (baseline.isEmpty()) {
      return Forecast.NOT_ENOUGH_HISTORY;
    }
    double level = todaysLevel(history, baseline, startOfToday, now);
    List<ForecastPoint> points = new ArrayList<>();
    Instant step = quarterHourStart(now);
    for (long k = 1; k <= HORIZON.dividedBy(STEP); k++) {
      Instant at = step.plus(STEP.multipliedBy(k));
      Mean usual = baseline.get(slotOf(at));
      if (usual != null) {
        points.add(new ForecastPoint(at, Math.min(capacity, usual.value() * level)));
      }
    }
    return points.isEmpty() ? Forecast.NOT_ENOUGH_HISTORY : new Forecast(points, level);
  }

  /**
   * Mean of |forecast − actual| over the forecast points that have actual samples in their quarter
   * hour (the actual being the mean of those samples); empty when none has.
   */
  public static OptionalDouble meanAbsoluteError(
      List<ForecastPoint> pastForecasts, List<OccupancySample> actuals) {
    Inputs.required(pastForecasts, "past forecasts");
    Inputs.required(actuals, "actual occupancy");
    Map<Instant, Mean> actualByQuarter = new HashMap<>();
    for (OccupancySample sample : actuals) {
      Inputs.required(sample, "occupancy sample");
      actualByQuarter
          .computeIfAbsent(quarterHourStart(sample.at()), q -> new Mean())
          .add(sample.occupancy());
    }
    Mean error = new Mean();
    for (ForecastPoint point : pastForecasts) {
      Mean actual = actualByQuarter.get(Inputs.required(point, "forecast point").at());
      if (actual != null) {
        error.add(Math.abs(point.occupancy() - actual.value()));
      }
    }
    return error.count == 0 ? OptionalDouble.empty() : OptionalDouble.of(error.value());
  }

  private double todaysLevel(
      List<OccupancySample> history, Map<Slot, Mean> baseline, Instant startOfToday, Instant now) {
    double observed = 0;
    double usual = 0;
    for (OccupancySample sample : history) {
      if (!sample.at().isBefore(startOfToday) && !sample.at().isAfter(now)) {
        Mean mean = baseline.get(slotOf(sample.at()));
        if (mean != null) {
          observed += sample.occupancy();
          usual += mean.value();
        }
      }
    }
    if (usual == 0) {
      return 1;
    }
    return Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, observed / usual));
  }

  private Slot slotOf(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    return new Slot(
        local.getDayOfWeek().getValue(), local.get(ChronoField.MINUTE_OF_DAY) / STEP_MINUTES);
  }

  /**
   * The quarter hour is taken on the instant timeline: every zone in use today is offset from UTC
   * by a whole number of quarter hours, so this is also the local quarter hour.
   */
  private static Instant quarterHourStart(Instant at) {
    long minute = Math.floorDiv(at.getEpochSecond(), 60);
    return Instant.ofEpochSecond((minute - Math.floorMod(minute, STEP_MINUTES)) * 60);
  }

  private record Slot(int weekday, int quarterOfDay) {}

  private static final class Mean {
    private double sum;
    private long count;

    void add(double value) {
      sum += value;
      count++;
    }

    double value() {
      return sum / count;
    }
  }
}
