package org.avgym.analytics.control;

import java.time.Duration;
import java.util.List;
import org.avgym.analytics.entity.AlertRule;
import org.avgym.analytics.entity.Comparison;
import org.avgym.analytics.entity.Severity;

/**
 * The rules every installation starts with, before an admin edits or adds any. Metric names are
 * those of the 10-second samples; durations of 30 s (three samples) keep a single bad sample from
 * paging anyone.
 */
public final class BuiltInAlertRules {

  /** Three 10-second samples in a row. */
  static final Duration SUSTAINED = Duration.ofSeconds(30);

  public static final AlertRule POOL_HEALTH_LOW =
      AlertRule.of(
          "pool-health-low", "poolHealth", Comparison.BELOW, 50, SUSTAINED, Severity.WARNING);

  /** errorRate is a ratio: 0.01 is 1 % of requests failing. */
  public static final AlertRule ERROR_RATE_HIGH =
      AlertRule.of(
          "error-rate-high", "errorRate", Comparison.ABOVE, 0.01, SUSTAINED, Severity.CRITICAL);

  /** occupancyRatio is occupancy ÷ capacity of the location. */
  public static final AlertRule OCCUPANCY_HIGH =
      AlertRule.of(
          "occupancy-high", "occupancyRatio", Comparison.ABOVE, 0.9, SUSTAINED, Severity.INFO);

  /** The metric already measures how long the device has been gone, so no extra duration. */
  public static final AlertRule DEVICE_OFFLINE =
      AlertRule.of(
          "device-offline",
          "deviceOfflineSeconds",
          Comparison.ABOVE,
          120,
          Duration.ZERO,
          Severity.CRITICAL);

  /**
   * Fed with {@link org.avgym.analytics.entity.SpikeReading#ratio()} of a {@link SpikeDetector}
   * over denials per minute: fires above {@link SpikeDetector#DEFAULT_FACTOR} × the trailing mean.
   */
  public static final AlertRule DENIAL_SPIKE =
      AlertRule.of(
          "denial-spike",
          "denialSpikeRatio",
          Comparison.ABOVE,
          SpikeDetector.DEFAULT_FACTOR,
          Duration.ZERO,
          Severity.WARNING);

  /**
   * A pool connection whose reconnects ran out. The metric counts over the incident window, so a
   * connection that keeps failing and coming back stays one alert until it has been quiet a while.
   */
  public static final AlertRule POOL_CONNECTION_FAILED =
      AlertRule.of(
          "pool-connection-failed",
          "poolConnectionsFailed",
          Comparison.ABOVE,
          0.5,
          Duration.ZERO,
          Severity.CRITICAL);

  /** Requests answered 500, counted over the incident window: a burst is one alert. */
  public static final AlertRule SERVER_ERRORS =
      AlertRule.of(
          "server-errors", "serverErrors", Comparison.ABOVE, 0.5, Duration.ZERO, Severity.CRITICAL);

  public static final List<AlertRule> ALL =
      List.of(
          POOL_HEALTH_LOW,
          ERROR_RATE_HIGH,
          OCCUPANCY_HIGH,
          DEVICE_OFFLINE,
          DENIAL_SPIKE,
          POOL_CONNECTION_FAILED,
          SERVER_ERRORS);

  private BuiltInAlertRules() {}
}
