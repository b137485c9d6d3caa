package org.avgym.pools.control;

import static org.avgym.pools.control.Candidates.healthy;
import static org.avgym.pools.control.Candidates.measured;
import static org.avgym.pools.control.Candidates.rotation;
import static org.avgym.pools.control.Candidates.share;
import static org.avgym.pools.control.Candidates.tally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeastConnectionsTest {

  private static final int PICKS = 30_000;
  private static final double TOLERANCE = 0.02;

  private final LeastConnections strategy = new LeastConnections(new SplittableRandom(42));

  @Test
  void prefersTheConnectionWithFewerDeliveriesInFlight() {
    Map<String, Integer> picks =
        tally(
            strategy,
            rotation(
                measured("idle", 100, 20, 0),
                measured("busy", 100, 20, 5),
                measured("swamped", 100, 20, 10)),
            PICKS);

    // the idle one wins every pair it is sampled into: 2 of the 3 pairs
    assertEquals(2.0 / 3, share(picks, "idle", PICKS), TOLERANCE);
    assertEquals(1.0 / 3, share(picks, "busy", PICKS), TOLERANCE);
    assertFalse(picks.containsKey("swamped"));
  }

  @Test
  void spreadsEvenlyOverEqualConnections() {
    Map<String, Integer> picks =
        tally(strategy, rotation(healthy("a", 1), healthy("b", 1), healthy("c", 1)), PICKS);

    for (String id : new String[] {"a", "b", "c"}) {
      assertEquals(1.0 / 3, share(picks, id, PICKS), TOLERANCE);
    }
  }

  @Test
  void breaksTiesInFavourOfTheHeavierConnection() {
    Map<String, Integer> picks =
        tally(strategy, rotation(healthy("a", 1), healthy("b", 2), healthy("c", 1)), PICKS);

    assertEquals(2.0 / 3, share(picks, "b", PICKS), TOLERANCE);
    assertEquals(1.0 / 6, share(picks, "a", PICKS), TOLERANCE);
    assertEquals(1.0 / 6, share(picks, "c", PICKS), TOLERANCE);
  }
}
