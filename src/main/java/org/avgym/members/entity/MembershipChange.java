package org.avgym.members.entity;

import java.time.Instant;

/**
 * A membership to sell, renew or move to another plan, as the desk asks for it: a sale names the
 * member, a renewal or plan change the membership it follows. {@code planId} is the plan of the new
 * membership (a renewal without one keeps the plan); {@code startsAt} when it starts.
 */
public record MembershipChange(
    Membership.Origin origin, Long memberId, Long membershipId, Long planId, Instant startsAt) {

  public static MembershipChange sale(Long memberId, Long planId, Instant startsAt) {
    return new MembershipChange(Membership.Origin.SALE, memberId, null, planId, startsAt);
  }

  public static MembershipChange renewal(long membershipId, Long planId, Instant startsAt) {
    return new MembershipChange(Membership.Origin.RENEWAL, null, membershipId, planId, startsAt);
  }

  public static MembershipChange planChange(long membershipId, Long planId, Instant startsAt) {
    return new MembershipChange(
        Membership.Origin.PLAN_CHANGE, null, membershipId, planId, startsAt);
  }
}
