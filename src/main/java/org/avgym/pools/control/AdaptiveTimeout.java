package org.avgym.pools.control;

import java.time.Duration;

/**
 * The ack timeout of one connection, adapted to its measured round trips the way TCP computes its
 * retransmission timeout (RFC 6298):
 *
 * <pre>
 * first sample R:  SRTT = R,  RTTVAR = R / 2
 * then:            RTTVAR = (1 − β) RTTVAR + β |SRTT − R|,  SRTT = (1 − α) SRTT + α R
 * timeout        = clamp(SRTT + 4 × RTTVAR, min, max)        α = 1/8, β = 1/4
 * </pre>
 *
 * A fixed timeout is either too short for a slow partner on another continent or far too long to
 * notice a dead gateway on the LAN; this one follows each endpoint. The clamp is the pool's
 * configured ack-timeout bounds. Before any sample the timeout is the configured initial value (by
 * default the upper bound, the cautious choice). On a timeout the value doubles, as RFC 6298 §5.5
 * says, until the next sample; per Karn's algorithm the caller must not sample the round trip of a
 * redelivered message.
 */
public final class AdaptiveTimeout {

  public static final double ALPHA = 1.0 / 8;
  public static final double BETA = 1.0 / 4;

  /** Multiple of the variation added to the smoothed round trip. */
  public static final int K = 4;

  private final double minNanos;
  private final double maxNanos;
  private boolean sampled;
  private double srtt;
  private double rttvar;
  private double timeoutNanos;

  /** Starts at the upper bound. */
  public AdaptiveTimeout(Duration min, Duration max) {
    this(min, max, max);
  }

  public AdaptiveTimeout(Duration min, Duration max, Duration initial) {
    this.minNanos = Arguments.positive("minimum timeout", min).toNanos();
    this.maxNanos = Arguments.positive("maximum timeout", max).toNanos();
    if (minNanos > maxNanos) {
      throw new IllegalArgumentException("minimum timeout " + min + " is above the maximum " + max);
    }
    this.timeoutNanos = clamp(Arguments.positive("initial timeout", initial).toNanos());
  }

  /** Adds one measured round trip (send to ack, or ping to pong). */
  public synchronized void sample(Duration roundTrip) {
    double r = Math.max(0, roundTrip.toNanos());
    if (sampled) {
      rttvar = (1 - BETA) * rttvar + BETA * Math.abs(srtt - r);
      srtt = (1 - ALPHA) * srtt + ALPHA * r;
    } else {
      srtt = r;
      rttvar = r / 2;
      sampled = true;
    }
    timeoutNanos = clamp(srtt + K * rttvar);
  }

  /** A delivery timed out: wait twice as long for the next one, within the bounds. */
  public synchronized void timedOut() {
    timeoutNanos = clamp(timeoutNanos * 2);
  }

  /** How long to wait for the next ack. */
  public synchronized Duration timeout() {
    return Duration.ofNanos(Math.round(timeoutNanos));
  }

  /** The smoothed round trip, zero before the first sample. */
  public synchronized Duration smoothedRoundTrip() {
    return Duration.ofNanos(Math.round(srtt));
  }

  private double clamp(double nanos) {
    return Math.max(minNanos, Math.min(maxNanos, nanos));
  }
}
