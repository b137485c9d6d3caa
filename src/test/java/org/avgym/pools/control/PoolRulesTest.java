package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.entity.PoolInput;
import org.avgym.pools.entity.PoolSettings;
import org.avgym.pools.entity.StrategyName;
import org.junit.jupiter.api.Test;

class PoolRulesTest {

  private static PoolInput input(Long intervalMs, Long ackMinMs, Long ackMaxMs) {
    return new PoolInput("p", null, null, intervalMs, null, null, ackMinMs, ackMaxMs, null, null);
  }

  private static String refusedField(Runnable call) {
    return assertThrows(Refusal.class, call::run).field();
  }

  @Test
  void urlsMustBeWebSocketUrlsWithAHost() {
    assertEquals("ws://127.0.0.1:8080/ws", PoolRules.url("url", " ws://127.0.0.1:8080/ws "));
    assertEquals("wss://gw.example.com/x", PoolRules.url("url", "wss://gw.example.com/x"));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "http://gw.example.com/x")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "ws:///no-host")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "ws://bad host/")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "  ")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", null)));
  }

  @Test
  void namesAreLowerCaseSlugs() {
    assertEquals("door-controllers", PoolRules.name(" door-controllers "));
    assertEquals("name", refusedField(() -> PoolRules.name("Door Controllers")));
    assertEquals("name", refusedField(() -> PoolRules.name("-leading-dash")));
    assertEquals("name", refusedField(() -> PoolRules.name("x".repeat(65))));
    assertEquals("name", refusedField(() -> PoolRules.name("")));
  }

  @Test
  void missingFieldsKeepTheDefaults() {
    PoolSettings settings = PoolRules.settings(input(null, null, null), PoolRules.DEFAULTS, 0);
    assertEquals(PoolRules.DEFAULTS, settings);
    assertEquals(StrategyName.HEALTH_WEIGHTED, settings.strategy());
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    PoolSettings base = PoolRules.DEFAULTS;
    assertEquals(
        "healthCheckIntervalMs",
        refusedField(() -> PoolRules.settings(input(100L, null, null), base, 0)));
    assertEquals(
        "healthCheckIntervalMs",
        refusedField(() -> PoolRules.settings(input(3_600_000L, null, null), base, 0)));
    assertEquals(
        "ackTimeoutMinMs",
        refusedField(() -> PoolRules.settings(input(5000L, 2000L, 1000L), base, 0)));
    assertEquals(
        "strategy",
        refusedField(
            () ->
                PoolRules.settings(
                    new PoolInput("p", null, null, null, null, "fastest", null, null, null, null),
                    base,
                    0)));
    assertEquals(
        "maxConnections",
        refusedField(
            () ->
                PoolRules.settings(
                    new PoolInput("p", null, 2, null, null, null, null, null, null, null),
                    base,
                    3)));
    assertEquals(
        "topics",
        refusedField(
            () ->
                PoolRules.settings(
                    new PoolInput("p", List.of(), null, null, null, null, null, null, null, null),
                    base,
                    0)));
    assertEquals(
        "outboxLimit",
        refusedField(
            () ->
                PoolRules.settings(
                    new PoolInput("p", null, null, null, null, null, null, null, 0, null),
                    base,
                    0)));
  }

  @Test
  void theAckTimeoutNeverOutlastsOneHealthInterval() {
    Refusal explicit =
        assertThrows(
            Refusal.class,
            () -> PoolRules.settings(input(1000L, null, 2000L), PoolRules.DEFAULTS, 0));
    assertEquals("ackTimeoutMaxMs", explicit.field());
    assertTrue(explicit.getMessage().contains("within one health interval"));

    PoolSettings inherited = PoolRules.settings(input(1000L, null, null), PoolRules.DEFAULTS, 0);
    assertEquals(Duration.ofSeconds(1), inherited.ackTimeoutMax());
    assertEquals(PoolRules.DEFAULTS.ackTimeoutMin(), inherited.ackTimeoutMin());

    PoolSettings tight = PoolRules.settings(input(500L, null, null), PoolRules.DEFAULTS, 0);
    assertEquals(Duration.ofMillis(500), tight.ackTimeoutMax());
    assertTrue(tight.ackTimeoutMin().compareTo(tight.ackTimeoutMax()) <= 0);
  }
}
