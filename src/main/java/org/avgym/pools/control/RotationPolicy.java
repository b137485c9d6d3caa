package org.avgym.pools.control;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.Rotation;

/**
 * Decides which connections of a pool may take deliveries. Normally those in rotation (healthy or
 * degraded), with two safety valves borrowed from Envoy's outlier detection:
 *
 * <ul>
 *   <li><b>Maximum ejection.</b> At most {@code maxEjectionShare} of the pool (rounded down) is
 *       ejected for being unhealthy; beyond that the best-scored unhealthy connections stay in. A
 *       bad health signal (say, a downstream hiccup that hits every endpoint) then cannot empty a
 *       pool. Only {@link ConnectionState#UNHEALTHY} connections count as ejected: reconnecting,
 *       connecting and failed ones have no socket, so keeping them in would not help.
 *   <li><b>Panic.</b> When the share of the whole pool in rotation falls below {@code
 *       panicThreshold}, the health signal is more likely wrong than the endpoints, and
 *       concentrating all traffic on the few survivors would overload them. The pool then spreads
 *       over every <em>connected</em> connection (healthy, degraded and unhealthy): those with an
 *       open socket. An empty pool is in panic with nothing eligible.
 * </ul>
 */
public final class RotationPolicy {

  public static final double DEFAULT_MAX_EJECTION_SHARE = 0.5;
  public static final double DEFAULT_PANIC_THRESHOLD = 0.3;

  private static final Comparator<Candidate> BEST_SCORE_FIRST =
      Comparator.comparingDouble(Candidate::score).reversed();

  private final double maxEjectionShare;
  private final double panicThreshold;

  public RotationPolicy() {
    this(DEFAULT_MAX_EJECTION_SHARE, DEFAULT_PANIC_THRESHOLD);
  }

  /**
   * @param maxEjectionShare share of the pool that may be ejected, 0–1 (1 allows all)
   * @param panicThreshold healthy share below which the pool panics, 0–1 (0 never panics)
   */
  public RotationPolicy(double maxEjectionShare, double panicThreshold) {
    this.maxEjectionShare = Arguments.share("max ejection share", maxEjectionShare);
    this.panicThreshold = Arguments.share("panic threshold", panicThreshold);
  }

  /** The rotation for the pool's connections as they are now, in pool order. */
  public Rotation select(List<Candidate> pool) {
    if (pool.isEmpty()) {
      return new Rotation(List.of(), true, 0);
    }
    long inRotation = pool.stream().filter(c -> c.state().inRotation()).count();
    double healthyShare = (double) inRotation / pool.size();
    if (healthyShare < panicThreshold) {
      return new Rotation(
          pool.stream().filter(c -> c.state().connected()).toList(), true, healthyShare);
    }
    List<Candidate> unhealthy =
        pool.stream().filter(c -> c.state() == ConnectionState.UNHEALTHY).toList();
    int maxEjected = (int) Math.floor(maxEjectionShare * pool.size());
    int keptIn = Math.max(0, unhealthy.size() - maxEjected);
    Set<String> kept =
        unhealthy.stream()
            .sorted(BEST_SCORE_FIRST)
            .limit(keptIn)
            .map(Candidate::id)
            .collect(Collectors.toSet());
    List<Candidate> eligible =
        pool.stream().filter(c -> c.state().inRotation() || kept.contains(c.id())).toList();
    return new Rotation(eligible, false, healthyShare);
  }
}
