package org.avgym.analytics.entity;

import java.util.List;

/**
 * An occupancy forecast: the points and today's level (observed ÷ usual, after clamping) they were
 * scaled by. Without history for the hours ahead there are no points: {@link #NOT_ENOUGH_HISTORY}
 * says so explicitly rather than guessing zero.
 */
public record Forecast(List<ForecastPoint> points, double level) {

  public static final Forecast NOT_ENOUGH_HISTORY = new Forecast(List.of(), Double.NaN);

  public Forecast {
    points = List.copyOf(points);
  }

  public boolean enoughHistory() {
    return !points.isEmpty();
  }
}
