package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.avgym.analytics.control.EventsByType;
import org.avgym.analytics.entity.AnalyticsEvent;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.MetricSample;
import org.avgym.analytics.entity.Sample;
import org.avgym.analytics.entity.TrackedEvent;

/** Writes events and samples in batches, reads them back by time range, and deletes old ones. */
@Stateless
public class AnalyticsStore {

  @PersistenceContext EntityManager em;

  public void persistEvents(List<TrackedEvent> events) {
    for (TrackedEvent event : events) {
      em.persist(new AnalyticsEvent(event));
    }
  }

  public void persistSamples(List<Sample> samples) {
    for (Sample sample : samples) {
      em.persist(new MetricSample(sample));
    }
  }

  /** Deletes events and samples older than {@code cutoff}; returns how many rows went. */
  public int deleteBefore(Instant cutoff) {
    int events =
        em.createQuery("delete from AnalyticsEvent e where e.at < :cutoff")
            .setParameter("cutoff", cutoff)
            .executeUpdate();
    int samples =
        em.createQuery("delete from MetricSample s where s.at < :cutoff")
            .setParameter("cutoff", cutoff)
            .executeUpdate();
    return events + samples;
  }

  /**
   * The samples of one metric, oldest first: of all subjects when {@code subject} is null, of all
   * instances when {@code instance} is null.
   */
  public List<Sample> samples(
      String metric, String subject, String instance, Instant from, Instant to, int max) {
    List<Sample> newestFirst =
        em
            .createQuery(
                "select s from MetricSample s where s.metric = :metric"
                    + " and (:subject is null or s.subject = :subject)"
                    + " and (:instance is null or s.instance = :instance)"
                    + " and s.at >= :from and s.at < :to order by s.at desc",
                MetricSample.class)
            .setParameter("metric", metric)
            .setParameter("subject", subject)
            .setParameter("instance", instance)
            .setParameter("from", from)
            .setParameter("to", to)
            .setMaxResults(max)
            .getResultList()
            .stream()
            .map(MetricSample::view)
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * Event counts by type within a range, optionally of one category, the {@link EventsByType#TOP}
   * most frequent first: whole rolled-up hours from the hourly roll-ups, the rest from the events
   * (see {@link EventsByType}). Equal to counting the raw events, as long as these are kept.
   */
  public Map<String, Long> eventsByType(EventCategory category, Instant from, Instant to) {
    List<Instant> covered =
        ((List<?>)
                em.createNativeQuery(EventsByType.COVERED_HOURS_SQL, Instant.class)
                    .setParameter(1, EventsByType.firstWholeHour(from))
                    .setParameter(2, EventsByType.wholeHoursEnd(to))
                    .getResultList())
            .stream().map(Instant.class::cast).toList();
    EventsByType.Plan plan = EventsByType.plan(from, to, covered);
    List<Map<String, Long>> parts = new ArrayList<>();
    for (EventsByType.Span span : plan.rollups()) {
      parts.add(counts(EventsByType.ROLLUP_SQL, span, EventsByType.metrics(category)));
    }
    for (EventsByType.Span span : plan.events()) {
      parts.add(counts(EventsByType.EVENTS_SQL, span, EventsByType.categories(category)));
    }
    return EventsByType.top(parts, EventsByType.TOP);
  }

  private Map<String, Long> counts(String sql, EventsByType.Span span, String pattern) {
    Map<String, Long> counts = new HashMap<>();
    for (Object row :
        em.createNativeQuery(sql)
            .setParameter(1, span.from())
            .setParameter(2, span.to())
            .setParameter(3, pattern)
            .getResultList()) {
      Object[] columns = (Object[]) row;
      counts.put((String) columns[0], ((Number) columns[1]).longValue());
    }
    return counts;
  }

  public long countEvents(String type, Instant from, Instant to) {
    return em.createQuery(
            "select count(e) from AnalyticsEvent e where e.type = :type and e.at >= :from"
                + " and e.at < :to",
            Long.class)
        .setParameter("type", type)
        .setParameter("from", from)
        .setParameter("to", to)
        .getSingleResult();
  }

  /** Check-ins per location code in {@code (from, to]}: all of them, and the denied ones. */
  public record LocationCounts(long all, long denied) {}

  public Map<String, LocationCounts> checkinsBetween(Instant from, Instant to) {
    Map<String, LocationCounts> counts = new java.util.HashMap<>();
    List<?> rows =
        em.createNativeQuery(
                "SELECT l.code, COUNT(*), SUM(CASE WHEN c.decision = 'DENIED' THEN 1 ELSE 0 END)"
                    + " FROM checkin c JOIN location l ON l.id = c.location_id"
                    + " WHERE c.server_time > ?1 AND c.server_time <= ?2 GROUP BY l.code")
            .setParameter(1, from)
            .setParameter(2, to)
            .getResultList();
    for (Object row : rows) {
      Object[] values = (Object[]) row;
      counts.put(
          (String) values[0],
          new LocationCounts(
              ((Number) values[1]).longValue(),
              values[2] == null ? 0 : ((Number) values[2]).longValue()));
    }
    return counts;
  }

  /** Enabled devices whose presence ran out, with when it did (device code to instant). */
  public Map<String, Instant> absentDevices(Instant now) {
    Map<String, Instant> absent = new java.util.HashMap<>();
    List<?> rows =
        em.createNativeQuery(
                "SELECT code, present_until FROM device"
                    + " WHERE enabled AND present_until IS NOT NULL AND present_until < ?1",
                Object[].class)
            .setParameter(1, now)
            .getResultList();
    for (Object row : rows) {
      Object[] values = (Object[]) row;
      absent.put((String) values[0], instant(values[1]));
    }
    return absent;
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
