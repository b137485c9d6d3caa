package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.avgym.analytics.entity.AlertRule;
import org.avgym.analytics.entity.AlertState;
import org.avgym.analytics.entity.AlertTransition;
import org.avgym.analytics.entity.Comparison;
import org.avgym.analytics.entity.Severity;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

  private static final Instant START = Instant.parse("2024-06-03T08:00:00Z");
  private static final AlertRule POOL_HEALTH = BuiltInAlertRules.POOL_HEALTH_LOW; // < 50 for 30 s

  private final AlertEvaluator evaluator = new AlertEvaluator();

  /** Feeds values ten seconds apart and keeps the transitions they cause. */
  private List<AlertState> feed(AlertRule rule, String subject, double... values) {
    List<AlertState> states = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      evaluator
          .evaluate(rule, subject, values[i], START.plusSeconds(10L * i))
          .ifPresent(transition -> states.add(transition.state()));
    }
    return states;
  }

  @Test
  void firesOnlyAfterTheConditionHeldForTheDuration() {
    Optional<AlertTransition> first = evaluator.evaluate(POOL_HEALTH, "pool-a", 40, START);
    Optional<AlertTransition> early =
        evaluator.evaluate(POOL_HEALTH, "pool-a", 40, START.plusSeconds(20));
    Optional<AlertTransition> fired =
        evaluator.evaluate(POOL_HEALTH, "pool-a", 40, START.plusSeconds(30));

    assertTrue(first.isEmpty());
    assertTrue(early.isEmpty());
    assertEquals(AlertState.FIRING, fired.orElseThrow().state());
    assertEquals("pool-a", fired.orElseThrow().subject());
    assertEquals(Severity.WARNING, fired.orElseThrow().rule().severity());
    assertTrue(evaluator.isOpen(POOL_HEALTH.name(), "pool-a"));
  }

  @Test
  void aGoodSampleRestartsTheDurationClock() {
    assertEquals(List.of(), feed(POOL_HEALTH, "pool-a", 40, 40, 60, 40, 40, 40));
    assertEquals(
        List.of(AlertState.FIRING), feed(POOL_HEALTH, "pool-a", 40, 40, 60, 40, 40, 40, 40));
  }

  @Test
  void resolvesOnlyOncePastTheClearThreshold() {
    List<AlertState> states = feed(POOL_HEALTH, "pool-a", 40, 40, 40, 40, 52, 54, 56);

    assertEquals(List.of(AlertState.FIRING, AlertState.RESOLVED), states);
    assertFalse(evaluator.isOpen(POOL_HEALTH.name(), "pool-a"));
  }

  @Test
  void valueOscillatingAroundTheThresholdCausesNoStorm() {
    double[] wobble = new double[60];
    for (int i = 0; i < wobble.length; i++) {
      wobble[i] = i < 4 ? 45 : (i % 2 == 0 ? 48 : 53); // fires, then crosses 50 every sample
    }

    assertEquals(List.of(AlertState.FIRING), feed(POOL_HEALTH, "pool-a", wobble));
    assertEquals(1, evaluator.openCount());
  }

  @Test
  void keepsOneOpenAlertPerRuleAndSubject() {
    AlertRule instant =
        AlertRule.of("cpu", "cpuUsage", Comparison.ABOVE, 80, Duration.ZERO, Severity.INFO);

    assertEquals(List.of(AlertState.FIRING), feed(instant, "node-1", 90, 95, 99, 90));
    assertEquals(List.of(AlertState.FIRING), feed(instant, "node-2", 90, 95));
    assertEquals(2, evaluator.openCount());
  }

  @Test
  void evaluatesAllRulesOfTheSampledMetric() {
    AlertRule warn =
        AlertRule.of("cpu-warn", "cpuUsage", Comparison.ABOVE, 70, Duration.ZERO, Severity.WARNING);
    AlertRule critical =
        AlertRule.of(
            "cpu-crit", "cpuUsage", Comparison.ABOVE, 90, Duration.ZERO, Severity.CRITICAL);
    List<AlertRule> rules = List.of(warn, critical, BuiltInAlertRules.ERROR_RATE_HIGH);

    List<AlertTransition> transitions = evaluator.evaluate(rules, "cpuUsage", "node-1", 80, START);

    assertEquals(1, transitions.size());
    assertEquals("cpu-warn", transitions.get(0).rule().name());
  }

  @Test
  void disabledRuleNeverFiresAndResolvesWhatWasOpen() {
    AlertRule offline = BuiltInAlertRules.DEVICE_OFFLINE;
    AlertRule disabled = offline.withEnabled(false);

    assertEquals(
        AlertState.FIRING, evaluator.evaluate(offline, "door-1", 300, START).orElseThrow().state());
    assertEquals(
        AlertState.RESOLVED,
        evaluator.evaluate(disabled, "door-1", 400, START.plusSeconds(10)).orElseThrow().state());
    assertTrue(evaluator.evaluate(disabled, "door-1", 500, START.plusSeconds(20)).isEmpty());
  }

  @Test
  void ignoresSamplesOlderThanTheLastOne() {
    AlertRule offline = BuiltInAlertRules.DEVICE_OFFLINE;
    evaluator.evaluate(offline, "door-1", 300, START.plusSeconds(60));

    assertTrue(evaluator.evaluate(offline, "door-1", 0, START).isEmpty());
    assertTrue(evaluator.isOpen(offline.name(), "door-1"));
  }

  @Test
  void boundedStateForgetsPendingBreachesButNeverOpenAlerts() {
    AlertEvaluator small = new AlertEvaluator(2);
    AlertRule offline = BuiltInAlertRules.DEVICE_OFFLINE; // fires at once
    small.evaluate(offline, "door-1", 300, START);
    small.evaluate(POOL_HEALTH, "pool-a", 40, START); // pending: needs 30 s

    small.evaluate(offline, "door-2", 300, START); // evicts the pending pool-a breach
    Optional<AlertTransition> untracked = small.evaluate(offline, "door-3", 300, START);

    assertEquals(2, small.trackedCount());
    assertEquals(2, small.openCount());
    assertTrue(untracked.isEmpty());
    assertEquals(1, small.untrackedSamples());
    assertTrue(small.evaluate(offline, "door-1", 400, START.plusSeconds(10)).isEmpty());
  }

  @Test
  void builtInRulesCoverTheDefaultsOfTheIssue() {
    assertEquals(7, BuiltInAlertRules.ALL.size());
    assertEquals(50, BuiltInAlertRules.POOL_HEALTH_LOW.threshold());
    assertEquals(Comparison.BELOW, BuiltInAlertRules.POOL_HEALTH_LOW.comparison());
    assertEquals(0.01, BuiltInAlertRules.ERROR_RATE_HIGH.threshold());
    assertEquals(0.9, BuiltInAlertRules.OCCUPANCY_HIGH.threshold());
    assertEquals(120, BuiltInAlertRules.DEVICE_OFFLINE.threshold());
    assertEquals(Duration.ZERO, BuiltInAlertRules.DEVICE_OFFLINE.duration());
    assertEquals(SpikeDetector.DEFAULT_FACTOR, BuiltInAlertRules.DENIAL_SPIKE.threshold());
  }

  @Test
  void rejectsBadSamples() {
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> evaluator.evaluate(POOL_HEALTH, "pool-a", Double.NaN, START));
    assertTrue(nan.getMessage().contains("poolHealth"), nan.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> evaluator.evaluate(POOL_HEALTH, null, 1, START));
    assertThrows(
        IllegalArgumentException.class, () -> evaluator.evaluate(POOL_HEALTH, "pool-a", 1, null));
    assertThrows(IllegalArgumentException.class, () -> new AlertEvaluator(0));
  }
}
