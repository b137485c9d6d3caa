package org.avgym.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.avgym.demo.entity.CredentialSpec;
import org.avgym.demo.entity.LocationSpec;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.demo.entity.Scenario;
import org.avgym.locations.entity.WeeklyHours;
import org.avgym.members.entity.CredentialStatus;
import org.junit.jupiter.api.Test;

class ChainBlueprintTest {

  private final ChainBlueprint chain = ChainBlueprint.generate(20261128, 500);

  @Test
  void sameSeedGivesTheSameChain() {
    assertEquals(chain, ChainBlueprint.generate(20261128, 500));
  }

  @Test
  void threeLocationsInThreeTimeZonesWithReadableHours() {
    assertEquals(3, chain.locations().size());
    Set<ZoneId> zones =
        chain.locations().stream().map(l -> ZoneId.of(l.zone())).collect(Collectors.toSet());
    assertEquals(3, zones.size());
    for (LocationSpec location : chain.locations()) {
      assertNotNull(WeeklyHours.parse(location.hours()));
    }
    chain.plans().forEach(p -> assertNotNull(WeeklyHours.parse(p.hours())));
    assertEquals(6, chain.devices().size());
  }

  @Test
  void membersCoverEveryMembershipState() {
    assertEquals(500, chain.members().size());
    Set<Scenario> seen = EnumSet.noneOf(Scenario.class);
    chain.members().forEach(m -> seen.add(m.scenario()));
    assertEquals(EnumSet.allOf(Scenario.class), seen);
    long active = chain.members().stream().filter(m -> m.scenario() == Scenario.ACTIVE).count();
    assertTrue(active > 300, "most members are active, were " + active);
  }

  @Test
  void membershipDaysMatchTheirScenario() {
    for (MemberSpec member : chain.members()) {
      switch (member.scenario()) {
        case NONE -> assertNull(member.plan());
        case NOT_STARTED -> assertTrue(member.startDay() > 0);
        case EXPIRED ->
            assertTrue(
                member.startDay() + chain.plan(member.plan()).durationDays() < 0,
                member.toString());
        case FROZEN -> assertTrue(member.freezeFromDay() < 0 && member.freezeUntilDay() > 0);
        case CANCELLED -> assertTrue(member.cancelledDay() < 0 && member.startDay() < 0);
        case ACTIVE ->
            assertTrue(
                member.startDay() <= 0
                    && member.startDay() + chain.plan(member.plan()).durationDays() > 0);
      }
    }
  }

  @Test
  void credentialsAreUniqueAndSomeAreNoLongerValid() {
    Set<String> values = new HashSet<>();
    Set<CredentialStatus> statuses = EnumSet.noneOf(CredentialStatus.class);
    for (MemberSpec member : chain.members()) {
      assertTrue(member.credentials().size() >= 1 && member.credentials().size() <= 3);
      assertNotNull(member.usableCredential(), "everyone can still scan something");
      for (CredentialSpec credential : member.credentials()) {
        assertTrue(values.add(credential.value()), "duplicate " + credential.value());
        statuses.add(credential.status());
      }
    }
    assertEquals(EnumSet.allOf(CredentialStatus.class), statuses);
  }
}
