package org.avgym.members.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.avgym.members.control.ChangeEffects;
import org.avgym.members.entity.CancelRequest;
import org.avgym.members.entity.ChangePreview;
import org.avgym.members.entity.FreezeRequest;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.Membership;
import org.avgym.members.entity.MembershipChange;
import org.avgym.members.entity.MembershipPlan;
import org.avgym.members.entity.MembershipSold;
import org.avgym.members.entity.MembershipStatus;
import org.avgym.members.entity.NewMembership;
import org.avgym.members.entity.Term;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts memberships and changes their state: freeze, unfreeze, cancel. The rules of those changes
 * live in {@link Membership}; a change it refuses is a conflict with the membership's state.
 */
@Stateless
public class Memberships {

  private static final Logger LOG = Logger.getLogger(Memberships.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Members members;
  @Inject Event<MembershipSold> sold;
  @Resource SessionContext caller;

  /** How many days before today a sale at the desk may start; 0: from today on. */
  @Inject
  @ConfigProperty(name = "avgym.members.sale.backdate-days", defaultValue = "0")
  int backdateDays;

  private final ChangeEffects effects = new ChangeEffects(ZoneId.systemDefault());

  public Membership require(long id) {
    Membership membership = em.find(Membership.class, id);
    if (membership == null) {
      throw Refusal.notFound("no membership " + id);
    }
    return membership;
  }

  public Membership start(long memberId, NewMembership request) {
    Member member = members.require(memberId);
    MembershipPlan plan = em.find(MembershipPlan.class, request.planId());
    if (plan == null) {
      throw Refusal.invalid("planId", "no membership plan " + request.planId());
    }
    Instant start = Fields.instant("startsAt", request.startsAt(), Instant.now());
    Membership membership = new Membership(member, plan, start, plan.endFor(start));
    em.persist(membership);
    em.flush();
    return membership;
  }

  /**
   * What a sale, renewal or plan change would do, checked by the same rules as {@link #apply} and
   * changing nothing.
   */
  public ChangePreview preview(MembershipChange change) {
    Planned planned = plan(change);
    Instant now = Instant.now();
    Term next = Term.of(planned.plan(), planned.start(), planned.plan().endFor(planned.start()));
    Term previous =
        planned.previous() == null
            ? null
            : Term.of(
                planned.previous().getPlan(),
                planned.previous().getStartsAt(),
                planned.previous().getEndsAt());
    Instant previousEndsAfter =
        previous == null
            ? null
            : change.origin() == Membership.Origin.PLAN_CHANGE
                ? planned.start()
                : previous.endsAt();
    return new ChangePreview(
        label(change.origin()),
        next,
        previous,
        previousEndsAfter,
        effects.describe(previous, previousEndsAfter, next, now));
  }

  /**
   * Sells, renews or changes the plan of a membership. The check-in desk reads memberships from the
   * database on every scan, so the change counts at the doors from the moment this commits.
   */
  public Membership apply(MembershipChange change) {
    if (change.origin() == Membership.Origin.SALE && change.memberId() == null) {
      throw Refusal.invalid("memberId", "choose the member to sell to");
    }
    Planned planned = plan(change);
    Membership created;
    if (planned.previous() == null) {
      created =
          new Membership(
              planned.member(),
              planned.plan(),
              planned.start(),
              planned.plan().endFor(planned.start()));
    } else {
      if (change.origin() == Membership.Origin.PLAN_CHANGE) {
        try {
          planned.previous().endEarlyAt(planned.start());
        } catch (Membership.MembershipStateException e) {
          throw Refusal.invalid("startsAt", e.getMessage());
        }
      }
      created =
          new Membership(
              planned.previous(),
              change.origin(),
              planned.plan(),
              planned.start(),
              planned.plan().endFor(planned.start()));
    }
    em.persist(created);
    em.flush();
    sold.fire(
        new MembershipSold(
            created.getId(),
            created.getMember().getId(),
            Fields.wire(created.getOrigin()),
            created.getPlan().getName(),
            created.getStartsAt(),
            created.getEndsAt(),
            caller.getCallerPrincipal().getName()));
    return created;
  }

  /** The earliest start a sale at the desk may have: today (server time) less the backdate days. */
  public Instant earliestStart(Instant now) {
    return LocalDate.ofInstant(now, effects.zone())
        .minusDays(backdateDays)
        .atStartOfDay(effects.zone())
        .toInstant();
  }

  private record Planned(Member member, Membership previous, MembershipPlan plan, Instant start) {}

  private Planned plan(MembershipChange change) {
    Membership previous = null;
    Member member;
    if (change.origin() == Membership.Origin.SALE) {
      // A sign-up previews its first sale before the member exists.
      member = change.memberId() == null ? null : members.require(change.memberId());
    } else {
      if (change.membershipId() == null) {
        throw Refusal.invalid("membershipId", "choose the membership to change");
      }
      previous = require(change.membershipId());
      member = previous.getMember();
    }
    Long planId =
        change.planId() == null && previous != null ? previous.getPlan().getId() : change.planId();
    if (planId == null) {
      throw Refusal.invalid("planId", "choose a plan");
    }
    MembershipPlan plan = em.find(MembershipPlan.class, planId);
    if (plan == null) {
      throw Refusal.invalid("planId", "no membership plan " + planId);
    }
    if (!plan.isActive()) {
      throw Refusal.invalid("planId", "the plan " + plan.getName() + " is no longer offered");
    }
    Instant now = Instant.now();
    Instant start = change.startsAt() == null ? now : change.startsAt();
    Instant earliest = earliestStart(now);
    if (start.isBefore(earliest)) {
      throw Refusal.invalid(
          "startsAt",
          "the plan "
              + plan.getName()
              + " starts no earlier than "
              + LocalDate.ofInstant(earliest, effects.zone())
              + (backdateDays == 0 ? " (today)" : "")
              + ", not "
              + LocalDate.ofInstant(start, effects.zone()));
    }
    if (change.origin() == Membership.Origin.PLAN_CHANGE) {
      if (previous.getStatus() == MembershipStatus.CANCELLED) {
        throw Refusal.invalid("membershipId", "a cancelled membership cannot change its plan");
      }
      if (!start.isAfter(previous.getStartsAt())
          || (previous.getEndsAt() != null && !start.isBefore(previous.getEndsAt()))) {
        throw Refusal.invalid(
            "startsAt",
            "the change must fall within the membership's term, "
                + LocalDate.ofInstant(previous.getStartsAt(), effects.zone())
                + " to "
                + (previous.getEndsAt() == null
                    ? "open end"
                    : LocalDate.ofInstant(previous.getEndsAt(), effects.zone())));
      }
    }
    return new Planned(member, previous, plan, start);
  }

  private static String label(Membership.Origin origin) {
    return switch (origin) {
      case SALE -> "Sell";
      case RENEWAL -> "Renew";
      case PLAN_CHANGE -> "Change plan";
    };
  }

  public Membership freeze(long id, FreezeRequest request) {
    Instant now = Instant.now();
    Instant from = Fields.instant("from", request.from(), now);
    Instant until = Fields.instant("until", request.until(), null);
    return change(id, m -> m.freeze(from, until, request.reason(), now));
  }

  public Membership unfreeze(long id) {
    return change(id, m -> m.unfreeze(Instant.now()));
  }

  public Membership cancel(long id, CancelRequest request, String staffUser) {
    Membership cancelled = change(id, m -> m.cancel(Instant.now()));
    // The schema keeps no cancellation reason; the log keeps who cancelled and why.
    LOG.info(
        () ->
            "Membership "
                + id
                + " cancelled by "
                + staffUser
                + (request.reason() == null ? "" : ": " + request.reason()));
    return cancelled;
  }

  private Membership change(long id, Consumer<Membership> change) {
    Membership membership = require(id);
    try {
      change.accept(membership);
    } catch (Membership.MembershipStateException e) {
      throw Refusal.conflict(e.getMessage());
    }
    em.flush();
    return membership;
  }
}
