package org.avgym.platform.control;

import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The unit every AV Gym timer declares. A MicroProfile {@code Timer} records nanoseconds, and
 * Payara's Prometheus exporter scales a timer's quantiles, mean and max from the declared unit to
 * seconds (the {@code _seconds} name comes from any time unit). Declaring {@code seconds} instead
 * printed nanoseconds under {@code _seconds} names ({@code 6891026.0} for 6.9 ms); declaring what
 * the timer really records prints {@code 0.006891026}.
 */
public final class Timers {

  /** What {@code Timer.update(Duration)} stores; exported as seconds. */
  public static final String UNIT = MetricUnits.NANOSECONDS;

  private Timers() {}
}
