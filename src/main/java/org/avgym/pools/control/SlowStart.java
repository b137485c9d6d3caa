package org.avgym.pools.control;

import java.time.Duration;

/**
 * Ramps a recovered connection's weight linearly from {@value #INITIAL_SHARE} of its weight to all
 * of it over a window, so an endpoint that just came back (often with cold caches or a backlog) is
 * not flooded with its full share at once.
 */
public final class SlowStart {

  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);

  /** Share of the weight a connection gets the moment it recovers. */
  public static final double INITIAL_SHARE = 0.1;

  private final Duration window;

  public SlowStart() {
    this(DEFAULT_WINDOW);
  }

  /**
   * @param window how long the ramp takes; zero disables slow start
   */
  public SlowStart(Duration window) {
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException("slow-start window must be >= 0, was " + window);
    }
    this.window = window;
  }

  /** Share of its weight a connection gets this long after recovering, from 0.1 to 1. */
  public double factor(Duration sinceRecovery) {
    if (window.isZero()) {
      return 1;
    }
    double elapsed = Math.max(0, sinceRecovery.toNanos());
    double progress = Math.min(1, elapsed / window.toNanos());
    return INITIAL_SHARE + (1 - INITIAL_SHARE) * progress;
  }

  /** The weight a strategy should use for the connection. */
  public double effectiveWeight(int weight, Duration sinceRecovery) {
    return weight * factor(sinceRecovery);
  }
}
