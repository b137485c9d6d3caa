package org.avgym.pools.control;

import static org.avgym.pools.control.Candidates.healthy;
import static org.avgym.pools.control.Candidates.rotation;
import static org.avgym.pools.control.Candidates.tally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.Rotation;
import org.junit.jupiter.api.Test;

class WeightedRoundRobinTest {

  private final WeightedRoundRobin strategy = new WeightedRoundRobin();

  @Test
  void splitsPicksExactlyByWeight() {
    Map<String, Integer> picks =
        tally(strategy, rotation(healthy("a", 1), healthy("b", 2), healthy("c", 1)), 1000);

    assertEquals(Map.of("a", 250, "b", 500, "c", 250), picks);
  }

  @Test
  void interleavesAHeavyConnectionInsteadOfBursting() {
    Rotation rotation = rotation(healthy("a", 5), healthy("b", 1), healthy("c", 1));

    List<String> order =
        IntStream.range(0, 7).mapToObj(i -> strategy.pick(rotation).orElseThrow().id()).toList();

    assertEquals(List.of("a", "a", "b", "a", "c", "a", "a"), order);
  }

  @Test
  void givesAConnectionInSlowStartItsReducedShare() {
    Candidate warming = new Candidate("warming", 1, 0.1, 100, 20, 0, ConnectionState.HEALTHY);

    Map<String, Integer> picks = tally(strategy, rotation(warming, healthy("steady", 1)), 1100);

    assertEquals(100, picks.get("warming"));
    assertEquals(1000, picks.get("steady"));
  }

  @Test
  void forgetsConnectionsThatLeftAndKeepsServingTheRest() {
    strategy.pick(rotation(healthy("a", 1), healthy("gone", 3)));

    Map<String, Integer> picks = tally(strategy, rotation(healthy("a", 1), healthy("b", 1)), 10);

    assertEquals(Map.of("a", 5, "b", 5), picks);
  }

  @Test
  void picksNothingFromAnEmptyRotation() {
    assertTrue(strategy.pick(rotation()).isEmpty());
  }
}
