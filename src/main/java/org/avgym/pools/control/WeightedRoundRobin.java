package org.avgym.pools.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.Rotation;
import org.avgym.pools.entity.StrategyName;

/**
 * Smooth weighted round-robin as nginx does it: every pick adds each connection's effective weight
 * to its running credit, takes the one with the most credit and charges it the total. Weights 5:1:1
 * give a a b a c a a rather than a a a a a b c, so a heavy endpoint never gets a burst, and over
 * any full cycle each connection gets exactly its share. Deterministic, no randomness.
 */
public final class WeightedRoundRobin implements LoadBalancingStrategy {

  /** Running credit per connection id; forgotten for ids that left the rotation. */
  private final Map<String, Double> credit = new HashMap<>();

  @Override
  public StrategyName name() {
    return StrategyName.ROUND_ROBIN;
  }

  @Override
  public synchronized Optional<Candidate> pick(Rotation rotation) {
    List<Candidate> eligible = rotation.eligible();
    Set<String> ids = eligible.stream().map(Candidate::id).collect(Collectors.toSet());
    credit.keySet().retainAll(ids);
    Candidate best = null;
    double bestCredit = Double.NEGATIVE_INFINITY;
    double total = 0;
    for (Candidate candidate : eligible) {
      double weight = candidate.effectiveWeight();
      double current = credit.merge(candidate.id(), weight, Double::sum);
      total += weight;
      if (current > bestCredit) {
        best = candidate;
        bestCredit = current;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    credit.merge(best.id(), -total, Double::sum);
    return Optional.of(best);
  }
}
