package org.avgym.analytics.entity;

/**
 * Outcome of a least-squares trend: the slope, the mean it is judged against, the relative change
 * over the window ({@code slope × window ÷ |mean|}) and the direction it implies.
 */
public record TrendResult(double slopePerSecond, double mean, double relativeChange, Trend trend) {

  public static final TrendResult FLAT = new TrendResult(0, 0, 0, Trend.STABLE);
}
