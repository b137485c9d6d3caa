package org.avgym.members.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.WeeklyHours;
import org.avgym.members.entity.MembershipPlan;
import org.avgym.members.entity.PlanInput;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;

/** Membership plans: what a membership allows, where and when, and for how long. */
@Stateless
public class Plans {

  /** Allowed hours when none are given: any time the location is open. */
  static final String ALWAYS = "*";

  @PersistenceContext EntityManager em;
  @Inject Locations locations;

  public List<MembershipPlan> all() {
    return em.createQuery("select p from MembershipPlan p order by p.name", MembershipPlan.class)
        .getResultList();
  }

  public MembershipPlan require(long id) {
    MembershipPlan plan = em.find(MembershipPlan.class, id);
    if (plan == null) {
      throw Refusal.notFound("no membership plan " + id);
    }
    return plan;
  }

  public MembershipPlan create(PlanInput input) {
    String name = input.name().trim();
    WeeklyHours hours =
        Fields.parsed("allowedHours", input.allowedHours(), ALWAYS, WeeklyHours::parse);
    Set<String> where = knownLocations(input.allowedLocations());
    if (nameTaken(name, null)) {
      throw Refusal.conflict("a plan named '" + name + "' already exists");
    }
    MembershipPlan plan = new MembershipPlan(name, input.durationDays(), hours, where);
    if (Boolean.FALSE.equals(input.active())) {
      plan.configure(name, input.durationDays(), hours, where, false);
    }
    em.persist(plan);
    return flushed(plan);
  }

  public MembershipPlan update(long id, PlanInput input) {
    MembershipPlan plan = require(id);
    String name = input.name().trim();
    WeeklyHours hours =
        Fields.parsed("allowedHours", input.allowedHours(), ALWAYS, WeeklyHours::parse);
    Set<String> where = knownLocations(input.allowedLocations());
    if (nameTaken(name, id)) {
      throw Refusal.conflict("a plan named '" + name + "' already exists");
    }
    boolean active = input.active() == null ? plan.isActive() : input.active();
    plan.configure(name, input.durationDays(), hours, where, active);
    return flushed(plan);
  }

  private Set<String> knownLocations(List<String> codes) {
    Set<String> wanted = codes == null ? Set.of() : new TreeSet<>(codes);
    Set<String> unknown = locations.unknown(wanted);
    if (!unknown.isEmpty()) {
      throw Refusal.invalid(
          "allowedLocations", "no location with code " + String.join(", ", unknown));
    }
    return wanted;
  }

  private boolean nameTaken(String name, Long except) {
    return em.createQuery("select p.id from MembershipPlan p where p.name = :name", Long.class)
        .setParameter("name", name)
        .getResultStream()
        .anyMatch(found -> !found.equals(except));
  }

  private MembershipPlan flushed(MembershipPlan plan) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Another request took the name between the check and the write.
      throw Refusal.conflict("a plan named '" + plan.getName() + "' already exists");
    }
    return plan;
  }
}
