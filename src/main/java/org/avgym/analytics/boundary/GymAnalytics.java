package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.avgym.analytics.control.Heatmap;

/**
 * What the check-ins say about the gyms: SQL aggregates with parameters only, bucketed by hour in
 * the database and mapped to local weekday and hour here (time zones differ per location).
 */
@Stateless
public class GymAnalytics {

  /** A member who has not come in for a while. */
  public record AbsentMember(long id, String name, Instant lastSeen) {}

  /** Check-ins that started in one hour. */
  public record HourCount(Instant hour, long checkins) {}

  /** The typed cast lets PostgreSQL bind a null location. */
  private static final String ANY_LOCATION = "CAST(?3 AS VARCHAR(32)) IS NULL OR l.code = ?3";

  @PersistenceContext EntityManager em;

  /** Granted or warned check-ins (in) per UTC hour, optionally at one location. */
  public List<HourCount> checkinsPerHour(String location, Instant from, Instant to) {
    Map<Instant, Long> byHour = new TreeMap<>();
    perZoneAndHour(location, from, to)
        .forEach(z -> byHour.merge(z.hour(), z.checkins(), Long::sum));
    List<HourCount> counts = new ArrayList<>();
    byHour.forEach((hour, n) -> counts.add(new HourCount(hour, n)));
    return counts;
  }

  /** Check-ins at locations of one time zone in one UTC hour. */
  private record ZoneHour(String zone, Instant hour, long checkins) {}

  private List<ZoneHour> perZoneAndHour(String location, Instant from, Instant to) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT l.time_zone, DATE_TRUNC('hour', c.server_time) AS h, COUNT(*)"
                    + " FROM checkin c JOIN location l ON l.id = c.location_id"
                    + " WHERE c.server_time >= ?1 AND c.server_time < ?2 AND c.direction = 'IN'"
                    + " AND c.decision <> 'DENIED' AND ("
                    + ANY_LOCATION
                    + ") GROUP BY l.time_zone, DATE_TRUNC('hour', c.server_time)")
            .setParameter(1, from)
            .setParameter(2, to)
            .setParameter(3, location)
            .getResultList();
    List<ZoneHour> result = new ArrayList<>(rows.size());
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      // Truncated again here: a session time zone with a half-hour offset truncates differently.
      result.add(
          new ZoneHour(
              (String) row[0],
              instant(row[1]).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
              ((Number) row[2]).longValue()));
    }
    return result;
  }

  /**
   * Visits per weekday and hour: on {@code zone}'s clock, or, when it is null, each check-in on its
   * own location's (so that "Monday 18:00" is the evening rush at every club of a chain that spans
   * Tokyo and New York).
   */
  public Heatmap heatmap(String location, Instant from, Instant to, ZoneId zone) {
    Heatmap heatmap = Heatmap.empty();
    for (ZoneHour counted : perZoneAndHour(location, from, to)) {
      heatmap.add(
          counted.hour(), zone != null ? zone : ZoneId.of(counted.zone()), counted.checkins());
    }
    return heatmap;
  }

  /** Denied check-ins by reason; a denial with several reasons counts for each. */
  public Map<String, Long> denialsByReason(String location, Instant from, Instant to) {
    Map<String, Long> byReason = new TreeMap<>();
    List<?> rows =
        em.createNativeQuery(
                "SELECT c.reasons, COUNT(*) FROM checkin c JOIN location l ON l.id = c.location_id"
                    + " WHERE c.decision = 'DENIED' AND c.server_time >= ?1 AND c.server_time < ?2"
                    + " AND ("
                    + ANY_LOCATION
                    + ") GROUP BY c.reasons")
            .setParameter(1, from)
            .setParameter(2, to)
            .setParameter(3, location)
            .getResultList();
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      String reasons = (String) row[0];
      long n = ((Number) row[1]).longValue();
      for (String reason :
          reasons == null || reasons.isBlank() ? new String[] {"NONE"} : reasons.split(",")) {
        byReason.merge(reason, n, Long::sum);
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    byReason.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Mean length in minutes of the visits that ended in the range, or 0 without any. */
  public double averageStayMinutes(String location, Instant from, Instant to) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT v.in_at, v.out_at FROM visit v JOIN location l ON l.id = v.location_id"
                    + " WHERE v.out_at IS NOT NULL AND v.out_at >= ?1 AND v.out_at < ?2"
                    + " AND ("
                    + ANY_LOCATION
                    + ")")
            .setParameter(1, from)
            .setParameter(2, to)
            .setParameter(3, location)
            .getResultList();
    double total = 0;
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      total += java.time.Duration.between(instant(row[0]), instant(row[1])).toSeconds();
    }
    return rows.isEmpty() ? 0 : total / rows.size() / 60.0;
  }

  /**
   * Active members whose last admitted check-in is older than {@code days} days, or who never came.
   */
  public List<AbsentMember> notSeenFor(int days, int max) {
    Instant cutoff = Instant.now().minus(java.time.Duration.ofDays(days));
    List<?> rows =
        em.createNativeQuery(
                "SELECT m.id, m.name, MAX(c.server_time) FROM member m"
                    + " LEFT JOIN checkin c ON c.member_id = m.id AND c.decision <> 'DENIED'"
                    + " WHERE m.status = 'ACTIVE' GROUP BY m.id, m.name"
                    + " HAVING MAX(c.server_time) IS NULL OR MAX(c.server_time) < ?1"
                    + " ORDER BY MAX(c.server_time) NULLS FIRST, m.id")
            .setParameter(1, cutoff)
            .setMaxResults(max)
            .getResultList();
    List<AbsentMember> result = new ArrayList<>();
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      result.add(
          new AbsentMember(
              ((Number) row[0]).longValue(),
              (String) row[1],
              row[2] == null ? null : instant(row[2])));
    }
    return result;
  }

  static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime z) {
      return z.toInstant();
    }
    throw new IllegalStateException("not a time: " + value);
  }
}
