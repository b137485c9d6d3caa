package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.avgym.pools.entity.HealthSignals;
import org.junit.jupiter.api.Test;

class HealthScoreTest {

  private static final Duration STABLE = Duration.ofMinutes(5);

  private final HealthScore health = new HealthScore();

  private double score(double latency, double median, double errorRate, int reconnects) {
    return health.score(new HealthSignals(latency, median, errorRate, reconnects, STABLE));
  }

  @Test
  void scoresAStableErrorFreeConnectionAtTheMedianAtHundred() {
    assertEquals(100, score(20, 20, 0, 0), 1e-9);
  }

  @Test
  void doesNotRewardBeingFasterThanTheMedianBeyondHundred() {
    assertEquals(100, score(5, 20, 0, 0), 1e-9);
  }

  @Test
  void scoresAConnectionWithNoMeasurementYetOnItsOtherSignals() {
    assertEquals(100, score(0, 20, 0, 0), 1e-9);
    assertEquals(100, score(20, 0, 0, 0), 1e-9);
  }

  @Test
  void scoresAConnectionFailingEveryDeliveryAtZero() {
    assertEquals(0, score(20, 20, 1, 0), 1e-9);
  }

  @Test
  void costsLittleForAFewErrorsAndMuchForMany() {
    assertEquals(81, score(20, 20, 0.1, 0), 1e-9);
    assertEquals(25, score(20, 20, 0.5, 0), 1e-9);
  }

  @Test
  void scoresAConnectionFiftyMillisSlowerThanTheMedianLower() {
    // (20 + 5) / (70 + 5)
    assertEquals(100.0 / 3, score(70, 20, 0, 0), 1e-9);
  }

  @Test
  void halvesTheLatencyFactorAtTwiceTheMedianWithoutSlack() {
    HealthScore strict = new HealthScore(0, HealthScore.DEFAULT_STABLE_UPTIME);

    assertEquals(0.5, strict.latencyFactor(80, 40), 1e-9);
  }

  @Test
  void ignoresMillisecondJitterOnAFastNetwork() {
    assertTrue(health.latencyFactor(2, 1) > 0.85);
  }

  @Test
  void costsEachReconnectWithDiminishingEffect() {
    assertEquals(100 / 1.5, score(20, 20, 0, 1), 1e-9);
    assertEquals(50, score(20, 20, 0, 2), 1e-9);
  }

  @Test
  void startsAFreshSocketAtEightyAndReachesHundredAfterTheStableUptime() {
    assertEquals(0.8, health.stabilityFactor(0, Duration.ZERO), 1e-9);
    assertEquals(0.9, health.stabilityFactor(0, Duration.ofSeconds(30)), 1e-9);
    assertEquals(1, health.stabilityFactor(0, HealthScore.DEFAULT_STABLE_UPTIME), 1e-9);
  }

  @Test
  void takesTheMedianOfMeasuredLatenciesOnly() {
    assertEquals(20, HealthScore.median(List.of(10.0, 20.0, 500.0)));
    assertEquals(15, HealthScore.median(List.of(10.0, 20.0, 0.0)));
    assertEquals(0, HealthScore.median(List.of(0.0)));
    assertEquals(0, HealthScore.median(List.of()));
  }
}
