package org.avgym.checkin.entity;

import java.time.ZoneId;
import java.util.Objects;
import org.avgym.locations.entity.WeeklyHours;

/**
 * The location a device stands at. Hours are wall-clock times in the location's own zone, which is
 * why the zone travels with them.
 *
 * @param capacity the most people counted inside at once; 0 means unlimited
 * @param closed staff closed the location regardless of its opening hours
 */
public record LocationFacts(
    String code, ZoneId zone, int capacity, WeeklyHours openingHours, boolean closed) {

  public LocationFacts {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(openingHours, "openingHours");
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be 0 (unlimited) or more: " + capacity);
    }
  }
}
