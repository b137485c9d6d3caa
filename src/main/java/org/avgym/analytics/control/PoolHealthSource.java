package org.avgym.analytics.control;

import java.util.Map;

/**
 * The extension point through which the pools feature (built separately) reports its health to
 * analytics without analytics depending on it: any CDI bean implementing this is sampled every
 * interval. Without one, pool health is sampled as 100.
 */
public interface PoolHealthSource {

  /** Health score per pool name, 0 (dead) to 100 (healthy). */
  Map<String, Double> poolHealth();

  /** Connections per pool whose reconnects ran out (FAILED) now; none by default. */
  default Map<String, Integer> failedConnections() {
    return Map.of();
  }
}
