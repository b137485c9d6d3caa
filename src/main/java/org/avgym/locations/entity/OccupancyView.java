package org.avgym.locations.entity;

/**
 * How full a location is now. {@code ratio} is occupancy over capacity; a location with capacity 0
 * admits no one, so it counts as full (1.0).
 */
public record OccupancyView(String code, String name, int occupancy, int capacity, double ratio) {

  public static OccupancyView of(Location location) {
    int capacity = location.getCapacity();
    double ratio = capacity == 0 ? 1.0 : (double) location.getOccupancy() / capacity;
    return new OccupancyView(
        location.getCode(), location.getName(), location.getOccupancy(), capacity, ratio);
  }
}
