package org.avgym.pools.control;

import static org.avgym.pools.control.Candidates.healthy;
import static org.avgym.pools.control.Candidates.measured;
import static org.avgym.pools.control.Candidates.rotation;
import static org.avgym.pools.control.Candidates.share;
import static org.avgym.pools.control.Candidates.tally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.Rotation;
import org.junit.jupiter.api.Test;

class HealthWeightedTest {

  private static final int PICKS = 30_000;

  private final HealthWeighted strategy = new HealthWeighted(new SplittableRandom(7));

  @Test
  void sendsFewerDeliveriesToAConnectionFiftyMillisSlower() {
    Map<String, Integer> picks =
        tally(
            strategy,
            rotation(
                measured("a", 100, 20, 0), measured("b", 100, 20, 0), measured("slow", 100, 70, 0)),
            PICKS);

    assertTrue(share(picks, "slow", PICKS) < 0.05, () -> "slow got " + picks);
  }

  @Test
  void stillUsesTheSlowerConnectionOnceTheFastOnesQueueUp() {
    // a queue model with more demand than the fast ones can serve: each pick adds one in
    // flight; every 3rd pick each fast connection acks one, every 9th pick the slow one does
    Map<String, Integer> inFlight = new HashMap<>(Map.of("a", 0, "b", 0, "slow", 0));
    Map<String, Integer> picks = new HashMap<>();
    for (int i = 1; i <= PICKS; i++) {
      Rotation rotation =
          rotation(
              measured("a", 100, 20, inFlight.get("a")),
              measured("b", 100, 20, inFlight.get("b")),
              measured("slow", 100, 70, inFlight.get("slow")));
      String id = strategy.pick(rotation).orElseThrow().id();
      picks.merge(id, 1, Integer::sum);
      inFlight.merge(id, 1, Integer::sum);
      int tick = i;
      inFlight.replaceAll(
          (k, v) -> tick % (k.equals("slow") ? 9 : 3) == 0 ? Math.max(0, v - 1) : v);
    }

    double slow = share(picks, "slow", PICKS);
    assertTrue(slow > 0 && slow < share(picks, "a", PICKS), () -> "picks " + picks);
  }

  @Test
  void prefersTheBetterScoredConnection() {
    Map<String, Integer> picks =
        tally(strategy, rotation(measured("good", 100, 20, 0), measured("weak", 40, 20, 0)), PICKS);

    assertEquals(PICKS, picks.get("good"));
  }

  @Test
  void favoursWeightInSamplingAndCost() {
    Map<String, Integer> picks =
        tally(strategy, rotation(healthy("a", 1), healthy("b", 2), healthy("c", 1)), PICKS);

    assertTrue(share(picks, "b", PICKS) > share(picks, "a", PICKS) + 0.3, () -> "" + picks);
    assertEquals(share(picks, "a", PICKS), share(picks, "c", PICKS), 0.02);
  }

  @Test
  void costGrowsWithLatencyAndInFlightAndShrinksWithWeightAndScore() {
    Candidate candidate = new Candidate("c", 2, 2, 50, 30, 3, ConnectionState.HEALTHY);

    // 30 ms × (3 + 1) / (2 × 50 / 100)
    assertEquals(120, HealthWeighted.cost(candidate), 1e-9);
  }

  @Test
  void stillPicksWhenEveryConnectionScoresZeroInPanic() {
    Rotation panic =
        new Rotation(
            List.of(
                Candidates.inState("a", ConnectionState.UNHEALTHY, 0),
                Candidates.inState("b", ConnectionState.UNHEALTHY, 0)),
            true,
            0);

    assertTrue(strategy.pick(panic).isPresent());
  }
}
