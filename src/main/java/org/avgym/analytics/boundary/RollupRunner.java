package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.avgym.analytics.control.ClusterAggregator;
import org.avgym.analytics.control.EventsByType;
import org.avgym.analytics.entity.Aggregate;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Period;
import org.avgym.analytics.entity.Rollup;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rolls one period up in one transaction: deletes the period's rows, then aggregates the samples of
 * every instance per metric and subject (count, sum, min, max, avg, p95; see {@link
 * ClusterAggregator}), events per category and type and check-ins per location, and inserts the
 * rows. A re-run replaces, never doubles.
 */
@Stateless
public class RollupRunner {

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "avgym.analytics.sample-interval-ms", defaultValue = "10000")
  long sampleIntervalMs;

  /** Returns the number of roll-up rows the period now has. */
  public int run(Period period, Instant start) {
    Instant end = period.next(start);
    em.createQuery("delete from Rollup r where r.period = :period and r.start = :start")
        .setParameter("period", period)
        .setParameter("start", start)
        .executeUpdate();
    List<Rollup> rows = new ArrayList<>();
    try (Stream<Object[]> samples =
        em.createQuery(
                "select s.metric, s.subject, s.instance, s.at, s.value from MetricSample s"
                    + " where s.at >= :start and s.at < :end order by s.metric, s.subject",
                Object[].class)
            .setParameter("start", start)
            .setParameter("end", end)
            .setHint("org.hibernate.fetchSize", 1000)
            .getResultStream()) {
      String metric = null;
      String subject = null;
      ClusterAggregator aggregator = null;
      for (Object[] row : (Iterable<Object[]>) samples::iterator) {
        if (!Objects.equals(row[0], metric) || !Objects.equals(row[1], subject)) {
          addRow(rows, period, start, metric, subject, aggregator);
          metric = (String) row[0];
          subject = (String) row[1];
          aggregator = new ClusterAggregator(metric, sampleIntervalMs);
        }
        aggregator.add((String) row[2], (Instant) row[3], ((Number) row[4]).doubleValue());
      }
      addRow(rows, period, start, metric, subject, aggregator);
    }
    countEvents(rows, period, start, end);
    em.createNativeQuery(
            "SELECT l.code, COUNT(*) FROM checkin c JOIN location l ON l.id = c.location_id"
                + " WHERE c.server_time >= ?1 AND c.server_time < ?2 AND c.direction = 'IN'"
                + " GROUP BY l.code")
        .setParameter(1, start)
        .setParameter(2, end)
        .getResultList()
        .forEach(
            r -> {
              Object[] row = (Object[]) r;
              rows.add(countRow(period, start, "checkins", (String) row[0], row[1]));
            });
    rows.forEach(em::persist);
    return rows.size();
  }

  /**
   * Event counts per category and type ({@code events.CATEGORY}, subject the type), per category
   * ({@code events}, subject the category) and in all ({@code events}, subject {@code ""}, written
   * even for none: it marks the period as rolled up for {@link EventsByType}).
   */
  private void countEvents(List<Rollup> rows, Period period, Instant start, Instant end) {
    Map<String, Long> perCategory = new TreeMap<>();
    long total = 0;
    for (Object[] row :
        em.createQuery(
                "select e.category, e.type, count(e) from AnalyticsEvent e where e.at >= :start"
                    + " and e.at < :end group by e.category, e.type",
                Object[].class)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList()) {
      EventCategory category = (EventCategory) row[0];
      long n = ((Number) row[2]).longValue();
      rows.add(countRow(period, start, EventsByType.typeMetric(category), (String) row[1], n));
      perCategory.merge(category.name(), n, Long::sum);
      total += n;
    }
    perCategory.forEach(
        (category, n) -> rows.add(countRow(period, start, EventsByType.EVENTS, category, n)));
    rows.add(countRow(period, start, EventsByType.EVENTS, EventsByType.TOTAL_SUBJECT, total));
  }

  private static void addRow(
      List<Rollup> rows,
      Period period,
      Instant start,
      String metric,
      String subject,
      ClusterAggregator aggregator) {
    if (aggregator != null && aggregator.count() > 0) {
      rows.add(new Rollup(period, start, metric, subject, aggregator.result()));
    }
  }

  /** A count as a roll-up: count, and the same number as sum, min, max, avg and p95. */
  private static Rollup countRow(
      Period period, Instant start, String metric, String subject, Object count) {
    long n = ((Number) count).longValue();
    return new Rollup(period, start, metric, subject, new Aggregate(n, n, n, n, n, n));
  }

  public List<org.avgym.analytics.entity.RollupView> list(
      Period period, String metric, Instant from, Instant to) {
    return em
        .createQuery(
            "select r from Rollup r where r.period = :period and r.start >= :from"
                + " and r.start < :to and (:metric is null or r.metric = :metric)"
                + " order by r.start, r.metric, r.subject",
            Rollup.class)
        .setParameter("period", period)
        .setParameter("metric", metric)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(10_000)
        .getResultList()
        .stream()
        .map(Rollup::view)
        .toList();
  }
}
