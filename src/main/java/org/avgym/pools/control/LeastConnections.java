package org.avgym.pools.control;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.Rotation;
import org.avgym.pools.entity.StrategyName;

/**
 * Sends the delivery to whichever of two randomly sampled connections has fewer deliveries in
 * flight; on a tie, the higher effective weight wins. A slow endpoint accumulates unacknowledged
 * deliveries and so gets fewer new ones, without any latency measurement.
 */
public final class LeastConnections implements LoadBalancingStrategy {

  private static final Comparator<Candidate> FEWER_IN_FLIGHT =
      Comparator.comparingInt(Candidate::inFlight)
          .thenComparing(Comparator.comparingDouble(Candidate::effectiveWeight).reversed());

  private final RandomGenerator random;

  public LeastConnections(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public StrategyName name() {
    return StrategyName.LEAST_CONNECTIONS;
  }

  @Override
  public Optional<Candidate> pick(Rotation rotation) {
    return TwoChoices.pick(rotation.eligible(), random, candidate -> 1, FEWER_IN_FLIGHT);
  }
}
