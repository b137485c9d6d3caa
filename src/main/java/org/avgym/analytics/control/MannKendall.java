package org.avgym.analytics.control;

import java.util.Arrays;
import java.util.List;
import org.avgym.analytics.entity.MannKendallResult;
import org.avgym.analytics.entity.Trend;

/**
 * The Mann-Kendall test on daily roll-ups: is there a monotonic trend, without assuming it is
 * linear or the values normal? It complements {@link TrendDetector}, which measures how big a
 * change is but not whether it is more than noise.
 *
 * <p>S = Σ_{i<j} sign(x_j − x_i). Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] ÷ 18, where t runs over
 * the sizes of groups of equal values. Z = (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, 0 for S
 * = 0 (continuity correction). The p-value is two-sided; the trend is UP or DOWN (by the sign of S)
 * when p &lt; alpha, otherwise STABLE. Series shorter than {@link #MIN_VALUES} are STABLE with p =
 * 1. O(n²), which is nothing for a year of daily values.
 */
public final class MannKendall {

  /** Conventional significance level. */
  public static final double DEFAULT_ALPHA = 0.05;

  /** With fewer values S cannot say anything. */
  public static final int MIN_VALUES = 3;

  private static final double VARIANCE_DIVISOR = 18;

  private final double alpha;

  public MannKendall() {
    this(DEFAULT_ALPHA);
  }

  public MannKendall(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie strictly between 0 and 1, was " + alpha);
    }
    this.alpha = alpha;
  }

  public MannKendallResult test(List<Double> series) {
    Inputs.required(series, "series");
    double[] values = new double[series.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Inputs.required(series.get(i), "series value");
    }
    return test(values);
  }

  public MannKendallResult test(double... values) {
    Inputs.required(values, "series");
    int n = values.length;
    for (double value : values) {
      Inputs.finite(value, "series value");
    }
    if (n < MIN_VALUES) {
      return MannKendallResult.notTestable(n);
    }
    long s = 0;
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        s += (long) Math.signum(values[j] - values[i]);
      }
    }
    double variance = (spread(n) - tieSpread(values)) / VARIANCE_DIVISOR;
    double z = 0;
    if (variance > 0 && s != 0) {
      z = (s > 0 ? s - 1 : s + 1) / Math.sqrt(variance);
    }
    double p = StandardNormal.twoSidedP(z);
    Trend trend = Trend.STABLE;
    if (p < alpha) {
      trend = s > 0 ? Trend.UP : Trend.DOWN;
    }
    return new MannKendallResult(n, s, variance, z, p, trend);
  }

  private static double tieSpread(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double total = 0;
    int run = 1;
    for (int i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] == sorted[i - 1]) {
        run++;
      } else {
        total += run > 1 ? spread(run) : 0;
        run = 1;
      }
    }
    return total;
  }

  /** t(t−1)(2t+5), the term that appears for the whole series and for each tie group. */
  private static double spread(long t) {
    return (double) t * (t - 1) * (2 * t + 5);
  }
}
