package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.avgym.analytics.control.HourlySeries;
import org.avgym.analytics.control.TrendDetector;
import org.avgym.analytics.entity.Period;
import org.avgym.analytics.entity.Range;
import org.avgym.analytics.entity.RollupView;
import org.avgym.analytics.entity.Sample;
import org.avgym.analytics.entity.TimePoint;
import org.avgym.analytics.entity.TrendResult;

/**
 * A metric over one of the tabs' ranges, for charts and trends. Short ranges are raw samples; the
 * long ones (24 h, 7 d) are one point per hour over the whole range (roll-ups, or raw samples
 * averaged per hour where no roll-up exists yet), so no range is cut to its newest samples.
 */
@Stateless
public class MetricSeries {

  /** Raw samples read for a short range at most (1 h and 6 h at the 10 s interval hold 2,160). */
  static final int MAX_RAW = 5000;

  @PersistenceContext EntityManager em;
  @Inject AnalyticsStore store;
  @Inject RollupRunner rollups;

  /** One point per hour with data in {@code [from, to)}, oldest first. */
  public List<TimePoint> hourly(String metric, String instance, Instant from, Instant to) {
    return hourly(metric, "", instance, from, to);
  }

  /**
   * One point per hour of the metric's {@code subject} ("" for the metric as a whole) in {@code
   * [from, to)}, oldest first; raw samples of {@code instance}, or of every instance when null.
   */
  public List<TimePoint> hourly(
      String metric, String subject, String instance, Instant from, Instant to) {
    Map<Instant, Double> rolledUp = new HashMap<>();
    for (RollupView r : rollups.list(Period.HOUR, metric, Period.HOUR.startOf(from), to)) {
      if (r.subject().equals(subject)) {
        rolledUp.put(r.start(), r.avg());
      }
    }
    Map<Instant, HourlySeries.RawHour> raw = new HashMap<>();
    var query =
        em.createNativeQuery(
                "SELECT DATE_TRUNC('hour', s.sample_time), SUM(s.metric_value), COUNT(*)"
                    + " FROM metric_sample s WHERE s.metric = ?1 AND s.subject = ?2"
                    + (instance == null ? "" : " AND s.instance = ?5")
                    + " AND s.sample_time >= ?3 AND s.sample_time < ?4"
                    + " GROUP BY DATE_TRUNC('hour', s.sample_time)")
            .setParameter(1, metric)
            .setParameter(2, subject)
            .setParameter(3, from)
            .setParameter(4, to);
    if (instance != null) {
      query.setParameter(5, instance);
    }
    for (Object r : query.getResultList()) {
      Object[] row = (Object[]) r;
      raw.merge(
          GymAnalytics.instant(row[0]),
          new HourlySeries.RawHour(((Number) row[1]).doubleValue(), ((Number) row[2]).longValue()),
          HourlySeries.RawHour::plus);
    }
    return HourlySeries.merge(rolledUp, raw);
  }

  /**
   * The metric over the range ending {@code now}, oldest first, at most about {@code maxPoints}:
   * for a long range, hourly points up to the last hour and this instance's raw samples after.
   */
  public List<TimePoint> chart(
      String metric, String instance, Range range, Instant now, int maxPoints) {
    return chart(metric, "", instance, range, now, maxPoints);
  }

  /**
   * The metric's {@code subject} (a pool's health, say) over the range, as {@link #chart(String,
   * String, Range, Instant, int)}; {@code instance} null takes every instance's samples, so a
   * subject whose work moved between instances stays one line.
   */
  public List<TimePoint> chart(
      String metric, String subject, String instance, Range range, Instant now, int maxPoints) {
    Instant from = now.minus(range.length());
    List<TimePoint> points = new ArrayList<>();
    Instant rawFrom = from;
    if (range.fromRollups()) {
      rawFrom = now.minus(java.time.Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
      points.addAll(hourly(metric, subject, instance, from, rawFrom));
    }
    List<Sample> samples = store.samples(metric, subject, instance, rawFrom, now, MAX_RAW);
    int step = Math.max(1, samples.size() / Math.max(1, maxPoints - points.size()));
    for (int i = 0; i < samples.size(); i += step) {
      points.add(new TimePoint(samples.get(i).at(), samples.get(i).value()));
    }
    return points;
  }

  /**
   * This instance's samples of the metric newer than {@code after} up to {@code now}, oldest first,
   * at most {@code max} (the newest): what a chart drawn up to {@code after} lacks.
   */
  public List<TimePoint> after(
      String metric, String instance, Instant after, Instant now, int max) {
    return store.samples(metric, "", instance, after.plusMillis(1), now, max).stream()
        .map(s -> new TimePoint(s.at(), s.value()))
        .toList();
  }

  /** The points a trend over the range is judged on: hourly for a long range, else raw. */
  public List<TimePoint> trendPoints(String metric, String instance, Range range, Instant now) {
    Instant from = now.minus(range.length());
    if (range.fromRollups()) {
      return hourly(metric, instance, from, now);
    }
    return store.samples(metric, "", instance, from, now, MAX_RAW).stream()
        .map(s -> new TimePoint(s.at(), s.value()))
        .toList();
  }

  public TrendResult trend(String metric, String instance, Range range, Instant now) {
    return trendOf(trendPoints(metric, instance, range, now));
  }

  /** The direction of {@link #trendPoints}; flat for fewer than two. */
  public static TrendResult trendOf(List<TimePoint> points) {
    return points.size() < 2 ? TrendResult.FLAT : new TrendDetector().detect(points);
  }
}
