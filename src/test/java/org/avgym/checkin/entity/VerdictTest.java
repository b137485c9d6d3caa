package org.avgym.checkin.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

  @Test
  void reasonsAreReportedInDeclarationOrderEachOnce() {
    Verdict verdict =
        new Verdict(
            Decision.DENIED,
            List.of(
                ReasonCode.CAPACITY_FULL, ReasonCode.MEMBERSHIP_EXPIRED, ReasonCode.CAPACITY_FULL),
            7L,
            false,
            false,
            false);

    assertEquals(
        List.of(ReasonCode.MEMBERSHIP_EXPIRED, ReasonCode.CAPACITY_FULL), verdict.reasons());
  }

  @Test
  void reasonsCannotChangeAfterTheVerdict() {
    List<ReasonCode> reasons = new ArrayList<>(List.of(ReasonCode.REPEAT_SCAN));
    Verdict verdict = new Verdict(Decision.WARNED, reasons, null, false, false, true);

    reasons.add(ReasonCode.CAPACITY_FULL);

    assertEquals(List.of(ReasonCode.REPEAT_SCAN), verdict.reasons());
    assertThrows(
        UnsupportedOperationException.class, () -> verdict.reasons().add(ReasonCode.NOT_INSIDE));
  }

  @Test
  void grantedMeansNoReasons() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Verdict(
                Decision.GRANTED, List.of(ReasonCode.NOT_INSIDE), null, false, false, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Verdict(Decision.DENIED, List.of(), null, false, false, false));
  }
}
