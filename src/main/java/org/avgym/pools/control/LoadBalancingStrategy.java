package org.avgym.pools.control;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.Rotation;
import org.avgym.pools.entity.StrategyName;

/**
 * Chooses the connection that takes the next delivery of a pool. An extension point: a new strategy
 * implements this and gets a {@link StrategyName}. Implementations pick only from {@link
 * Rotation#eligible()}, so the rotation policy alone decides what is in rotation and what panic
 * mode lets in. They must be safe to call from several threads.
 */
public interface LoadBalancingStrategy {

  StrategyName name();

  /** The connection for the next delivery, empty only when the rotation is empty. */
  Optional<Candidate> pick(Rotation rotation);

  /** A fresh strategy of this name; randomised strategies draw from {@code random}. */
  static LoadBalancingStrategy of(StrategyName name, RandomGenerator random) {
    return switch (name) {
      case ROUND_ROBIN -> new WeightedRoundRobin();
      case LEAST_CONNECTIONS -> new LeastConnections(random);
      case HEALTH_WEIGHTED -> new HealthWeighted(random);
    };
  }
}
