package org.avgym.checkin.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the rules look at, gathered by the desk in one place so that the rules stay pure and
 * the same facts always give the same verdict.
 *
 * @param credential the member behind the scanned credential; empty when nobody holds it
 * @param occupancy open visits at the location now
 * @param memberInside the member has an open visit at this location
 * @param lastEntryAtLocation the member's last granted or warned entry at this location
 */
public record CheckinFacts(
    Instant now,
    Direction direction,
    Optional<CredentialFacts> credential,
    List<MembershipFacts> memberships,
    LocationFacts location,
    int occupancy,
    boolean memberInside,
    Optional<Instant> lastEntryAtLocation) {

  public CheckinFacts {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(lastEntryAtLocation, "lastEntryAtLocation");
    memberships = memberships == null ? List.of() : List.copyOf(memberships);
    if (occupancy < 0) {
      throw new IllegalArgumentException("occupancy cannot be negative: " + occupancy);
    }
  }
}
