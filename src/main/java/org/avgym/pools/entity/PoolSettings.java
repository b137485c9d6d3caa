package org.avgym.pools.entity;

import java.time.Duration;
import java.util.Set;

/** A pool's validated settings, as stored and as the supervisor applies them. */
public record PoolSettings(
    Set<String> topics,
    int maxConnections,
    Duration healthCheckInterval,
    int reconnectAttempts,
    StrategyName strategy,
    Duration ackTimeoutMin,
    Duration ackTimeoutMax,
    int outboxLimit) {

  public PoolSettings {
    topics = Set.copyOf(topics);
  }
}
