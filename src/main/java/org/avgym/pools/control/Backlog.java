package org.avgym.pools.control;

import org.avgym.pools.entity.OutboxStats;

/**
 * When a pool has fallen behind: its durable outbox holds at least {@code depthShare} of its limit,
 * or its oldest row waited {@code maxAgeSeconds}. Operators hear of it well before the outbox is
 * full and refuses events; it counts as caught up again only below half of both, so a backlog at
 * the line does not flap.
 */
public record Backlog(double depthShare, double maxAgeSeconds) {

  public static final double DEFAULT_DEPTH_SHARE = 0.5;
  public static final double DEFAULT_MAX_AGE_SECONDS = 60;

  public Backlog {
    if (!(depthShare > 0 && depthShare <= 1)) {
      throw new IllegalArgumentException("depth share must be in (0, 1], was " + depthShare);
    }
    if (!(maxAgeSeconds > 0 && Double.isFinite(maxAgeSeconds))) {
      throw new IllegalArgumentException("max age must be positive, was " + maxAgeSeconds);
    }
  }

  /** Whether the pool is behind now, given whether it was at the last look. */
  public boolean behind(OutboxStats outbox, int outboxLimit, boolean wasBehind) {
    double depthLine = Math.max(1, Math.ceil(depthShare * outboxLimit));
    if (wasBehind) {
      return outbox.depth() >= depthLine / 2 || outbox.oldestSeconds() >= maxAgeSeconds / 2;
    }
    return outbox.depth() >= depthLine || outbox.oldestSeconds() >= maxAgeSeconds;
  }
}
