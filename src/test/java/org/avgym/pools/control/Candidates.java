package org.avgym.pools.control;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.Rotation;

/** Connections as strategies see them, and a tally of picks, for the strategy tests. */
final class Candidates {

  static final double LATENCY_MILLIS = 20;

  private Candidates() {}

  static Candidate healthy(String id, int weight) {
    return new Candidate(id, weight, weight, 100, LATENCY_MILLIS, 0, ConnectionState.HEALTHY);
  }

  static Candidate inState(String id, ConnectionState state, double score) {
    return new Candidate(id, 1, 1, score, LATENCY_MILLIS, 0, state);
  }

  static Candidate measured(String id, double score, double latencyMillis, int inFlight) {
    return new Candidate(id, 1, 1, score, latencyMillis, inFlight, ConnectionState.HEALTHY);
  }

  static Rotation rotation(Candidate... candidates) {
    return new Rotation(List.of(candidates), false, 1);
  }

  /** How many of {@code picks} picks went to each connection id. */
  static Map<String, Integer> tally(LoadBalancingStrategy strategy, Rotation rotation, int picks) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < picks; i++) {
      counts.merge(strategy.pick(rotation).orElseThrow().id(), 1, Integer::sum);
    }
    return counts;
  }

  static double share(Map<String, Integer> tally, String id, int picks) {
    return (double) tally.getOrDefault(id, 0) / picks;
  }
}
