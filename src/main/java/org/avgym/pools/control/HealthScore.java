package org.avgym.pools.control;

import java.time.Duration;
import java.util.Collection;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.HealthSignals;

/**
 * The quality score 0–100 of one pooled connection (also in {@code docs/pool-health-score.md}):
 *
 * <pre>
 * score     = 100 × latency × errors × stability           each factor in [0, 1]
 * latency   = min(1, (median + slack) / (peakEwma + slack)),  1 when either latency is unknown
 * errors    = (1 − errorRate)²
 * stability = 1 / (1 + 0.5 × reconnects) × (0.8 + 0.2 × min(1, uptime / stableUptime))
 * </pre>
 *
 * <ul>
 *   <li><b>Latency</b> is relative to the pool's median, because what matters for routing is how a
 *       connection compares with its siblings, not an absolute budget that differs per downstream
 *       system. At or below the median costs nothing; twice the median roughly halves the factor.
 *       The slack (default {@value #DEFAULT_LATENCY_SLACK_MILLIS} ms) keeps millisecond jitter on a
 *       fast network from looking like a 3× slowdown.
 *   <li><b>Errors</b> (timeouts, error frames) over the sliding window are squared so that a few
 *       errors cost little (10 % → 0.81) while an endpoint failing half its deliveries, each of
 *       which must then be redelivered, is clearly bad (50 % → 0.25).
 *   <li><b>Stability</b>: each reconnect in the window costs, with diminishing effect (1 → 0.67, 2
 *       → 0.5, 4 → 0.33), and a fresh socket starts at 0.8, reaching 1 after a stable uptime
 *       (default 60 s): a just-reconnected endpoint is unproven, but not so suspect that it drops
 *       below the degraded threshold on that alone.
 * </ul>
 *
 * Multiplying the factors means any one of them can pull the score down on its own: a fast endpoint
 * that fails every delivery is worthless.
 */
public final class HealthScore {

  public static final double DEFAULT_LATENCY_SLACK_MILLIS = 5;
  public static final Duration DEFAULT_STABLE_UPTIME = Duration.ofSeconds(60);

  /** Exponent on the success rate: how sharply errors pull the score down. */
  public static final double ERROR_EXPONENT = 2;

  /** Cost of each reconnect in the window, in the stability factor's denominator. */
  public static final double RECONNECT_PENALTY = 0.5;

  /** Uptime part of the stability factor right after the socket opens. */
  public static final double FRESH_UPTIME_FACTOR = 0.8;

  private final double latencySlackMillis;
  private final Duration stableUptime;

  public HealthScore() {
    this(DEFAULT_LATENCY_SLACK_MILLIS, DEFAULT_STABLE_UPTIME);
  }

  public HealthScore(double latencySlackMillis, Duration stableUptime) {
    if (!(latencySlackMillis >= 0 && Double.isFinite(latencySlackMillis))) {
      throw new IllegalArgumentException("latency slack must be >= 0, was " + latencySlackMillis);
    }
    this.latencySlackMillis = latencySlackMillis;
    this.stableUptime = Arguments.positive("stable uptime", stableUptime);
  }

  /** The score 0–100. */
  public double score(HealthSignals signals) {
    return Candidate.MAX_SCORE
        * latencyFactor(signals.latencyMillis(), signals.poolMedianMillis())
        * errorFactor(signals.errorRate())
        * stabilityFactor(signals.reconnects(), signals.uptime());
  }

  /** 1 at or below the pool median, falling as the connection gets slower than its siblings. */
  public double latencyFactor(double latencyMillis, double poolMedianMillis) {
    if (latencyMillis <= 0 || poolMedianMillis <= 0) {
      return 1;
    }
    return Math.min(
        1, (poolMedianMillis + latencySlackMillis) / (latencyMillis + latencySlackMillis));
  }

  /** (1 − error rate)². */
  public double errorFactor(double errorRate) {
    return Math.pow(1 - errorRate, ERROR_EXPONENT);
  }

  /** Penalises reconnects in the window and a socket younger than the stable uptime. */
  public double stabilityFactor(int reconnects, Duration uptime) {
    double reconnectPart = 1 / (1 + RECONNECT_PENALTY * reconnects);
    double proven = Math.min(1, Math.max(0, (double) uptime.toNanos() / stableUptime.toNanos()));
    double uptimePart = FRESH_UPTIME_FACTOR + (1 - FRESH_UPTIME_FACTOR) * proven;
    return reconnectPart * uptimePart;
  }

  /**
   * The median of the pool's latency estimates, skipping connections with no measurement (0); 0
   * when none has one. The median rather than the mean, so one very slow endpoint does not make the
   * others look fast.
   */
  public static double median(Collection<Double> latenciesMillis) {
    double[] measured =
        latenciesMillis.stream()
            .mapToDouble(Double::doubleValue)
            .filter(l -> l > 0)
            .sorted()
            .toArray();
    if (measured.length == 0) {
      return 0;
    }
    int middle = measured.length / 2;
    return measured.length % 2 == 1
        ? measured[middle]
        : (measured[middle - 1] + measured[middle]) / 2;
  }
}
