package org.avgym.analytics.entity;

/**
 * One value judged against its trailing mean. {@code ratio} is value ÷ trailing mean (infinite when
 * the mean is 0 and the value is not), or 0 while the value is below the minimum count or the
 * history is too short, so that it can feed an alert rule directly.
 */
public record SpikeReading(double value, double trailingMean, double ratio, boolean spike) {}
