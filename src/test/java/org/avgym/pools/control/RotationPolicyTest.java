package org.avgym.pools.control;

import static org.avgym.pools.control.Candidates.healthy;
import static org.avgym.pools.control.Candidates.inState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.Rotation;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {

  private final RotationPolicy policy = new RotationPolicy();

  private static List<String> ids(Rotation rotation) {
    return rotation.eligible().stream().map(Candidate::id).toList();
  }

  @Test
  void keepsHealthyAndDegradedConnectionsAndEjectsTheRest() {
    Rotation rotation =
        policy.select(
            List.of(
                healthy("a", 1),
                inState("slow", ConnectionState.DEGRADED, 50),
                inState("sick", ConnectionState.UNHEALTHY, 20),
                inState("new", ConnectionState.CONNECTING, 100)));

    assertEquals(List.of("a", "slow"), ids(rotation));
    assertFalse(rotation.panic());
    assertEquals(0.5, rotation.healthyShare());
  }

  @Test
  void neverEjectsMoreThanTheMaximumShareKeepingTheBestScoredIn() {
    List<Candidate> pool = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      pool.add(healthy("healthy-" + i, 1));
    }
    for (int score = 10; score <= 60; score += 10) {
      pool.add(inState("sick-" + score, ConnectionState.UNHEALTHY, score));
    }

    Rotation rotation = policy.select(pool);

    // 10 connections, at most 5 ejected: the best of the 6 unhealthy stays in
    assertEquals(
        List.of("healthy-1", "healthy-2", "healthy-3", "healthy-4", "sick-60"), ids(rotation));
    assertFalse(rotation.panic());
  }

  @Test
  void ejectsEveryUnhealthyConnectionWhenAllowedToEjectAll() {
    Rotation rotation =
        new RotationPolicy(1, 0)
            .select(List.of(healthy("a", 1), inState("sick", ConnectionState.UNHEALTHY, 90)));

    assertEquals(List.of("a"), ids(rotation));
  }

  @Test
  void panicsBelowTheThresholdAndSpreadsOverEveryConnectedConnection() {
    List<Candidate> pool =
        List.of(
            healthy("a", 1),
            healthy("b", 1),
            inState("sick-1", ConnectionState.UNHEALTHY, 10),
            inState("sick-2", ConnectionState.UNHEALTHY, 0),
            inState("sick-3", ConnectionState.UNHEALTHY, 40),
            inState("sick-4", ConnectionState.UNHEALTHY, 40),
            inState("sick-5", ConnectionState.UNHEALTHY, 40),
            inState("dropped", ConnectionState.RECONNECTING, 100),
            inState("opening", ConnectionState.CONNECTING, 100),
            inState("dead", ConnectionState.FAILED, 100));

    Rotation rotation = policy.select(pool);

    assertTrue(rotation.panic());
    assertEquals(0.2, rotation.healthyShare(), 1e-9);
    assertEquals(
        List.of("a", "b", "sick-1", "sick-2", "sick-3", "sick-4", "sick-5"), ids(rotation));
  }

  @Test
  void doesNotPanicAtExactlyTheThreshold() {
    List<Candidate> pool = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pool.add(i < 3 ? healthy("h" + i, 1) : inState("d" + i, ConnectionState.RECONNECTING, 100));
    }

    assertFalse(policy.select(pool).panic());
  }

  @Test
  void treatsAnEmptyPoolAsPanicWithNothingEligible() {
    Rotation rotation = policy.select(List.of());

    assertTrue(rotation.panic());
    assertTrue(rotation.isEmpty());
  }

  @Test
  void rejectsSharesOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(1.5, 0.3));
    assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(0.5, -0.1));
  }
}
