package org.avgym.locations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;

@Entity
@Table(name = "location")
@NamedQuery(name = Location.BY_CODE, query = "select l from Location l where l.code = :code")
@NamedQuery(name = Location.ALL, query = "select l from Location l order by l.code")
public class Location {

  public static final String BY_CODE = "Location.byCode";
  public static final String ALL = "Location.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 32)
  private String code;

  @Column(nullable = false, length = 128)
  private String name;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(nullable = false)
  private int capacity;

  @Column(name = "opening_hours", nullable = false, length = 512)
  private String openingHours;

  @Column(nullable = false)
  private boolean closed;

  /** Open visits; changed only under the row lock that check-ins take. */
  @Column(nullable = false)
  private int occupancy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Location() {}

  public Location(String code, String name, ZoneId zone, int capacity, WeeklyHours openingHours) {
    this.code = code;
    this.createdAt = Instant.now();
    configure(name, zone, capacity, openingHours, false);
  }

  public void configure(
      String name, ZoneId zone, int capacity, WeeklyHours openingHours, boolean closed) {
    this.name = name;
    this.timeZone = zone.getId();
    this.capacity = capacity;
    this.openingHours = openingHours.format();
    this.closed = closed;
  }

  public void enter() {
    occupancy++;
  }

  public void leave(int people) {
    occupancy = Math.max(0, occupancy - people);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public ZoneId getZone() {
    return ZoneId.of(timeZone);
  }

  public int getCapacity() {
    return capacity;
  }

  public WeeklyHours getOpeningHours() {
    return WeeklyHours.parse(openingHours);
  }

  public String getOpeningHoursText() {
    return openingHours;
  }

  public boolean isClosed() {
    return closed;
  }

  public int getOccupancy() {
    return occupancy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
