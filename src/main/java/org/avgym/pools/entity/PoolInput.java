package org.avgym.pools.entity;

import java.util.List;

/**
 * A pool as the API receives it. On create every field but {@code name} has a default; on PUT, a
 * missing field keeps its value. Durations are in milliseconds.
 */
public record PoolInput(
    String name,
    List<String> topics,
    Integer maxConnections,
    Long healthCheckIntervalMs,
    Integer reconnectAttempts,
    String strategy,
    Long ackTimeoutMinMs,
    Long ackTimeoutMaxMs,
    Integer outboxLimit,
    List<EndpointInput> endpoints) {}
