package org.avgym.checkin.entity;

import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.time.Instant;

/**
 * A location's occupancy moved: by a check-in or check-out, or by visits closed after the longest
 * stay. Fired inside the transaction that moved it; the live channel (after the commit) and the
 * pools' outbox (in it) carry {@link #data()}, the {@code occupancy} topic's document.
 */
public record OccupancyChanged(String location, int occupancy, int capacity, Instant at)
    implements Serializable {

  private static final JsonProvider JSON = JsonProvider.provider();

  public static OccupancyChanged of(CheckinResult result) {
    return new OccupancyChanged(
        result.location(), result.occupancy(), result.capacity(), result.at());
  }

  public String data() {
    return JSON.createObjectBuilder()
        .add("location", location)
        .add("occupancy", occupancy)
        .add("capacity", capacity)
        .add("at", at.toString())
        .build()
        .toString();
  }
}
