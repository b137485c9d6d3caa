package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The samples of one metric (all subjects when {@code subject} is null), oldest first. */
  public List<Sample> samples(String metric, String subject, Instant from, Instant to, int max) {
    List<Sample> newestFirst =
        em
            .createQuery(
                "select s from MetricSample s where s.metric = :metric"
                    + " and (:subject is null or s.subject = :subject)"
                    + " and s.at >= :from and s.at < :to order by s.at desc",
                MetricSample.class)
            .setParameter("metric", metric)
            .setParameter("subject", subject)
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

  /** Event counts by type within a range, optionally of one category, biggest first. */
  public Map<String, Long> eventsByType(EventCategory category, Instant from, Instant to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    em.createQuery(
            "select e.type, count(e) from AnalyticsEvent e where e.at >= :from and e.at < :to"
                + " and (:category is null or e.category = :category)"
                + " group by e.type order by count(e) desc",
            Object[].class)
        .setParameter("from", from)
        .setParameter("to", to)
        .setParameter("category", category)
        .setMaxResults(20)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
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
}
