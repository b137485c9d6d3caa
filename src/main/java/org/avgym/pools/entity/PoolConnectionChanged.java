package org.avgym.pools.entity;

/**
 * A pooled connection moved from one state to another (connected, ejected, reconnecting, failed,
 * recovered); fired synchronously by the supervisor for analytics. {@code url} identifies the
 * endpoint in events and logs, never in metric labels.
 */
public record PoolConnectionChanged(
    String pool, String url, ConnectionState from, ConnectionState to) {}
