package org.avgym.analytics.entity;

/**
 * Outcome of a Mann-Kendall test: the number of values, the S statistic, its variance after tie
 * correction, the continuity-corrected Z, the two-sided p-value and the trend at the chosen alpha.
 */
public record MannKendallResult(
    int n, long s, double varianceS, double z, double pValue, Trend trend) {

  /** What a series too short to test yields: no evidence of any trend. */
  public static MannKendallResult notTestable(int n) {
    return new MannKendallResult(n, 0, 0, 0, 1, Trend.STABLE);
  }
}
