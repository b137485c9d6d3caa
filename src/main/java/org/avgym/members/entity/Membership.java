package org.avgym.members.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's right to use a plan from {@code startsAt} (inclusive) to {@code endsAt} (exclusive).
 * Freezes are kept as history; a closed freeze extends the end by its length, so a member never
 * loses paid time to a freeze. Cancelling is final.
 */
@Entity
@Table(name = "membership")
public class Membership {

  /** How a membership came about; renewals and plan changes follow an earlier membership. */
  public enum Origin {
    SALE,
    RENEWAL,
    PLAN_CHANGE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "member_id")
  private Member member;

  @ManyToOne(optional = false)
  @JoinColumn(name = "plan_id")
  private MembershipPlan plan;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MembershipStatus status = MembershipStatus.ACTIVE;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @OneToMany(
      mappedBy = "membership",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.EAGER)
  @OrderBy("from ASC")
  private List<MembershipFreeze> freezes = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Origin origin = Origin.SALE;

  @Column(name = "follows_id")
  private Long followsId;

  @Version private long version;

  protected Membership() {}

  public Membership(Member member, MembershipPlan plan, Instant startsAt, Instant endsAt) {
    this.member = member;
    this.plan = plan;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.createdAt = Instant.now();
  }

  /** A membership that renews or changes the plan of {@code previous}. */
  public Membership(
      Membership previous, Origin origin, MembershipPlan plan, Instant startsAt, Instant endsAt) {
    this(previous.member, plan, startsAt, endsAt);
    this.origin = origin;
    this.followsId = previous.id;
  }

  /**
   * Ends the membership early at {@code at}, as a change of plan from that moment does; the time
   * after it goes to the membership that follows.
   */
  public void endEarlyAt(Instant at) {
    if (status == MembershipStatus.CANCELLED) {
      throw new MembershipStateException("a cancelled membership cannot change its plan");
    }
    if (!at.isAfter(startsAt)) {
      throw new MembershipStateException(
          "the change must come after the membership starts (" + startsAt + ")");
    }
    if (endsAt != null && !at.isBefore(endsAt)) {
      throw new MembershipStateException(
          "the change must come before the membership ends (" + endsAt + ")");
    }
    endsAt = at;
  }

  /** Freezes from {@code from} until {@code until} (exclusive; null = until unfrozen). */
  public void freeze(Instant from, Instant until, String reason, Instant now) {
    if (status == MembershipStatus.CANCELLED) {
      throw new MembershipStateException("a cancelled membership cannot be frozen");
    }
    if (until != null && !until.isAfter(from)) {
      throw new MembershipStateException("the freeze must end after it starts");
    }
    for (MembershipFreeze existing : freezes) {
      boolean overlaps =
          (existing.getUntil() == null || from.isBefore(existing.getUntil()))
              && (until == null || until.isAfter(existing.getFrom()));
      if (overlaps) {
        throw new MembershipStateException("the membership is already frozen in that period");
      }
    }
    freezes.add(new MembershipFreeze(this, from, until, reason));
    if (until != null && endsAt != null) {
      endsAt = endsAt.plus(Duration.between(from, until));
    }
    if (!from.isAfter(now)) {
      status = MembershipStatus.FROZEN;
    }
  }

  /** Ends the freeze that is open now. */
  public void unfreeze(Instant now) {
    MembershipFreeze open =
        freezes.stream()
            .filter(f -> f.isOpenAt(now))
            .findFirst()
            .orElseThrow(() -> new MembershipStateException("the membership is not frozen now"));
    Instant plannedEnd = open.getUntil();
    open.endAt(now);
    if (endsAt != null) {
      Duration unused = plannedEnd == null ? Duration.ZERO : Duration.between(now, plannedEnd);
      Duration used = Duration.between(open.getFrom(), now);
      endsAt = plannedEnd == null ? endsAt.plus(used) : endsAt.minus(unused);
    }
    status = MembershipStatus.ACTIVE;
  }

  public void cancel(Instant at) {
    if (status == MembershipStatus.CANCELLED) {
      throw new MembershipStateException("the membership is already cancelled");
    }
    status = MembershipStatus.CANCELLED;
    cancelledAt = at;
  }

  public Long getId() {
    return id;
  }

  public Member getMember() {
    return member;
  }

  public MembershipPlan getPlan() {
    return plan;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public MembershipStatus getStatus() {
    return status;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public Origin getOrigin() {
    return origin;
  }

  public Long getFollowsId() {
    return followsId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<MembershipFreeze> getFreezes() {
    return List.copyOf(freezes);
  }

  public static class MembershipStateException extends RuntimeException {
    public MembershipStateException(String message) {
      super(message);
    }
  }
}
