package org.avgym.analytics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertRuleTest {

  @ParameterizedTest
  @CsvSource({"ABOVE, ABOVE", "above, ABOVE", "'>', ABOVE", "' < ', BELOW", "Below, BELOW"})
  void parsesComparisonNamesAndSymbols(String text, Comparison expected) {
    assertEquals(expected, Comparison.parse(text));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {">=", "over", "=="})
  void rejectsUnknownComparisonWithTheAcceptedForms(String text) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Comparison.parse(text));

    assertTrue(error.getMessage().contains("expected ABOVE, BELOW, > or <"), error.getMessage());
  }

  @Test
  void defaultHysteresisIsTenPercentOfTheThresholdOnTheGoodSide() {
    AlertRule low =
        AlertRule.of("low", "poolHealth", Comparison.BELOW, 50, Duration.ZERO, Severity.WARNING);
    AlertRule high =
        AlertRule.of("high", "errorRate", Comparison.ABOVE, 0.01, Duration.ZERO, Severity.WARNING);

    assertEquals(55, low.clearThreshold(), 1e-12);
    assertEquals(0.009, high.clearThreshold(), 1e-12);
    assertTrue(low.enabled());
  }

  @Test
  void hysteresisCanBeSetAsFractionOrClearThreshold() {
    AlertRule rule =
        AlertRule.of("high", "cpuUsage", Comparison.ABOVE, 80, Duration.ZERO, Severity.INFO);

    assertEquals(60, rule.withHysteresisFraction(0.25).clearThreshold(), 1e-12);
    assertEquals(75, rule.withClearThreshold(75).clearThreshold());
    assertFalse(rule.withEnabled(false).enabled());
  }

  @Test
  void rejectsClearThresholdOnTheBadSide() {
    AlertRule rule =
        AlertRule.of("high", "cpuUsage", Comparison.ABOVE, 80, Duration.ZERO, Severity.INFO);

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> rule.withClearThreshold(85));
    assertTrue(error.getMessage().contains("clear threshold"), error.getMessage());
  }

  @Test
  void rejectsIncompleteRules() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AlertRule.of(" ", "m", Comparison.ABOVE, 1, Duration.ZERO, Severity.INFO));
    assertThrows(
        IllegalArgumentException.class,
        () -> AlertRule.of("r", "m", null, 1, Duration.ZERO, Severity.INFO));
    assertThrows(
        IllegalArgumentException.class,
        () -> AlertRule.of("r", "m", Comparison.ABOVE, Double.NaN, Duration.ZERO, Severity.INFO));
    assertThrows(
        IllegalArgumentException.class,
        () -> AlertRule.of("r", "m", Comparison.ABOVE, 1, Duration.ofSeconds(-1), Severity.INFO));
    assertThrows(
        IllegalArgumentException.class,
        () -> AlertRule.of("r", "m", Comparison.ABOVE, 1, Duration.ZERO, null));
  }
}
