package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.avgym.analytics.control.Aggregator;
import org.avgym.analytics.entity.Aggregate;
import org.avgym.analytics.entity.Period;
import org.avgym.analytics.entity.Rollup;

/**
 * Rolls one period up in one transaction: deletes the period's rows, then aggregates the samples
 * per metric and subject (count, sum, min, max, avg, p95), events per category and check-ins per
 * location, and inserts the rows. A re-run replaces, never doubles.
 */
@Stateless
public class RollupRunner {

  @PersistenceContext EntityManager em;

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
                "select s.metric, s.subject, s.value from MetricSample s"
                    + " where s.at >= :start and s.at < :end order by s.metric, s.subject",
                Object[].class)
            .setParameter("start", start)
            .setParameter("end", end)
            .setHint("org.hibernate.fetchSize", 1000)
            .getResultStream()) {
      String metric = null;
      String subject = null;
      Aggregator aggregator = null;
      for (Object[] row : (Iterable<Object[]>) samples::iterator) {
        if (!Objects.equals(row[0], metric) || !Objects.equals(row[1], subject)) {
          addRow(rows, period, start, metric, subject, aggregator);
          metric = (String) row[0];
          subject = (String) row[1];
          aggregator = new Aggregator();
        }
        aggregator.add(((Number) row[2]).doubleValue());
      }
      addRow(rows, period, start, metric, subject, aggregator);
    }
    em.createQuery(
            "select e.category, count(e) from AnalyticsEvent e where e.at >= :start"
                + " and e.at < :end group by e.category",
            Object[].class)
        .setParameter("start", start)
        .setParameter("end", end)
        .getResultList()
        .forEach(row -> rows.add(countRow(period, start, "events", row[0].toString(), row[1])));
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

  private static void addRow(
      List<Rollup> rows,
      Period period,
      Instant start,
      String metric,
      String subject,
      Aggregator aggregator) {
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
