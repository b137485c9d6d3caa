package org.avgym.analytics.entity;

import java.time.Duration;

/**
 * When to tell an operator about a metric: the rule fires once the metric has stayed on the bad
 * side of {@code threshold} for {@code duration}, and resolves only once it is back past {@code
 * clearThreshold}. The gap between the two thresholds (hysteresis) keeps a value oscillating around
 * the threshold from firing and resolving over and over.
 *
 * @param name unique name; one open alert is kept per name and subject
 * @param metric the sampled metric the rule watches, e.g. {@code poolHealth}
 * @param clearThreshold the value the metric must pass back over to resolve; on the good side of
 *     (or equal to) {@code threshold}
 */
public record AlertRule(
    String name,
    String metric,
    Comparison comparison,
    double threshold,
    Duration duration,
    Severity severity,
    double clearThreshold,
    boolean enabled) {

  /** Default hysteresis: the metric must come back 10 % of the threshold past it to resolve. */
  public static final double DEFAULT_HYSTERESIS_FRACTION = 0.10;

  public AlertRule {
    requireText(name, "name");
    requireText(metric, "metric");
    if (comparison == null) {
      throw new IllegalArgumentException("alert rule '" + name + "' needs a comparison");
    }
    if (severity == null) {
      throw new IllegalArgumentException("alert rule '" + name + "' needs a severity");
    }
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(
          "alert rule '" + name + "' needs a duration of zero or more, was " + duration);
    }
    if (!Double.isFinite(threshold) || !Double.isFinite(clearThreshold)) {
      throw new IllegalArgumentException(
          "alert rule '"
              + name
              + "' needs finite thresholds, was "
              + threshold
              + " and "
              + clearThreshold);
    }
    if (comparison.breaches(clearThreshold, threshold)) {
      throw new IllegalArgumentException(
          "alert rule '"
              + name
              + "': clear threshold "
              + clearThreshold
              + " must not be "
              + comparison.name().toLowerCase(java.util.Locale.ROOT)
              + " the threshold "
              + threshold);
    }
  }

  /** An enabled rule with the default hysteresis of {@link #DEFAULT_HYSTERESIS_FRACTION}. */
  public static AlertRule of(
      String name,
      String metric,
      Comparison comparison,
      double threshold,
      Duration duration,
      Severity severity) {
    return new AlertRule(
        name,
        metric,
        comparison,
        threshold,
        duration,
        severity,
        clearThresholdFor(comparison, threshold, DEFAULT_HYSTERESIS_FRACTION),
        true);
  }

  /** The same rule with the clear threshold set as a fraction of the threshold (0.1 = 10 %). */
  public AlertRule withHysteresisFraction(double fraction) {
    if (!(fraction >= 0)) {
      throw new IllegalArgumentException(
          "hysteresis fraction must be zero or more, was " + fraction);
    }
    return withClearThreshold(clearThresholdFor(comparison, threshold, fraction));
  }

  public AlertRule withClearThreshold(double clear) {
    return new AlertRule(name, metric, comparison, threshold, duration, severity, clear, enabled);
  }

  public AlertRule withEnabled(boolean on) {
    return new AlertRule(
        name, metric, comparison, threshold, duration, severity, clearThreshold, on);
  }

  private static double clearThresholdFor(
      Comparison comparison, double threshold, double fraction) {
    if (comparison == null) {
      return threshold; // the constructor reports the missing comparison
    }
    double margin = Math.abs(threshold) * fraction;
    return comparison == Comparison.ABOVE ? threshold - margin : threshold + margin;
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("alert rule needs a " + what);
    }
  }
}
