package org.avgym.pools.control;

import static org.avgym.pools.control.Candidates.healthy;
import static org.avgym.pools.control.Candidates.inState;
import static org.avgym.pools.control.Candidates.tally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.Rotation;
import org.avgym.pools.entity.StrategyName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every strategy must honour, whatever its algorithm. */
class LoadBalancingStrategyTest {

  private static final int PICKS = 3_000;

  private final RotationPolicy policy = new RotationPolicy();

  private static LoadBalancingStrategy strategy(StrategyName name) {
    return LoadBalancingStrategy.of(name, new SplittableRandom(3));
  }

  @ParameterizedTest
  @EnumSource(StrategyName.class)
  void isCreatedUnderItsName(StrategyName name) {
    assertEquals(name, strategy(name).name());
  }

  @ParameterizedTest
  @EnumSource(StrategyName.class)
  void neverPicksAConnectionOutOfRotation(StrategyName name) {
    List<Candidate> pool =
        List.of(
            healthy("a", 1),
            inState("b", ConnectionState.DEGRADED, 50),
            inState("sick", ConnectionState.UNHEALTHY, 90),
            inState("dropped", ConnectionState.RECONNECTING, 100),
            inState("dead", ConnectionState.FAILED, 100),
            healthy("c", 1));

    Map<String, Integer> picks = tally(strategy(name), policy.select(pool), PICKS);

    assertFalse(picks.containsKey("sick"));
    assertFalse(picks.containsKey("dropped"));
    assertFalse(picks.containsKey("dead"));
  }

  @ParameterizedTest
  @EnumSource(StrategyName.class)
  void spreadsOverEveryConnectedConnectionInPanic(StrategyName name) {
    List<Candidate> pool =
        List.of(
            healthy("last-healthy", 1),
            inState("sick-1", ConnectionState.UNHEALTHY, 30),
            inState("sick-2", ConnectionState.UNHEALTHY, 30),
            inState("sick-3", ConnectionState.UNHEALTHY, 30),
            inState("dropped", ConnectionState.RECONNECTING, 0));
    Rotation rotation = policy.select(pool);

    Map<String, Integer> picks = tally(strategy(name), rotation, PICKS);

    assertEquals(
        List.of("last-healthy", "sick-1", "sick-2", "sick-3"), List.copyOf(picks.keySet()));
  }

  @ParameterizedTest
  @EnumSource(StrategyName.class)
  void redeliversThroughAnotherConnection(StrategyName name) {
    Rotation rotation = policy.select(List.of(healthy("timed-out", 5), healthy("other", 1)));

    Map<String, Integer> picks = tally(strategy(name), rotation.without("timed-out"), PICKS);

    assertEquals(Map.of("other", PICKS), picks);
  }
}
