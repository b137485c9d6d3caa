package org.avgym.checkin.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.avgym.checkin.entity.CheckinFacts;
import org.avgym.checkin.entity.CredentialFacts;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.LocationFacts;
import org.avgym.checkin.entity.MembershipFacts;
import org.avgym.checkin.entity.ReasonCode;
import org.avgym.checkin.entity.RuleAction;
import org.avgym.checkin.entity.Verdict;

/**
 * Decides a scan from its facts. Pure and thread-safe: the same facts and policy always give the
 * same verdict, which is what lets a replayed request be judged again without surprises.
 *
 * <p>Every failing rule is reported, not just the first, so the desk can tell the member all that
 * needs fixing at once. The decision is DENIED if any reason's action is DENY, WARNED if there are
 * reasons but none denies, GRANTED when there are none.
 *
 * <ul>
 *   <li><b>Credential.</b> An unknown credential gives UNKNOWN_CREDENTIAL; with no member, the
 *       member rules cannot run, but for an entry the location rules (LOCATION_CLOSED,
 *       CAPACITY_FULL) still do. A lost, replaced or blocked credential gives CREDENTIAL_BLOCKED
 *       and the member rules still run.
 *   <li><b>Leaving (OUT).</b> Only UNKNOWN_CREDENTIAL, CREDENTIAL_BLOCKED and NOT_INSIDE (the
 *       member has no open visit here) apply: nobody is kept in for membership or hours reasons.
 *       The visit is closed when the member was inside and the scan is not denied.
 *   <li><b>Memberships (IN).</b> None gives NO_MEMBERSHIP. Otherwise each membership is judged:
 *       MEMBERSHIP_NOT_STARTED before its start (inclusive), MEMBERSHIP_EXPIRED from its end
 *       (exclusive) on, MEMBERSHIP_CANCELLED once a cancellation takes effect, MEMBERSHIP_FROZEN
 *       inside a freeze period or while its status is FROZEN, LOCATION_NOT_ALLOWED when it admits
 *       to other locations only, OUTSIDE_ALLOWED_HOURS when the location's local time is outside
 *       its allowed hours. The member is judged by the best membership: the fewest denying reasons,
 *       then the fewest reasons, then the latest start. Under the default policy every membership
 *       reason denies, so this is simply the fewest reasons; counting denials first keeps a gym
 *       that made a rule a warning from being denied over a membership it would have let in.
 *   <li><b>Location (IN).</b> LOCATION_CLOSED when staff closed it or its local time is outside its
 *       opening hours.
 *   <li><b>Repeat and anti-passback (IN, known member).</b> An entry within the repeat window of
 *       the member's last entry here (either side of it, since replayed scans may arrive out of
 *       order) is REPEAT_SCAN: the same visit, so neither ALREADY_INSIDE nor CAPACITY_FULL, and it
 *       opens no new visit. Otherwise a member already inside gives ALREADY_INSIDE.
 *   <li><b>Capacity (IN).</b> CAPACITY_FULL when the location has a capacity, the occupancy has
 *       reached it, and the scan would add a person (not a repeat, not someone already inside).
 *   <li><b>Counting.</b> An entry opens a visit when it is not denied, not a repeat and the member
 *       is not already inside.
 * </ul>
 *
 * <p>Hours are wall-clock times in the location's zone; instants are converted with java.time, so
 * daylight-saving days need no special care. Membership terms, freezes and the repeat window are
 * instants and durations, independent of any zone.
 */
public class CheckinRules {

  private final RulePolicy policy;

  public CheckinRules(RulePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public Verdict evaluate(CheckinFacts facts) {
    Set<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
    Optional<CredentialFacts> credential = facts.credential();
    if (credential.isEmpty()) {
      reasons.add(ReasonCode.UNKNOWN_CREDENTIAL);
    } else if (!credential.get().usable()) {
      reasons.add(ReasonCode.CREDENTIAL_BLOCKED);
    }
    // Without a member there is nobody to be inside or to have entered before.
    boolean known = credential.isPresent();
    boolean inside = known && facts.memberInside();
    return facts.direction() == Direction.OUT
        ? leaving(reasons, known, inside)
        : entering(facts, reasons, known, inside);
  }

  private Verdict leaving(Set<ReasonCode> reasons, boolean known, boolean inside) {
    if (known && !inside) {
      reasons.add(ReasonCode.NOT_INSIDE);
    }
    Decision decision = policy.decide(reasons);
    return new Verdict(
        decision,
        reasons.stream().toList(),
        null,
        false,
        inside && decision != Decision.DENIED,
        false);
  }

  private Verdict entering(
      CheckinFacts facts, Set<ReasonCode> reasons, boolean known, boolean inside) {
    LocationFacts location = facts.location();
    LocalDateTime localNow = LocalDateTime.ofInstant(facts.now(), location.zone());
    Long membershipId = null;
    if (known) {
      Optional<Judgement> best = bestMembership(facts, localNow);
      if (best.isEmpty()) {
        reasons.add(ReasonCode.NO_MEMBERSHIP);
      } else {
        reasons.addAll(best.get().reasons());
        membershipId = best.get().membership().membershipId();
      }
    }
    if (location.closed() || !location.openingHours().contains(localNow)) {
      reasons.add(ReasonCode.LOCATION_CLOSED);
    }
    boolean repeat = known && isRepeat(facts);
    if (repeat) {
      reasons.add(ReasonCode.REPEAT_SCAN);
    } else if (inside) {
      reasons.add(ReasonCode.ALREADY_INSIDE);
    }
    if (location.capacity() > 0 && facts.occupancy() >= location.capacity() && !repeat && !inside) {
      reasons.add(ReasonCode.CAPACITY_FULL);
    }
    Decision decision = policy.decide(reasons);
    boolean opensVisit = decision != Decision.DENIED && !repeat && !inside;
    return new Verdict(
        decision, reasons.stream().toList(), membershipId, opensVisit, false, repeat);
  }

  private boolean isRepeat(CheckinFacts facts) {
    return facts
        .lastEntryAtLocation()
        .map(last -> Duration.between(last, facts.now()).abs().compareTo(policy.repeatWindow()) < 0)
        .orElse(false);
  }

  private Optional<Judgement> bestMembership(CheckinFacts facts, LocalDateTime localNow) {
    Judgement best = null;
    for (MembershipFacts membership : facts.memberships()) {
      Judgement candidate =
          new Judgement(membership, judge(membership, facts.now(), localNow, facts.location()));
      if (best == null || candidate.betterThan(best, policy)) {
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Set<ReasonCode> judge(
      MembershipFacts membership, Instant now, LocalDateTime localNow, LocationFacts location) {
    Set<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
    if (membership.startsAfter(now)) {
      reasons.add(ReasonCode.MEMBERSHIP_NOT_STARTED);
    }
    if (membership.endedBy(now)) {
      reasons.add(ReasonCode.MEMBERSHIP_EXPIRED);
    }
    if (membership.frozenAt(now)) {
      reasons.add(ReasonCode.MEMBERSHIP_FROZEN);
    }
    if (membership.cancelledBy(now)) {
      reasons.add(ReasonCode.MEMBERSHIP_CANCELLED);
    }
    if (!membership.admitsAt(location.code())) {
      reasons.add(ReasonCode.LOCATION_NOT_ALLOWED);
    }
    if (!membership.allowedHours().contains(localNow)) {
      reasons.add(ReasonCode.OUTSIDE_ALLOWED_HOURS);
    }
    return reasons;
  }

  private record Judgement(MembershipFacts membership, Set<ReasonCode> reasons) {

    boolean betterThan(Judgement other, RulePolicy policy) {
      long denials = denials(policy);
      long otherDenials = other.denials(policy);
      if (denials != otherDenials) {
        return denials < otherDenials;
      }
      if (reasons.size() != other.reasons.size()) {
        return reasons.size() < other.reasons.size();
      }
      return membership.start().isAfter(other.membership.start());
    }

    private long denials(RulePolicy policy) {
      return reasons.stream().filter(reason -> policy.actionFor(reason) == RuleAction.DENY).count();
    }
  }
}
