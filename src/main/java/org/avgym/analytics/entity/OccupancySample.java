package org.avgym.analytics.entity;

import java.time.Instant;

/** How many people were in a location at an instant. */
public record OccupancySample(Instant at, double occupancy) {

  public OccupancySample {
    if (at == null) {
      throw new IllegalArgumentException("occupancy sample needs an instant");
    }
    if (!Double.isFinite(occupancy) || occupancy < 0) {
      throw new IllegalArgumentException(
          "occupancy must be a finite number of zero or more, was " + occupancy);
    }
  }
}
