package org.avgym.pools.entity;

import java.util.List;
import java.util.Map;

/**
 * A pool's definition and live state. {@code enqueued} counts distinct deliveries accepted into the
 * outbox, {@code acked} distinct deliveries acknowledged; with an empty outbox they are equal
 * unless the pool was reconfigured away from every connection (see {@code docs/pools.md}). {@code
 * failovers} counts deliveries acked through another connection after failing on one; {@code
 * lastFailoverMs} and {@code maxFailoverMs} are the time from their first send to that ack. The
 * counters are the driving instance's since it took the pool; {@code outboxDepth} and {@code
 * outboxOldestSeconds} are the durable outbox's, {@code driver} the instance that drives the pool
 * (null while none does).
 */
public record PoolView(
    String name,
    List<String> topics,
    String strategy,
    int maxConnections,
    long healthCheckIntervalMs,
    int reconnectAttempts,
    long ackTimeoutMinMs,
    long ackTimeoutMaxMs,
    int outboxLimit,
    int health,
    double healthyShare,
    boolean panic,
    Map<String, Integer> states,
    int outboxDepth,
    long enqueued,
    long acked,
    long redeliveries,
    long timeouts,
    long errors,
    long overflow,
    long failovers,
    double lastFailoverMs,
    double maxFailoverMs,
    double deliveriesPerSecond,
    List<ConnectionView> connections,
    String driver,
    double outboxOldestSeconds,
    List<EndpointDefinition> endpoints) {

  /** This view with each connection's URL passed through {@code shown} (redacted, for staff). */
  public PoolView withUrls(java.util.function.UnaryOperator<String> shown) {
    return new PoolView(
        name,
        topics,
        strategy,
        maxConnections,
        healthCheckIntervalMs,
        reconnectAttempts,
        ackTimeoutMinMs,
        ackTimeoutMaxMs,
        outboxLimit,
        health,
        healthyShare,
        panic,
        states,
        outboxDepth,
        enqueued,
        acked,
        redeliveries,
        timeouts,
        errors,
        overflow,
        failovers,
        lastFailoverMs,
        maxFailoverMs,
        deliveriesPerSecond,
        connections.stream().map(c -> c.withUrl(shown.apply(c.url()))).toList(),
        driver,
        outboxOldestSeconds,
        endpoints.stream()
            .map(e -> new EndpointDefinition(shown.apply(e.url()), e.weight(), e.enabled()))
            .toList());
  }

  /** This view with the durable outbox's figures and who drives the pool. */
  public PoolView withOutbox(String driver, OutboxStats stats, long overflow) {
    return new PoolView(
        name,
        topics,
        strategy,
        maxConnections,
        healthCheckIntervalMs,
        reconnectAttempts,
        ackTimeoutMinMs,
        ackTimeoutMaxMs,
        outboxLimit,
        health,
        healthyShare,
        panic,
        states,
        stats.depth(),
        enqueued,
        acked,
        redeliveries,
        timeouts,
        errors,
        overflow,
        failovers,
        lastFailoverMs,
        maxFailoverMs,
        deliveriesPerSecond,
        connections,
        driver,
        stats.oldestSeconds(),
        endpoints);
  }

  /** A pool this instance does not drive, as far as its definition and the outbox tell. */
  public static PoolView of(PoolDefinition definition) {
    PoolSettings settings = definition.settings();
    Map<String, Integer> states = new java.util.LinkedHashMap<>();
    for (ConnectionState state : ConnectionState.values()) {
      states.put(state.name().toLowerCase(java.util.Locale.ROOT), 0);
    }
    return new PoolView(
        definition.name(),
        settings.topics().stream().sorted().toList(),
        settings.strategy().wire(),
        settings.maxConnections(),
        settings.healthCheckInterval().toMillis(),
        settings.reconnectAttempts(),
        settings.ackTimeoutMin().toMillis(),
        settings.ackTimeoutMax().toMillis(),
        settings.outboxLimit(),
        0,
        0,
        false,
        states,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        List.of(),
        null,
        0,
        definition.endpoints());
  }
}
