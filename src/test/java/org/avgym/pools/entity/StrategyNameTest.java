package org.avgym.pools.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrategyNameTest {

  @ParameterizedTest
  @EnumSource(StrategyName.class)
  void parsesItsOwnWireName(StrategyName name) {
    assertEquals(name, StrategyName.parse(name.wire()));
  }

  @Test
  void ignoresCaseAndSurroundingBlanks() {
    assertEquals(StrategyName.HEALTH_WEIGHTED, StrategyName.parse("  Health-Weighted "));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "random", "ROUND_ROBIN", "round robin"})
  void rejectsAnUnknownNameListingTheValidOnes(String bad) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> StrategyName.parse(bad));

    assertTrue(
        error.getMessage().endsWith("round-robin, least-connections, health-weighted"),
        error.getMessage());
  }
}
