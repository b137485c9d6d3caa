package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlowStartTest {

  private final SlowStart slowStart = new SlowStart();

  @Test
  void startsAtATenthOfTheWeight() {
    assertEquals(0.4, slowStart.effectiveWeight(4, Duration.ZERO), 1e-9);
  }

  @Test
  void rampsLinearlyOverTheWindow() {
    assertEquals(0.55, slowStart.factor(Duration.ofSeconds(15)), 1e-9);
    assertEquals(0.82, slowStart.factor(Duration.ofSeconds(24)), 1e-9);
  }

  @Test
  void reachesTheFullWeightAtTheEndOfTheWindowAndStaysThere() {
    assertEquals(3, slowStart.effectiveWeight(3, SlowStart.DEFAULT_WINDOW), 1e-9);
    assertEquals(3, slowStart.effectiveWeight(3, Duration.ofHours(1)), 1e-9);
  }

  @Test
  void givesTheFullWeightAtOnceWhenDisabled() {
    assertEquals(1, new SlowStart(Duration.ZERO).factor(Duration.ZERO));
  }

  @Test
  void treatsAClockThatWentBackwardsAsJustRecovered() {
    assertEquals(SlowStart.INITIAL_SHARE, slowStart.factor(Duration.ofSeconds(-5)), 1e-9);
  }
}
