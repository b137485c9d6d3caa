package org.avgym.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.avgym.checkin.boundary.Checkins;
import org.avgym.checkin.entity.Decision;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;

/**
 * Today's check-ins and denials per location for the front desk, each location's "today" in its own
 * time zone. Request scoped: the overview polls it every few seconds and each poll reads afresh.
 */
@Named
@RequestScoped
public class DeskToday {

  /** One location's day so far. */
  public record Row(
      String code,
      String name,
      long checkins,
      long granted,
      long warned,
      long denied,
      int occupancy,
      int capacity,
      boolean closed) {}

  @Inject Locations locations;
  @Inject Checkins checkins;

  private List<Row> rows;

  public List<Row> getRows() {
    if (rows == null) {
      Instant now = Instant.now();
      rows = locations.all().stream().map(l -> row(l, now)).toList();
    }
    return rows;
  }

  public long getTotalCheckins() {
    return getRows().stream().mapToLong(Row::checkins).sum();
  }

  public long getTotalDenied() {
    return getRows().stream().mapToLong(Row::denied).sum();
  }

  private Row row(Location location, Instant now) {
    Instant midnight =
        LocalDate.ofInstant(now, location.getZone()).atStartOfDay(location.getZone()).toInstant();
    Map<Decision, Long> counts = checkins.countByDecision(location.getId(), midnight);
    long granted = counts.getOrDefault(Decision.GRANTED, 0L);
    long warned = counts.getOrDefault(Decision.WARNED, 0L);
    long denied = counts.getOrDefault(Decision.DENIED, 0L);
    return new Row(
        location.getCode(),
        location.getName(),
        granted + warned + denied,
        granted,
        warned,
        denied,
        location.getOccupancy(),
        location.getCapacity(),
        location.isClosed());
  }
}
