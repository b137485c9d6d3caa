package org.avgym.checkin.entity;

import java.time.Instant;
import java.util.List;
import org.avgym.members.entity.CredentialView;
import org.avgym.members.entity.MemberView;
import org.avgym.members.entity.MembershipView;

/**
 * Everything the front desk needs about one member: details, memberships with their freezes,
 * credentials, and the most recent check-ins and visits (newest first).
 */
public record MemberDetail(
    long id,
    String name,
    String email,
    String phone,
    String photoUrl,
    String status,
    Instant createdAt,
    List<MembershipView> memberships,
    List<CredentialView> credentials,
    List<CheckinView> recentCheckins,
    List<VisitView> recentVisits) {

  public static MemberDetail of(
      MemberView member,
      List<MembershipView> memberships,
      List<CredentialView> credentials,
      List<CheckinView> recentCheckins,
      List<VisitView> recentVisits) {
    return new MemberDetail(
        member.id(),
        member.name(),
        member.email(),
        member.phone(),
        member.photoUrl(),
        member.status(),
        member.createdAt(),
        memberships,
        credentials,
        recentCheckins,
        recentVisits);
  }
}
