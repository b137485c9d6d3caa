package org.avgym.pools.entity;

/**
 * Where a pooled connection is in its life. Only {@link #HEALTHY} and {@link #DEGRADED} take
 * deliveries in normal operation; {@link #UNHEALTHY} ones still have an open socket, so a pool in
 * panic may use them, while the others have no socket to send on.
 */
public enum ConnectionState {
  /** Opening for the first time; no socket yet. */
  CONNECTING,
  /** Passing its checks with a good score. */
  HEALTHY,
  /** Passing its checks, but its score is below the degraded threshold; still in rotation. */
  DEGRADED,
  /** Connected but failing its checks: ejected from rotation until it rises again. */
  UNHEALTHY,
  /** The socket dropped; waiting for the next attempt of the backoff. */
  RECONNECTING,
  /** Reconnect attempts exhausted; only probed slowly. */
  FAILED;

  /** Whether the connection takes deliveries when the pool is not in panic. */
  public boolean inRotation() {
    return this == HEALTHY || this == DEGRADED;
  }

  /** Whether the connection has an open socket, so a delivery could be sent on it at all. */
  public boolean connected() {
    return inRotation() || this == UNHEALTHY;
  }
}
