package org.avgym.pools.control;

import static org.avgym.pools.entity.ConnectionState.CONNECTING;
import static org.avgym.pools.entity.ConnectionState.DEGRADED;
import static org.avgym.pools.entity.ConnectionState.FAILED;
import static org.avgym.pools.entity.ConnectionState.HEALTHY;
import static org.avgym.pools.entity.ConnectionState.RECONNECTING;
import static org.avgym.pools.entity.ConnectionState.UNHEALTHY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.avgym.pools.entity.StateChange;
import org.junit.jupiter.api.Test;

class HealthTrackerTest {

  private static final double GOOD = 95;
  private static final double POOR = 40;

  private final HealthTracker tracker = new HealthTracker();

  private HealthTracker unhealthy() {
    tracker.connected();
    for (int i = 0; i < HealthTracker.Thresholds.DEFAULT_FALL; i++) {
      tracker.failed();
    }
    assertEquals(UNHEALTHY, tracker.state());
    return tracker;
  }

  @Test
  void startsConnectingAndIsHealthyOnceTheFirstHandshakeSucceeds() {
    assertEquals(CONNECTING, tracker.state());

    assertEquals(new StateChange(CONNECTING, HEALTHY), tracker.connected());
  }

  @Test
  void becomesUnhealthyOnlyAfterThreeConsecutiveFailures() {
    tracker.connected();

    assertFalse(tracker.failed().changed());
    assertFalse(tracker.failed().changed());
    StateChange third = tracker.failed();

    assertEquals(new StateChange(HEALTHY, UNHEALTHY), third);
    assertTrue(third.ejected());
  }

  @Test
  void forgivesFailuresInterruptedByAPass() {
    tracker.connected();
    tracker.failed();
    tracker.failed();
    tracker.passed(GOOD);
    tracker.failed();
    tracker.failed();

    assertEquals(HEALTHY, tracker.state());
  }

  @Test
  void needsTwoConsecutivePassesToRecover() {
    unhealthy();

    assertFalse(tracker.passed(GOOD).changed());
    StateChange second = tracker.passed(GOOD);

    assertEquals(new StateChange(UNHEALTHY, HEALTHY), second);
    assertTrue(second.recovered());
  }

  @Test
  void startsCountingPassesAgainAfterAFailure() {
    unhealthy();
    tracker.passed(GOOD);
    tracker.failed();
    tracker.passed(GOOD);

    assertEquals(UNHEALTHY, tracker.state());
  }

  @Test
  void recoversAsDegradedWhenTheScoreIsPoor() {
    unhealthy();
    tracker.passed(POOR);

    assertEquals(new StateChange(UNHEALTHY, DEGRADED), tracker.passed(POOR));
  }

  @Test
  void movesBetweenHealthyAndDegradedWithTheScoreWhilePassing() {
    tracker.connected();

    assertEquals(new StateChange(HEALTHY, DEGRADED), tracker.passed(59.9));
    assertEquals(new StateChange(DEGRADED, HEALTHY), tracker.passed(70));
  }

  @Test
  void aScoreHoveringAtTheThresholdDoesNotFlap() {
    tracker.connected();
    tracker.passed(59);

    for (double score : new double[] {60, 61, 58, 65, 69.9, 59.5}) {
      assertEquals(new StateChange(DEGRADED, DEGRADED), tracker.passed(score), "at " + score);
    }
    assertEquals(new StateChange(DEGRADED, HEALTHY), tracker.passed(70));
    assertEquals(new StateChange(HEALTHY, HEALTHY), tracker.passed(60));
  }

  @Test
  void reconnectsAfterADisconnectAndMustRiseAgain() {
    tracker.connected();

    assertEquals(new StateChange(HEALTHY, RECONNECTING), tracker.disconnected());
    assertEquals(new StateChange(RECONNECTING, UNHEALTHY), tracker.connected());
  }

  @Test
  void failsWhenReconnectAttemptsAreExhaustedAndRisesAgainAfterAProbe() {
    tracker.connected();
    tracker.disconnected();

    assertEquals(RECONNECTING, tracker.connectFailed(false).to());
    assertEquals(new StateChange(RECONNECTING, FAILED), tracker.connectFailed(true));
    assertEquals(new StateChange(FAILED, UNHEALTHY), tracker.connected());
  }

  @Test
  void ignoresChecksWhileThereIsNoSocket() {
    tracker.connected();
    tracker.disconnected();

    assertFalse(tracker.passed(GOOD).changed());
    assertFalse(tracker.failed().changed());
    assertEquals(RECONNECTING, tracker.state());
  }

  @Test
  void honoursConfiguredThresholds() {
    HealthTracker quick = new HealthTracker(new HealthTracker.Thresholds(1, 1, 80));
    quick.connected();

    assertEquals(UNHEALTHY, quick.failed().to());
    assertEquals(DEGRADED, quick.passed(70).to());
  }

  @Test
  void rejectsThresholdsBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new HealthTracker.Thresholds(0, 3, 60));
  }
}
