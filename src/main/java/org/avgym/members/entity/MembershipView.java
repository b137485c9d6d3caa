package org.avgym.members.entity;

import java.time.Instant;
import java.util.List;
import org.avgym.platform.control.Fields;

/**
 * A membership with its freezes, as the API shows it; {@code origin} says whether it was sold,
 * renewed or a change of plan, {@code followsId} the membership it renewed or changed.
 */
public record MembershipView(
    long id,
    long memberId,
    long planId,
    String plan,
    Instant startsAt,
    Instant endsAt,
    String status,
    Instant cancelledAt,
    List<Freeze> freezes,
    String origin,
    Long followsId) {

  /** A freeze period; {@code until} is exclusive, absent while open-ended. */
  public record Freeze(long id, Instant from, Instant until, String reason) {}

  public static MembershipView of(Membership membership) {
    return new MembershipView(
        membership.getId(),
        membership.getMember().getId(),
        membership.getPlan().getId(),
        membership.getPlan().getName(),
        membership.getStartsAt(),
        membership.getEndsAt(),
        Fields.wire(membership.getStatus()),
        membership.getCancelledAt(),
        membership.getFreezes().stream()
            .map(f -> new Freeze(f.getId(), f.getFrom(), f.getUntil(), f.getReason()))
            .toList(),
        Fields.wire(membership.getOrigin()),
        membership.getFollowsId());
  }
}
