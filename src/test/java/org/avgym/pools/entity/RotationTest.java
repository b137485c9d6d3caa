package org.avgym.pools.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RotationTest {

  private static Candidate candidate(String id, ConnectionState state) {
    return new Candidate(id, 1, 1, 100, 10, 0, state);
  }

  @Test
  void leavesOutTheConnectionADeliveryFailedOn() {
    Rotation rotation =
        new Rotation(
            List.of(
                candidate("a", ConnectionState.HEALTHY), candidate("b", ConnectionState.HEALTHY)),
            false,
            1);

    assertEquals(
        List.of(candidate("b", ConnectionState.HEALTHY)), rotation.without("a").eligible());
  }

  @Test
  void refusesAConnectionWithoutASocket() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Rotation(List.of(candidate("a", ConnectionState.RECONNECTING)), true, 0));
  }

  @Test
  void refusesAnEffectiveWeightAboveTheWeight() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Candidate("a", 1, 1.5, 100, 10, 0, ConnectionState.HEALTHY));
  }
}
