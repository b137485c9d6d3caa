package org.avgym.analytics.entity;

import java.time.Instant;

/**
 * One value of a time series. Rejected at construction when incomplete or not a number, so that a
 * NaN never silently poisons a slope or a mean further on.
 */
public record TimePoint(Instant at, double value) {

  public TimePoint {
    if (at == null) {
      throw new IllegalArgumentException("time point needs an instant");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("time point value must be finite, was " + value);
    }
  }

  public static TimePoint ofEpochSecond(long epochSecond, double value) {
    return new TimePoint(Instant.ofEpochSecond(epochSecond), value);
  }
}
