package org.avgym.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A period during which a membership may not be used; {@code until} is exclusive. */
@Entity
@Table(name = "membership_freeze")
public class MembershipFreeze {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "membership_id")
  private Membership membership;

  @Column(name = "from_at", nullable = false)
  private Instant from;

  @Column(name = "until_at")
  private Instant until;

  @Column(length = 256)
  private String reason;

  protected MembershipFreeze() {}

  MembershipFreeze(Membership membership, Instant from, Instant until, String reason) {
    this.membership = membership;
    this.from = from;
    this.until = until;
    this.reason = reason;
  }

  boolean isOpenAt(Instant at) {
    return !at.isBefore(from) && (until == null || at.isBefore(until));
  }

  void endAt(Instant at) {
    this.until = at;
  }

  public FreezePeriod toPeriod() {
    return new FreezePeriod(from, until);
  }

  public Long getId() {
    return id;
  }

  public Instant getFrom() {
    return from;
  }

  public Instant getUntil() {
    return until;
  }

  public String getReason() {
    return reason;
  }
}
