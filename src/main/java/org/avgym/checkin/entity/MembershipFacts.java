package org.avgym.checkin.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.avgym.locations.entity.WeeklyHours;
import org.avgym.members.entity.FreezePeriod;
import org.avgym.members.entity.Membership;
import org.avgym.members.entity.MembershipFreeze;
import org.avgym.members.entity.MembershipStatus;

/**
 * One membership of the scanning member, as the rules need it.
 *
 * @param start first instant the membership is valid (inclusive)
 * @param end first instant it is no longer valid (exclusive); null for open-ended memberships
 * @param cancelledAt when a cancellation takes effect; null means at once
 * @param allowedLocations location codes this membership admits to; empty admits everywhere
 * @param allowedHours when the membership admits, in the wall-clock time of the location scanned
 */
public record MembershipFacts(
    long membershipId,
    String planName,
    Instant start,
    Instant end,
    MembershipStatus status,
    Instant cancelledAt,
    List<FreezePeriod> freezes,
    Set<String> allowedLocations,
    WeeklyHours allowedHours) {

  public MembershipFacts {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(status, "status");
    freezes = freezes == null ? List.of() : List.copyOf(freezes);
    allowedLocations = allowedLocations == null ? Set.of() : Set.copyOf(allowedLocations);
    allowedHours = allowedHours == null ? WeeklyHours.ALWAYS : allowedHours;
  }

  /** What the check-in rules need to know about a membership. */
  public static MembershipFacts of(Membership membership) {
    return new MembershipFacts(
        membership.getId(),
        membership.getPlan().getName(),
        membership.getStartsAt(),
        membership.getEndsAt(),
        membership.getStatus(),
        membership.getCancelledAt(),
        membership.getFreezes().stream().map(MembershipFreeze::toPeriod).toList(),
        membership.getPlan().getAllowedLocations(),
        membership.getPlan().getAllowedHours());
  }

  public boolean startsAfter(Instant instant) {
    return instant.isBefore(start);
  }

  public boolean endedBy(Instant instant) {
    return end != null && !instant.isBefore(end);
  }

  public boolean cancelledBy(Instant instant) {
    return status == MembershipStatus.CANCELLED
        && (cancelledAt == null || !instant.isBefore(cancelledAt));
  }

  /** Staff may freeze a membership by status alone, without recording a period. */
  public boolean frozenAt(Instant instant) {
    return status == MembershipStatus.FROZEN
        || freezes.stream().anyMatch(freeze -> freeze.covers(instant));
  }

  public boolean admitsAt(String locationCode) {
    return allowedLocations.isEmpty() || allowedLocations.contains(locationCode);
  }
}
