package org.avgym.checkin.entity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The rules' answer to one scan, with what it means for the count of people inside.
 *
 * @param reasons every failed rule, in {@link ReasonCode} declaration order, each once
 * @param membershipId the membership that was judged; null when none could be
 * @param opensVisit the scan starts a visit and so adds one to the occupancy
 * @param closesVisit the scan ends the member's open visit and so removes one
 * @param repeatScan the scan repeats a recent entry: the same visit, not a new one
 */
public record Verdict(
    Decision decision,
    List<ReasonCode> reasons,
    Long membershipId,
    boolean opensVisit,
    boolean closesVisit,
    boolean repeatScan) {

  public Verdict {
    Objects.requireNonNull(decision, "decision");
    reasons = inDeclarationOrder(reasons);
    if ((decision == Decision.GRANTED) != reasons.isEmpty()) {
      throw new IllegalArgumentException(
          "a check-in is granted exactly when no rule failed: " + decision + " " + reasons);
    }
  }

  private static List<ReasonCode> inDeclarationOrder(Collection<ReasonCode> reasons) {
    EnumSet<ReasonCode> ordered = EnumSet.noneOf(ReasonCode.class);
    ordered.addAll(reasons);
    return List.copyOf(ordered);
  }
}
