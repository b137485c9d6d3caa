package org.avgym.pools.control;

import java.time.Duration;

/**
 * A peak-sensitive moving average of latency, as in Finagle's load balancer: a sample above the
 * estimate replaces it at once, a lower one pulls it down exponentially with time constant tau
 * (weight {@code e^(-Δt/tau)} on the old value). A connection that suddenly turns slow is avoided
 * immediately, and must prove itself fast for a while before it is trusted again. The decay depends
 * on the time between samples, not their number, so a busy connection is not judged faster just
 * because it is measured more often.
 *
 * <p>Time is passed in as monotonic nanoseconds ({@link System#nanoTime()} style), so tests need no
 * clock.
 */
public final class PeakEwma {

  public static final Duration DEFAULT_TAU = Duration.ofSeconds(10);

  private final double tauNanos;
  private boolean sampled;
  private double millis;
  private long lastNanos;

  public PeakEwma() {
    this(DEFAULT_TAU);
  }

  public PeakEwma(Duration tau) {
    this.tauNanos = Arguments.positive("tau", tau).toNanos();
  }

  /** Adds one observed latency, measured at {@code nowNanos}. */
  public synchronized void record(double latencyMillis, long nowNanos) {
    if (!(latencyMillis >= 0 && Double.isFinite(latencyMillis))) {
      throw new IllegalArgumentException("latency must be finite and >= 0, was " + latencyMillis);
    }
    if (!sampled || latencyMillis > millis) {
      millis = latencyMillis;
    } else {
      double elapsed = Math.max(0, nowNanos - lastNanos);
      double keep = Math.exp(-elapsed / tauNanos);
      millis = millis * keep + latencyMillis * (1 - keep);
    }
    sampled = true;
    lastNanos = nowNanos;
  }

  /** The current estimate in milliseconds, 0 before the first sample. */
  public synchronized double millis() {
    return millis;
  }

  public synchronized boolean hasSample() {
    return sampled;
  }
}
