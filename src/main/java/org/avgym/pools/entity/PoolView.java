package org.avgym.pools.entity;

import java.util.List;
import java.util.Map;

/**
 * A pool's definition and live state. {@code enqueued} counts distinct deliveries accepted into the
 * outbox, {@code acked} distinct deliveries acknowledged; with an empty outbox they are equal
 * unless the pool was reconfigured away from every connection (see {@code docs/pools.md}). {@code
 * failovers} counts deliveries acked through another connection after failing on one; {@code
 * lastFailoverMs} and {@code maxFailoverMs} are the time from their first send to that ack.
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
    List<ConnectionView> connections) {}
