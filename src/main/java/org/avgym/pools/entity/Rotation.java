package org.avgym.pools.entity;

import java.util.List;

/**
 * The connections a strategy may pick from, as decided by the rotation policy. Strategies pick only
 * from {@link #eligible()}, which is how none of them can pick a connection out of rotation.
 *
 * @param eligible the connections that may take the next delivery, in pool order
 * @param panic whether the pool's healthy share fell below its panic threshold, so {@code eligible}
 *     spreads over every connected connection, unhealthy ones included
 * @param healthyShare share of the pool's connections that are in rotation, 0–1
 */
public record Rotation(List<Candidate> eligible, boolean panic, double healthyShare) {

  public Rotation {
    eligible = List.copyOf(eligible);
    for (Candidate candidate : eligible) {
      if (!candidate.state().connected()) {
        throw new IllegalArgumentException(
            "connection " + candidate.id() + " is " + candidate.state() + " and has no socket");
      }
    }
    if (!(healthyShare >= 0 && healthyShare <= 1)) {
      throw new IllegalArgumentException("healthy share must be in [0, 1], was " + healthyShare);
    }
  }

  public boolean isEmpty() {
    return eligible.isEmpty();
  }

  /**
   * The same rotation without one connection: a delivery that timed out or failed there is
   * redelivered through another one.
   */
  public Rotation without(String id) {
    return new Rotation(
        eligible.stream().filter(c -> !c.id().equals(id)).toList(), panic, healthyShare);
  }
}
