package org.avgym.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.demo.entity.Scenario;
import org.junit.jupiter.api.Test;

class ScanPickerTest {

  private final ChainBlueprint chain = ChainBlueprint.generate(20261128, 500);

  @Test
  void mostScansAreValidAndEveryDenialKindAppears() {
    ScanPicker picker = new ScanPicker(chain.members(), new Random(1));
    MemberSpec someone = chain.members().get(0);
    Map<ScanPicker.Kind, Integer> kinds = new EnumMap<>(ScanPicker.Kind.class);
    for (int i = 0; i < 10_000; i++) {
      ScanPicker.Pick pick = picker.next("downtown", n -> false, List.of(someone));
      assertNotNull(pick);
      kinds.merge(pick.kind(), 1, Integer::sum);
    }
    assertEquals(ScanPicker.Kind.values().length, kinds.size(), kinds.toString());
    assertTrue(kinds.get(ScanPicker.Kind.VALID) > 8_000, kinds.toString());
  }

  @Test
  void validScansComeFromActiveMembersWithUsableCredentials() {
    ScanPicker picker = new ScanPicker(chain.members(), new Random(2));
    for (int i = 0; i < 2_000; i++) {
      ScanPicker.Pick pick = picker.next("riverside", n -> false, List.of());
      if (pick.kind() == ScanPicker.Kind.VALID) {
        assertEquals(Scenario.ACTIVE, pick.member().scenario());
        assertEquals(pick.member().usableCredential().value(), pick.credential());
      } else if (pick.kind() == ScanPicker.Kind.EXPIRED) {
        assertEquals(Scenario.EXPIRED, pick.member().scenario());
      } else if (pick.kind() == ScanPicker.Kind.UNKNOWN) {
        assertNull(pick.member());
        assertTrue(pick.credential().startsWith("CARD-9"));
      } else if (pick.kind() == ScanPicker.Kind.OLD_CREDENTIAL) {
        assertTrue(
            !pick.member().credentials().stream()
                .filter(c -> c.value().equals(pick.credential()))
                .findFirst()
                .orElseThrow()
                .usable());
      }
    }
  }

  @Test
  void membersInsideAreNotPickedToComeInAgain() {
    ScanPicker picker = new ScanPicker(chain.members(), new Random(3));
    for (int i = 0; i < 2_000; i++) {
      ScanPicker.Pick pick = picker.next("harbour", n -> n % 2 == 0, List.of());
      if (pick != null && pick.member() != null && pick.kind() != ScanPicker.Kind.REPEAT) {
        assertEquals(1, pick.member().number() % 2);
      }
    }
  }

  @Test
  void onlyStrangersScanWhenEveryMemberIsInside() {
    ScanPicker picker = new ScanPicker(chain.members(), new Random(4));
    for (int i = 0; i < 500; i++) {
      ScanPicker.Pick pick = picker.next("downtown", n -> true, List.of());
      if (pick != null) {
        assertEquals(ScanPicker.Kind.UNKNOWN, pick.kind());
        assertNull(pick.member());
      }
    }
  }

  @Test
  void sameSeedPicksTheSameScans() {
    ScanPicker a = new ScanPicker(chain.members(), new Random(9));
    ScanPicker b = new ScanPicker(chain.members(), new Random(9));
    for (int i = 0; i < 100; i++) {
      assertEquals(
          a.next("downtown", n -> false, List.of()), b.next("downtown", n -> false, List.of()));
    }
  }
}
