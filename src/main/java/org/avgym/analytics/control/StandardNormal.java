package org.avgym.analytics.control;

/**
 * The standard normal distribution, for the p-values of {@link MannKendall}. Written here rather
 * than pulled in from a statistics library for two functions.
 *
 * <p>{@code erfc} uses the everywhere-positive series erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) ÷
 * (1·3·…·(2n+1)) below {@link #SERIES_LIMIT} and Laplace's continued fraction above it; both are
 * carried to double precision, so the absolute error is below 1e−14, far inside the 1e−7 a p-value
 * needs.
 */
public final class StandardNormal {

  /** Below this |x| the series converges fast without cancellation; above it the fraction does. */
  static final double SERIES_LIMIT = 2.5;

  /** Terms of the continued fraction; at x ≥ 2.5 it has converged to double precision by then. */
  private static final int FRACTION_TERMS = 80;

  /** Past this erfc(x) is below the smallest double. */
  private static final double UNDERFLOW_LIMIT = 27;

  private static final int MAX_SERIES_TERMS = 200;
  private static final double SQRT_PI = Math.sqrt(Math.PI);
  private static final double SQRT_2 = Math.sqrt(2);

  private StandardNormal() {}

  /** P(X ≤ x) for a standard normal X. */
  public static double cdf(double x) {
    return 0.5 * erfc(-x / SQRT_2);
  }

  /** Probability of a standard normal value at least |z| away from 0 in either direction. */
  public static double twoSidedP(double z) {
    return erfc(Math.abs(z) / SQRT_2);
  }

  /** Complementary error function, 1 − erf(x). */
  public static double erfc(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("erfc argument must not be NaN");
    }
    if (x < 0) {
      return 2 - erfc(-x);
    }
    if (x < SERIES_LIMIT) {
      return 1 - erfBySeries(x);
    }
    if (x > UNDERFLOW_LIMIT) {
      return 0;
    }
    double fraction = x;
    for (int n = FRACTION_TERMS; n >= 1; n--) {
      fraction = x + (n / 2.0) / fraction;
    }
    return Math.exp(-x * x) / (SQRT_PI * fraction);
  }

  private static double erfBySeries(double x) {
    double term = x;
    double sum = x;
    for (int n = 1; n < MAX_SERIES_TERMS && term > sum * 1e-17; n++) {
      term *= 2 * x * x / (2 * n + 1);
      sum += term;
    }
    return 2 / SQRT_PI * Math.exp(-x * x) * sum;
  }
}
