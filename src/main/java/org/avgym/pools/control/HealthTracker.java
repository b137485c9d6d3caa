package org.avgym.pools.control;

import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.StateChange;

/**
 * The state machine of one pooled connection. Checks (ping/pong, acks) report passes and failures;
 * it takes {@code rise} consecutive passes to come back from unhealthy and {@code fall} consecutive
 * failures to become unhealthy, so one lost pong neither ejects a connection nor one lucky pong
 * readmits a broken one. While passing, the score decides between healthy and degraded, with a
 * {@link #RECOVERY_MARGIN} of hysteresis on the way back up.
 *
 * <pre>
 * CONNECTING   --connected-->  HEALTHY (the handshake is the first proof)
 * RECONNECTING --connected-->  UNHEALTHY (it has failed before: it must rise)
 * FAILED       --connected-->  UNHEALTHY (a slow probe got through)
 * UNHEALTHY    --rise passes--> HEALTHY | DEGRADED
 * HEALTHY --pass(score)--> DEGRADED if score < degradedBelow
 * DEGRADED --pass(score)--> HEALTHY if score >= degradedBelow + RECOVERY_MARGIN
 * HEALTHY/DEGRADED --fall failures--> UNHEALTHY
 * any connected or CONNECTING --disconnected--> RECONNECTING
 * CONNECTING/RECONNECTING/FAILED --connectFailed--> RECONNECTING, or FAILED when exhausted
 * </pre>
 *
 * Events that do not apply to the current state (a pass without a socket) change nothing. No I/O,
 * no clock: each method returns the transition, and the caller publishes it.
 */
public final class HealthTracker {

  /**
   * @param rise consecutive passes to come back from unhealthy (default {@value #DEFAULT_RISE})
   * @param fall consecutive failures to become unhealthy (default {@value #DEFAULT_FALL})
   * @param degradedBelow score below which a passing connection is degraded (default {@value
   *     #DEFAULT_DEGRADED_BELOW})
   */
  public record Thresholds(int rise, int fall, double degradedBelow) {

    public static final int DEFAULT_RISE = 2;
    public static final int DEFAULT_FALL = 3;
    public static final double DEFAULT_DEGRADED_BELOW = 60;

    public static final Thresholds DEFAULTS =
        new Thresholds(DEFAULT_RISE, DEFAULT_FALL, DEFAULT_DEGRADED_BELOW);

    public Thresholds {
      if (rise < 1 || fall < 1) {
        throw new IllegalArgumentException("rise and fall must be at least 1");
      }
      if (!(degradedBelow >= 0 && degradedBelow <= 100)) {
        throw new IllegalArgumentException("degraded threshold must be in [0, 100]");
      }
    }
  }

  /** Points above the degraded threshold a degraded connection needs to count as healthy again. */
  public static final double RECOVERY_MARGIN = 10;

  private final Thresholds thresholds;
  private ConnectionState state = ConnectionState.CONNECTING;
  private int passes;
  private int failures;

  public HealthTracker() {
    this(Thresholds.DEFAULTS);
  }

  public HealthTracker(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  public synchronized ConnectionState state() {
    return state;
  }

  /** The socket opened. */
  public synchronized StateChange connected() {
    return switch (state) {
      case CONNECTING -> moveTo(ConnectionState.HEALTHY);
      case RECONNECTING, FAILED -> moveTo(ConnectionState.UNHEALTHY);
      default -> unchanged();
    };
  }

  /** A check passed (a pong or an ack in time); {@code score} is the connection's score now. */
  public synchronized StateChange passed(double score) {
    if (!state.connected()) {
      return unchanged();
    }
    failures = 0;
    passes++;
    if (state == ConnectionState.UNHEALTHY && passes < thresholds.rise()) {
      return unchanged();
    }
    // Hysteresis: a degraded connection must score RECOVERY_MARGIN above the threshold to be
    // healthy again, so a score hovering at the line does not flap (each change is published).
    double healthyFrom =
        state == ConnectionState.DEGRADED
            ? thresholds.degradedBelow() + RECOVERY_MARGIN
            : thresholds.degradedBelow();
    return moveTo(score < healthyFrom ? ConnectionState.DEGRADED : ConnectionState.HEALTHY);
  }

  /** A check failed (no pong, an ack timeout, an error frame). */
  public synchronized StateChange failed() {
    if (!state.connected()) {
      return unchanged();
    }
    passes = 0;
    failures++;
    if (state.inRotation() && failures >= thresholds.fall()) {
      return moveTo(ConnectionState.UNHEALTHY);
    }
    return unchanged();
  }

  /** The socket closed or broke. */
  public synchronized StateChange disconnected() {
    if (state.connected() || state == ConnectionState.CONNECTING) {
      return moveTo(ConnectionState.RECONNECTING);
    }
    return unchanged();
  }

  /** An attempt to open the socket failed; {@code exhausted} when the backoff has given up. */
  public synchronized StateChange connectFailed(boolean exhausted) {
    if (state.connected()) {
      return unchanged();
    }
    return moveTo(exhausted ? ConnectionState.FAILED : ConnectionState.RECONNECTING);
  }

  private StateChange moveTo(ConnectionState next) {
    StateChange change = new StateChange(state, next);
    if (change.changed()) {
      passes = 0;
      failures = 0;
    }
    state = next;
    return change;
  }

  private StateChange unchanged() {
    return new StateChange(state, state);
  }
}
