package org.avgym.locations.entity;

/** A location as the API shows it. */
public record LocationView(
    long id,
    String code,
    String name,
    String timeZone,
    int capacity,
    String openingHours,
    boolean closed,
    int occupancy) {

  public static LocationView of(Location location) {
    return new LocationView(
        location.getId(),
        location.getCode(),
        location.getName(),
        location.getZone().getId(),
        location.getCapacity(),
        location.getOpeningHoursText(),
        location.isClosed(),
        location.getOccupancy());
  }
}
