package org.avgym.analytics.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.avgym.analytics.entity.TimePoint;

/**
 * A metric over a long range, one point per hour: the hour's roll-up where one exists (it speaks
 * for the whole cluster), otherwise the mean of the raw samples of that hour. So a 24-hour or 7-day
 * trend covers the whole range, whatever the number of raw samples in it, and stays right for hours
 * the roll-up timer has not reached yet (or missed while the server was down).
 */
public final class HourlySeries {

  /** The raw samples of one hour: their sum and how many there were. */
  public record RawHour(double sum, long count) {
    public RawHour plus(RawHour other) {
      return new RawHour(sum + other.sum, count + other.count);
    }
  }

  private HourlySeries() {}

  /**
   * Points oldest first for every hour that has a roll-up or raw samples. Keys need not be whole
   * hours (they are truncated); a raw hour without samples is left out.
   */
  public static List<TimePoint> merge(Map<Instant, Double> rollups, Map<Instant, RawHour> raw) {
    Inputs.required(rollups, "hourly roll-ups");
    Inputs.required(raw, "raw hours");
    Map<Instant, Double> hours = new TreeMap<>();
    Map<Instant, RawHour> rawByHour = new TreeMap<>();
    raw.forEach(
        (at, hour) -> {
          if (hour.count() > 0) {
            rawByHour.merge(at.truncatedTo(ChronoUnit.HOURS), hour, RawHour::plus);
          }
        });
    rawByHour.forEach((hour, r) -> hours.put(hour, r.sum() / r.count()));
    rollups.forEach((at, avg) -> hours.put(at.truncatedTo(ChronoUnit.HOURS), avg));
    List<TimePoint> points = new ArrayList<>(hours.size());
    hours.forEach((hour, value) -> points.add(new TimePoint(hour, value)));
    return points;
  }
}
