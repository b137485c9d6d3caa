package org.avgym.members.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.avgym.members.entity.Credential;
import org.avgym.members.entity.CredentialStatus;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.Membership;
import org.avgym.members.entity.MembershipFreeze;
import org.avgym.members.entity.MembershipStatus;
import org.avgym.members.entity.TimelineEntry;

/**
 * A member's history of memberships and credentials, newest first, built from what the database
 * records about them today: when the member signed up, when each membership was sold, renewed or
 * changed, started, was frozen and unfrozen, ended or was cancelled, and when each credential was
 * issued. A credential's block, loss or replacement keeps no time, so it is listed as its state,
 * without one, after everything dated. An audit trail, once AV Gym keeps one, adds its entries here
 * ({@code MemberHistory} is the one place that asks for the timeline).
 */
public final class MemberTimeline {

  private final DateTimeFormatter day;

  public MemberTimeline(ZoneId zone) {
    this.day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
  }

  public List<TimelineEntry> of(
      Member member, List<Membership> memberships, List<Credential> credentials, Instant now) {
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(new TimelineEntry(member.getCreatedAt(), "member", "Signed up", member.getName()));
    Map<Long, Membership> byId =
        memberships.stream().collect(Collectors.toMap(Membership::getId, Function.identity()));
    for (Membership membership : memberships) {
      addMembership(entries, membership, byId, now);
    }
    for (Credential credential : credentials) {
      String what = kind(credential) + " " + credential.getValue();
      entries.add(new TimelineEntry(credential.getIssuedAt(), "credential", "Issued", what));
      if (credential.getStatus() != CredentialStatus.ACTIVE) {
        entries.add(
            new TimelineEntry(
                null,
                "credential",
                switch (credential.getStatus()) {
                  case LOST -> "Marked lost";
                  case REPLACED -> "Replaced";
                  default -> "Blocked";
                },
                what + " (when is not recorded)"));
      }
    }
    entries.sort(
        Comparator.comparing(
                TimelineEntry::at, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .reversed());
    return List.copyOf(entries);
  }

  private void addMembership(
      List<TimelineEntry> entries, Membership membership, Map<Long, Membership> byId, Instant now) {
    String plan = membership.getPlan().getName();
    String term =
        day.format(membership.getStartsAt())
            + " to "
            + (membership.getEndsAt() == null ? "open end" : day.format(membership.getEndsAt()));
    Membership followed =
        membership.getFollowsId() == null ? null : byId.get(membership.getFollowsId());
    String title =
        switch (membership.getOrigin()) {
          case SALE -> "Membership sold";
          case RENEWAL -> "Membership renewed";
          case PLAN_CHANGE -> "Plan changed";
        };
    String detail =
        membership.getOrigin() == Membership.Origin.PLAN_CHANGE && followed != null
            ? followed.getPlan().getName() + " → " + plan + ", " + term
            : plan + ", " + term;
    entries.add(new TimelineEntry(membership.getCreatedAt(), "membership", title, detail));
    if (membership.getStartsAt().isAfter(membership.getCreatedAt())
        && !membership.getStartsAt().isAfter(now)) {
      entries.add(new TimelineEntry(membership.getStartsAt(), "membership", "Started", plan));
    }
    for (MembershipFreeze freeze : membership.getFreezes()) {
      entries.add(
          new TimelineEntry(
              freeze.getFrom(),
              "membership",
              "Frozen",
              plan + (freeze.getReason() == null ? "" : ": " + freeze.getReason())));
      if (freeze.getUntil() != null && !freeze.getUntil().isAfter(now)) {
        entries.add(new TimelineEntry(freeze.getUntil(), "membership", "Unfrozen", plan));
      }
    }
    if (membership.getStatus() == MembershipStatus.CANCELLED) {
      entries.add(new TimelineEntry(membership.getCancelledAt(), "membership", "Cancelled", plan));
    } else if (membership.getEndsAt() != null && !membership.getEndsAt().isAfter(now)) {
      entries.add(new TimelineEntry(membership.getEndsAt(), "membership", "Ended", plan));
    }
  }

  private static String kind(Credential credential) {
    return switch (credential.getKind()) {
      case CARD -> "Card";
      case QR -> "QR code";
      case NFC -> "NFC tag";
    };
  }
}
