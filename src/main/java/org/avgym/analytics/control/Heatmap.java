package org.avgym.analytics.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.avgym.analytics.entity.HeatmapCell;

/**
 * Visits per hour of day and weekday for one location, counted in the location's own time zone so
 * that "Monday 18:00" means the evening rush there, whatever the server's zone or DST.
 */
public final class Heatmap {

  public static final int DAYS = 7;
  public static final int HOURS = 24;

  private final long[][] counts = new long[DAYS][HOURS];

  private Heatmap() {}

  public static Heatmap of(Collection<Instant> checkIns, ZoneId zone) {
    Inputs.required(checkIns, "check-in times");
    Inputs.required(zone, "location zone");
    Heatmap heatmap = empty();
    for (Instant checkIn : checkIns) {
      heatmap.add(checkIn, zone, 1);
    }
    return heatmap;
  }

  /** A heat map with no visits yet, to {@link #add} to. */
  public static Heatmap empty() {
    return new Heatmap();
  }

  /**
   * Counts {@code visits} at the local weekday and hour of {@code at} in {@code zone}: each
   * location's check-ins on its own clock.
   */
  public Heatmap add(Instant at, ZoneId zone, long visits) {
    ZonedDateTime local =
        Inputs.required(at, "check-in time").atZone(Inputs.required(zone, "location zone"));
    counts[local.getDayOfWeek().ordinal()][local.getHour()] += visits;
    return this;
  }

  public long visits(DayOfWeek day, int hour) {
    Inputs.required(day, "weekday");
    if (hour < 0 || hour >= HOURS) {
      throw new IllegalArgumentException("hour must be 0 to 23, was " + hour);
    }
    return counts[day.ordinal()][hour];
  }

  public long total() {
    long total = 0;
    for (long[] day : counts) {
      for (long count : day) {
        total += count;
      }
    }
    return total;
  }

  /** All 168 cells, Monday 00:00 first, for the chart. */
  public List<HeatmapCell> cells() {
    List<HeatmapCell> cells = new ArrayList<>(DAYS * HOURS);
    for (DayOfWeek day : DayOfWeek.values()) {
      for (int hour = 0; hour < HOURS; hour++) {
        cells.add(new HeatmapCell(day, hour, counts[day.ordinal()][hour]));
      }
    }
    return cells;
  }

  /**
   * The {@code n} busiest hours of the week, busiest first; equal counts in week order. Hours
   * without visits are never peaks, so fewer than {@code n} may come back.
   */
  public List<HeatmapCell> peakHours(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("number of peak hours must not be negative, was " + n);
    }
    return cells().stream()
        .filter(cell -> cell.visits() > 0)
        .sorted(Comparator.comparingLong(HeatmapCell::visits).reversed())
        .limit(n)
        .toList();
  }
}
