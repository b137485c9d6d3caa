package org.avgym.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Period;

/**
 * Event counts by type over a range without counting every raw event: whole hours that the hourly
 * roll-up covers are read from it (one row per category and type per hour), and only the rest from
 * {@code analytics_event}: the partial first and last hours, the current hour, and any hour not
 * rolled up (yet, or ever, e.g. before the first roll-up).
 *
 * <p>An hour counts as covered when its roll-up wrote the {@link #TOTAL_SUBJECT} marker row (every
 * HOUR run does, even for no events) and the hour is not after the lock row's {@code
 * last_completed}: the timer only completes hours that ended a while ago, whereas an admin's re-run
 * of the current hour would hold a partial count. The roll-up writes the per-type rows and the
 * marker in one transaction, so a covered hour's rows are complete.
 *
 * <p>The SQL is shared with {@code AnalyticsBench}, which must time what the server runs.
 */
public final class EventsByType {

  /** The metric of the per-category event counts, and of the all-events marker row. */
  public static final String EVENTS = "events";

  /** The subject of the marker row: all events of the hour, written even when there were none. */
  public static final String TOTAL_SUBJECT = "";

  /** Types shown at most, the most frequent first. */
  public static final int TOP = 20;

  /** Beyond this many queries (a range full of holes) the whole range is counted raw instead. */
  static final int MAX_SPANS = 12;

  /** Hour starts in [?1, ?2) that the hourly roll-up covers. */
  public static final String COVERED_HOURS_SQL =
      "SELECT period_start FROM rollup WHERE period = 'HOUR' AND metric = '"
          + EVENTS
          + "' AND subject = '"
          + TOTAL_SUBJECT
          + "' AND period_start >= ?1 AND period_start < ?2 AND period_start <="
          + " (SELECT last_completed FROM scheduler_lock WHERE name = 'rollup-HOUR')";

  /** Counts per type from the hourly roll-ups of [?1, ?2), metric LIKE ?3 ({@link #metrics}). */
  public static final String ROLLUP_SQL =
      "SELECT subject, SUM(value_count) FROM rollup WHERE period = 'HOUR' AND period_start >= ?1"
          + " AND period_start < ?2 AND metric LIKE ?3 GROUP BY subject";

  /** Counts per type from the raw events of [?1, ?2), category LIKE ?3 ({@link #categories}). */
  public static final String EVENTS_SQL =
      "SELECT event_type, COUNT(*) FROM analytics_event WHERE event_time >= ?1"
          + " AND event_time < ?2 AND category LIKE ?3 GROUP BY event_type";

  private static final Duration HOUR = Period.HOUR.length();

  private EventsByType() {}

  /** A half-open time span [from, to). */
  public record Span(Instant from, Instant to) {}

  /** Which spans to read from the roll-ups and which from the raw events. */
  public record Plan(List<Span> rollups, List<Span> events) {}

  /** The roll-up metric of one category's per-type counts, e.g. {@code events.CONNECTION}. */
  public static String typeMetric(EventCategory category) {
    return EVENTS + "." + Inputs.required(category, "category").name();
  }

  /** {@link #ROLLUP_SQL}'s third parameter: one category's metric, or all of them. */
  public static String metrics(EventCategory category) {
    return category == null ? EVENTS + ".%" : typeMetric(category);
  }

  /** {@link #EVENTS_SQL}'s third parameter: one category, or all. */
  public static String categories(EventCategory category) {
    return category == null ? "%" : category.name();
  }

  /** The first whole hour in a range starting at {@code from}. */
  public static Instant firstWholeHour(Instant from) {
    Instant start = Period.HOUR.startOf(from);
    return start.equals(from) ? start : start.plus(HOUR);
  }

  /** The end of the last whole hour in a range ending at {@code to}. */
  public static Instant wholeHoursEnd(Instant to) {
    return Period.HOUR.startOf(to);
  }

  /** Splits [from, to) given the covered hour starts (any order; others are ignored). */
  public static Plan plan(Instant from, Instant to, Collection<Instant> coveredHours) {
    Inputs.required(from, "from");
    Inputs.required(to, "to");
    if (!from.isBefore(to)) {
      return new Plan(List.of(), List.of());
    }
    Instant first = firstWholeHour(from);
    Instant end = wholeHoursEnd(to);
    List<Span> rollups = new ArrayList<>();
    List<Span> events = new ArrayList<>();
    Instant rawFrom = from;
    for (Instant hour : new TreeSet<>(Inputs.required(coveredHours, "covered hours"))) {
      if (hour.isBefore(first) || !hour.isBefore(end) || !Period.HOUR.startOf(hour).equals(hour)) {
        continue;
      }
      Span last = rollups.isEmpty() ? null : rollups.get(rollups.size() - 1);
      if (last != null && last.to().equals(hour)) {
        rollups.set(rollups.size() - 1, new Span(last.from(), hour.plus(HOUR)));
      } else {
        rollups.add(new Span(hour, hour.plus(HOUR)));
      }
      if (rawFrom.isBefore(hour)) {
        events.add(new Span(rawFrom, hour));
      }
      rawFrom = hour.plus(HOUR);
    }
    if (rawFrom.isBefore(to)) {
      events.add(new Span(rawFrom, to));
    }
    if (rollups.size() + events.size() > MAX_SPANS) {
      return new Plan(List.of(), List.of(new Span(from, to)));
    }
    return new Plan(List.copyOf(rollups), List.copyOf(events));
  }

  /** Adds up the parts' counts per type; the {@code limit} most frequent, ties by name. */
  public static Map<String, Long> top(List<Map<String, Long>> parts, int limit) {
    Map<String, Long> sums = new HashMap<>();
    parts.forEach(part -> part.forEach((type, n) -> sums.merge(type, n, Long::sum)));
    Map<String, Long> top = new LinkedHashMap<>();
    sums.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }
}
