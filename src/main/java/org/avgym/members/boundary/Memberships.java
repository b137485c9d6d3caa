package org.avgym.members.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.avgym.members.entity.CancelRequest;
import org.avgym.members.entity.FreezeRequest;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.Membership;
import org.avgym.members.entity.MembershipPlan;
import org.avgym.members.entity.NewMembership;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;

/**
 * Starts memberships and changes their state: freeze, unfreeze, cancel. The rules of those changes
 * live in {@link Membership}; a change it refuses is a conflict with the membership's state.
 */
@Stateless
public class Memberships {

  private static final Logger LOG = Logger.getLogger(Memberships.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Members members;

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
