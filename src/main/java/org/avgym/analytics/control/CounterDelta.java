package org.avgym.analytics.control;

/**
 * Turns a monotonically growing total (an MP Metrics counter or timer) into the increase since the
 * previous reading; a total that went down (a restart of the registry) counts from zero.
 */
public final class CounterDelta {

  private double last = Double.NaN;

  public synchronized double next(double total) {
    double delta = Double.isNaN(last) ? 0 : total >= last ? total - last : total;
    last = total;
    return delta;
  }
}
