package org.avgym.members.entity;

import java.time.Instant;
import java.util.List;

/**
 * A membership's term and what it admits to: where ({@code locations}, empty meaning every
 * location) and when ({@code hours}, in the weekly-hours text form, "*" meaning whenever open).
 */
public record Term(
    String plan, Instant startsAt, Instant endsAt, List<String> locations, String hours) {

  public static Term of(MembershipPlan plan, Instant startsAt, Instant endsAt) {
    return new Term(
        plan.getName(),
        startsAt,
        endsAt,
        plan.getAllowedLocations().stream().sorted().toList(),
        plan.getAllowedHoursText());
  }
}
