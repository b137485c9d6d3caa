package org.avgym.pools.entity;

import java.util.Objects;

/**
 * What a load-balancing strategy sees of one connection at the moment of a pick: a snapshot, so a
 * strategy decides on consistent values even while acks keep arriving.
 *
 * @param id unique within the pool
 * @param weight configured weight, at least 1
 * @param effectiveWeight the weight after slow start, in (0, weight]
 * @param score health score 0–100
 * @param latencyMillis peak-EWMA latency estimate in milliseconds, 0 when nothing was measured yet
 * @param inFlight deliveries sent and not yet acknowledged
 * @param state the connection's state
 */
public record Candidate(
    String id,
    int weight,
    double effectiveWeight,
    double score,
    double latencyMillis,
    int inFlight,
    ConnectionState state) {

  public static final double MAX_SCORE = 100;

  public Candidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be at least 1, was " + weight);
    }
    if (!(effectiveWeight > 0 && effectiveWeight <= weight)) {
      throw new IllegalArgumentException(
          "effective weight must be in (0, " + weight + "], was " + effectiveWeight);
    }
    if (!(score >= 0 && score <= MAX_SCORE)) {
      throw new IllegalArgumentException("score must be in [0, 100], was " + score);
    }
    if (!(latencyMillis >= 0 && Double.isFinite(latencyMillis))) {
      throw new IllegalArgumentException("latency must be finite and >= 0, was " + latencyMillis);
    }
    if (inFlight < 0) {
      throw new IllegalArgumentException("in-flight must be >= 0, was " + inFlight);
    }
  }
}
