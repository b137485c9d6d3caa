package org.avgym.checkin.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.avgym.locations.entity.WeeklyHours;
import org.avgym.members.entity.FreezePeriod;
import org.avgym.members.entity.MembershipStatus;
import org.junit.jupiter.api.Test;

class MembershipFactsTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void missingRestrictionsMeanNone() {
    MembershipFacts membership =
        new MembershipFacts(
            1, "Basic", START, null, MembershipStatus.ACTIVE, null, null, null, null);

    assertTrue(membership.freezes().isEmpty());
    assertTrue(membership.admitsAt("anywhere"));
    assertEquals(WeeklyHours.ALWAYS, membership.allowedHours());
  }

  @Test
  void freezeMustEndAfterItStarts() {
    assertThrows(IllegalArgumentException.class, () -> new FreezePeriod(START, START));
    assertThrows(
        IllegalArgumentException.class, () -> new FreezePeriod(START, START.minusSeconds(1)));
  }
}
