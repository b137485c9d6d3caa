package org.avgym.pools.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * What the health score of one connection is computed from.
 *
 * @param latencyMillis the connection's peak-EWMA latency, 0 when nothing was measured yet
 * @param poolMedianMillis the median of the pool's latencies, 0 when unknown
 * @param errorRate errors over the sliding window, 0–1
 * @param reconnects reconnects within the same window
 * @param uptime time since the current socket opened
 */
public record HealthSignals(
    double latencyMillis,
    double poolMedianMillis,
    double errorRate,
    int reconnects,
    Duration uptime) {

  public HealthSignals {
    Objects.requireNonNull(uptime, "uptime");
    if (!(latencyMillis >= 0) || !(poolMedianMillis >= 0)) {
      throw new IllegalArgumentException("latencies must be >= 0");
    }
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("error rate must be in [0, 1], was " + errorRate);
    }
    if (reconnects < 0) {
      throw new IllegalArgumentException("reconnects must be >= 0, was " + reconnects);
    }
  }
}
