package org.avgym.pools.control;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.Rotation;
import org.avgym.pools.entity.StrategyName;

/**
 * Prefers healthy, fast, idle connections. Two connections are sampled with probability
 * proportional to {@code effectiveWeight × score}, and the one with the lower cost wins:
 *
 * <pre>cost = max(latency, 1 ms) × (inFlight + 1) / (effectiveWeight × score / 100)</pre>
 *
 * that is, the expected wait behind the deliveries already queued, scaled up for a connection that
 * is weak or still in slow start. The latency floor keeps a connection with no measurement yet from
 * looking free. A connection with score 0 costs infinitely much and is sampled only when every
 * connection scores 0 (possible in panic), in which case sampling is uniform.
 */
public final class HealthWeighted implements LoadBalancingStrategy {

  /** Latency assumed at least, so in-flight counts still matter when latency is unmeasured. */
  public static final double LATENCY_FLOOR_MILLIS = 1;

  private static final Comparator<Candidate> CHEAPER =
      Comparator.comparingDouble(HealthWeighted::cost);

  private final RandomGenerator random;

  public HealthWeighted(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public StrategyName name() {
    return StrategyName.HEALTH_WEIGHTED;
  }

  @Override
  public Optional<Candidate> pick(Rotation rotation) {
    return TwoChoices.pick(rotation.eligible(), random, HealthWeighted::capacity, CHEAPER);
  }

  static double capacity(Candidate candidate) {
    return candidate.effectiveWeight() * candidate.score() / Candidate.MAX_SCORE;
  }

  static double cost(Candidate candidate) {
    double capacity = capacity(candidate);
    if (capacity <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.max(candidate.latencyMillis(), LATENCY_FLOOR_MILLIS)
        * (candidate.inFlight() + 1)
        / capacity;
  }
}
