package org.avgym.analytics.entity;

import java.time.Instant;

/** Expected occupancy for the quarter hour starting at {@code at}. */
public record ForecastPoint(Instant at, double occupancy) {}
