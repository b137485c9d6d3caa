package org.avgym.checkin.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.avgym.checkin.entity.OccupancyChanged;
import org.avgym.checkin.entity.Visit;
import org.avgym.locations.entity.Location;
import org.avgym.platform.entity.Failure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Closes visits that outlasted the longest plausible stay (a member who left without scanning out),
 * so occupancy does not creep up. Each location is locked like a check-in, and its new occupancy
 * goes out like a check-in's ({@link OccupancyChanged}: the live channel and the pools).
 */
@Singleton
public class VisitTimeouts {

  private static final Logger LOG = Logger.getLogger(VisitTimeouts.class.getName());

  @PersistenceContext EntityManager em;

  @Inject Event<OccupancyChanged> occupancy;

  @Inject
  @ConfigProperty(name = "avgym.checkin.longest-stay-minutes", defaultValue = "240")
  long longestStayMinutes;

  @Schedule(minute = "*", hour = "*", persistent = false)
  public void closeOverdueVisits() {
    try {
      closeOverdue();
    } catch (RuntimeException e) {
      Failure.report(Failure.TIMER_FAILED, "visit timeouts", Failure.describe(e));
      throw e;
    }
  }

  private void closeOverdue() {
    Instant cutoff = Instant.now().minus(Duration.ofMinutes(longestStayMinutes));
    List<Long> locations =
        em.createQuery(
                "select distinct v.locationId from Visit v where v.outAt is null and v.inAt < :cutoff",
                Long.class)
            .setParameter("cutoff", cutoff)
            .getResultList();
    for (Long locationId : locations) {
      Location location = em.find(Location.class, locationId, LockModeType.PESSIMISTIC_WRITE);
      List<Visit> overdue =
          em.createQuery(
                  "select v from Visit v where v.locationId = :location and v.outAt is null"
                      + " and v.inAt < :cutoff",
                  Visit.class)
              .setParameter("location", locationId)
              .setParameter("cutoff", cutoff)
              .getResultList();
      Instant now = Instant.now();
      overdue.forEach(v -> v.close(now, Visit.ClosedBy.TIMEOUT));
      location.leave(overdue.size());
      if (!overdue.isEmpty()) {
        occupancy.fire(
            new OccupancyChanged(
                location.getCode(), location.getOccupancy(), location.getCapacity(), now));
      }
      LOG.info(
          () ->
              "Closed "
                  + overdue.size()
                  + " visits at "
                  + location.getCode()
                  + " after "
                  + longestStayMinutes
                  + " minutes without a check-out");
    }
  }
}
