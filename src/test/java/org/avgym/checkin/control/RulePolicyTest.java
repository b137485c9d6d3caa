package org.avgym.checkin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.ReasonCode;
import org.avgym.checkin.entity.RuleAction;
import org.junit.jupiter.api.Test;

class RulePolicyTest {

  @Test
  void defaultsWarnOnRepeatScanAndNotInsideAndDenyEverythingElse() {
    RulePolicy policy = RulePolicy.defaults();

    for (ReasonCode reason : ReasonCode.values()) {
      RuleAction expected =
          reason == ReasonCode.REPEAT_SCAN || reason == ReasonCode.NOT_INSIDE
              ? RuleAction.WARN
              : RuleAction.DENY;
      assertEquals(expected, policy.actionFor(reason), reason.name());
    }
  }

  @Test
  void defaultRepeatWindowIsSixtySeconds() {
    assertEquals(Duration.ofSeconds(60), RulePolicy.defaults().repeatWindow());
  }

  @Test
  void emptySettingsGiveTheDefaults() {
    assertEquals(RulePolicy.defaults(), RulePolicy.fromSettings(Map.of()));
  }

  @Test
  void settingsChangeActionsInAnyCase() {
    RulePolicy policy =
        RulePolicy.fromSettings(
            Map.of(
                "avgym.checkin.action.CAPACITY_FULL", " Warn ",
                "avgym.checkin.action.NOT_INSIDE", "DENY"));

    assertEquals(RuleAction.WARN, policy.actionFor(ReasonCode.CAPACITY_FULL));
    assertEquals(RuleAction.DENY, policy.actionFor(ReasonCode.NOT_INSIDE));
    assertEquals(RuleAction.WARN, policy.actionFor(ReasonCode.REPEAT_SCAN));
    assertEquals(RuleAction.DENY, policy.actionFor(ReasonCode.MEMBERSHIP_EXPIRED));
  }

  @Test
  void settingsChangeTheRepeatWindow() {
    RulePolicy policy =
        RulePolicy.fromSettings(Map.of("avgym.checkin.repeat-window-seconds", "90"));

    assertEquals(Duration.ofSeconds(90), policy.repeatWindow());
  }

  @Test
  void settingsOfOtherFeaturesAreIgnored() {
    RulePolicy policy =
        RulePolicy.fromSettings(
            Map.of("avgym.db.url", "jdbc:h2:mem:x", "avgym.checkin.device-timeout", "banana"));

    assertEquals(RulePolicy.defaults(), policy);
  }

  @Test
  void rejectsUnknownReasonCodeNamingTheKey() {
    assertRejectedNamingTheKey("avgym.checkin.action.CAPACITY_FUL", "warn");
  }

  @Test
  void rejectsUnknownActionNamingTheKey() {
    String message = assertRejectedNamingTheKey("avgym.checkin.action.REPEAT_SCAN", "ignore");

    assertTrue(message.contains("ignore"), message);
  }

  @Test
  void rejectsRepeatWindowThatIsNotWholeSecondsNamingTheKey() {
    for (String value : List.of("sixty", "1.5", "", "60s")) {
      assertRejectedNamingTheKey(RulePolicy.REPEAT_WINDOW_SECONDS, value);
    }
  }

  @Test
  void rejectsNegativeRepeatWindowNamingTheKey() {
    assertRejectedNamingTheKey(RulePolicy.REPEAT_WINDOW_SECONDS, "-1");
  }

  @Test
  void decidesDeniedWhenAnyReasonDenies() {
    assertEquals(
        Decision.DENIED,
        RulePolicy.defaults().decide(List.of(ReasonCode.REPEAT_SCAN, ReasonCode.CAPACITY_FULL)));
  }

  @Test
  void decidesWarnedWhenNoReasonDenies() {
    assertEquals(
        Decision.WARNED,
        RulePolicy.defaults().decide(List.of(ReasonCode.REPEAT_SCAN, ReasonCode.NOT_INSIDE)));
  }

  @Test
  void decidesGrantedWithoutReasons() {
    assertEquals(Decision.GRANTED, RulePolicy.defaults().decide(List.of()));
  }

  private static String assertRejectedNamingTheKey(String key, String value) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> RulePolicy.fromSettings(Map.of(key, value)),
            key + "=" + value);
    assertTrue(error.getMessage().contains(key), error.getMessage());
    return error.getMessage();
  }
}
