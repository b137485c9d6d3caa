package org.avgym.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.avgym.analytics.entity.TimePoint;
import org.avgym.analytics.entity.Trend;
import org.avgym.analytics.entity.TrendResult;

/**
 * Says whether a metric went up, down or stayed over a window, the arrow next to each current
 * value.
 *
 * <p>The slope b is the ordinary least-squares slope of value against time in seconds. The window
 * length L is the time from the first to the last point. The relative change is b × L ÷ |mean|: how
 * much the fitted line rises over the window, as a fraction of the typical value, so that the same
 * threshold serves latencies in milliseconds and error rates below 1. A mean of exactly 0 gives a
 * relative change of 0 when the line is flat and ±∞ otherwise (any movement away from 0 is a
 * change). The trend is UP above the threshold, DOWN below its negative, STABLE in between. Fewer
 * than two points, or all points at one instant, are STABLE with slope 0.
 */
public final class TrendDetector {

  /** A fitted change of more than 5 % of the mean over the window counts as a trend. */
  public static final double DEFAULT_THRESHOLD = 0.05;

  private static final double NANOS_PER_SECOND = 1e9;

  private final double threshold;

  public TrendDetector() {
    this(DEFAULT_THRESHOLD);
  }

  public TrendDetector(double threshold) {
    this.threshold = Inputs.positive(threshold, "trend threshold");
  }

  public double threshold() {
    return threshold;
  }

  public TrendResult detect(List<TimePoint> series) {
    Inputs.required(series, "time series");
    if (series.isEmpty()) {
      return TrendResult.FLAT;
    }
    Instant origin = Inputs.required(series.get(0), "time point").at();
    int n = series.size();
    double[] t = new double[n];
    double meanT = 0;
    double meanV = 0;
    for (int i = 0; i < n; i++) {
      TimePoint point = Inputs.required(series.get(i), "time point");
      t[i] = Duration.between(origin, point.at()).toNanos() / NANOS_PER_SECOND;
      meanT += t[i] / n;
      meanV += point.value() / n;
    }
    double sxx = 0;
    double sxy = 0;
    double first = t[0];
    double last = t[0];
    for (int i = 0; i < n; i++) {
      double dt = t[i] - meanT;
      sxx += dt * dt;
      sxy += dt * (series.get(i).value() - meanV);
      first = Math.min(first, t[i]);
      last = Math.max(last, t[i]);
    }
    if (sxx == 0) {
      return new TrendResult(0, meanV, 0, Trend.STABLE);
    }
    double slope = sxy / sxx;
    double rise = slope * (last - first);
    double relative = relativeChange(rise, meanV);
    return new TrendResult(slope, meanV, relative, classify(relative));
  }

  private static double relativeChange(double rise, double mean) {
    if (mean != 0) {
      return rise / Math.abs(mean);
    }
    if (rise == 0) {
      return 0;
    }
    return rise > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  private Trend classify(double relativeChange) {
    if (relativeChange > threshold) {
      return Trend.UP;
    }
    if (relativeChange < -threshold) {
      return Trend.DOWN;
    }
    return Trend.STABLE;
  }
}
