package org.avgym.members.entity;

import java.util.List;

/** A membership plan as the API shows it; no allowed locations means every location. */
public record PlanView(
    long id,
    String name,
    int durationDays,
    String allowedHours,
    List<String> allowedLocations,
    boolean active) {

  public static PlanView of(MembershipPlan plan) {
    return new PlanView(
        plan.getId(),
        plan.getName(),
        plan.getDurationDays(),
        plan.getAllowedHoursText(),
        plan.getAllowedLocations().stream().sorted().toList(),
        plan.isActive());
  }
}
