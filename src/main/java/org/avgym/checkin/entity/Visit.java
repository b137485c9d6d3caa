package org.avgym.checkin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's stay at a location; open ones (no {@code outAt}) are its occupancy. */
@Entity
@Table(name = "visit")
public class Visit {

  public enum ClosedBy {
    CHECKOUT,
    TIMEOUT,
    STAFF
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "member_id", nullable = false)
  private Long memberId;

  @Column(name = "location_id", nullable = false)
  private Long locationId;

  @Column(name = "in_at", nullable = false)
  private Instant inAt;

  @Column(name = "out_at")
  private Instant outAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "closed_by", length = 16)
  private ClosedBy closedBy;

  protected Visit() {}

  public Visit(Long memberId, Long locationId, Instant inAt) {
    this.memberId = memberId;
    this.locationId = locationId;
    this.inAt = inAt;
  }

  public void close(Instant at, ClosedBy by) {
    this.outAt = at;
    this.closedBy = by;
  }

  public Long getId() {
    return id;
  }

  public Long getMemberId() {
    return memberId;
  }

  public Long getLocationId() {
    return locationId;
  }

  public Instant getInAt() {
    return inAt;
  }

  public Instant getOutAt() {
    return outAt;
  }

  public ClosedBy getClosedBy() {
    return closedBy;
  }
}
