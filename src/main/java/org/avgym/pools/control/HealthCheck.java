package org.avgym.pools.control;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One round of a pool's health check: every open connection is pinged, and one that has been silent
 * since the last round's ping fails the check. Any frame heard after the ping counts as life (an
 * ack, an error frame, the pong), so an endpoint busy acknowledging deliveries is not failed
 * because its pong queued behind them. Plain Java: the connections are {@link Probe}s.
 */
final class HealthCheck {

  /** Jitter of the check period, ± this share, so pools do not tick in lockstep. */
  static final double JITTER = 0.2;

  /** What the check needs of a connection. */
  interface Probe {
    boolean open();

    boolean pingOutstanding();

    long pingSentNanos();

    /** When the last frame of any kind arrived (or the connection opened). */
    long lastHeardNanos();

    void ping(long nowNanos) throws IOException;
  }

  /** What the check found. */
  interface Verdicts<P extends Probe> {
    /** Silent since the last ping, or the ping could not be sent. */
    void failed(P probe);
  }

  private HealthCheck() {}

  /** Whether the probe has not been heard from since its outstanding ping. */
  static boolean silent(Probe probe) {
    return probe.pingOutstanding() && probe.lastHeardNanos() < probe.pingSentNanos();
  }

  /** Checks and pings every open probe at {@code nowNanos}. */
  static <P extends Probe> void run(List<P> probes, long nowNanos, Verdicts<P> verdicts) {
    for (P probe : probes) {
      if (!probe.open()) {
        continue;
      }
      if (silent(probe)) {
        verdicts.failed(probe);
      }
      try {
        probe.ping(nowNanos);
      } catch (IOException | RuntimeException e) {
        verdicts.failed(probe);
      }
    }
  }

  /** The delay until the next round: the interval ± {@link #JITTER}. */
  static long nextDelayNanos(Duration interval, RandomGenerator random) {
    double jitter = 1 + JITTER * (2 * random.nextDouble() - 1);
    return (long) (interval.toNanos() * jitter);
  }
}
