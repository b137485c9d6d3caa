package org.avgym.demo.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.avgym.demo.control.ChainBlueprint;
import org.avgym.demo.entity.CredentialSpec;
import org.avgym.demo.entity.DemoDevice;
import org.avgym.demo.entity.DeviceSpec;
import org.avgym.demo.entity.LocationSpec;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.demo.entity.PlanSpec;
import org.avgym.devices.boundary.DeviceRegistry;
import org.avgym.devices.entity.Device;
import org.avgym.devices.entity.DeviceView;
import org.avgym.locations.entity.Location;
import org.avgym.locations.entity.WeeklyHours;
import org.avgym.members.entity.Credential;
import org.avgym.members.entity.CredentialStatus;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.Membership;
import org.avgym.members.entity.MembershipPlan;

/**
 * Writes the demo chain in one transaction. It persists the other features' entities directly
 * because it is their first owner of the data, before any staff API exists; devices go through
 * {@link DeviceRegistry} so tokens are issued and hashed exactly as for real devices.
 */
@Stateless
public class DemoChain {

  @PersistenceContext EntityManager em;
  @Inject DeviceRegistry registry;

  public boolean empty() {
    return em.createQuery("select count(l) from Location l", Long.class).getSingleResult() == 0;
  }

  /** Rows per part of the chain, as the database holds them now. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("locations", count("Location"));
    counts.put("plans", count("MembershipPlan"));
    counts.put("members", count("Member"));
    counts.put("memberships", count("Membership"));
    counts.put("credentials", count("Credential"));
    counts.put("devices", count("Device"));
    return counts;
  }

  /** Creates everything in the blueprint; memberships are placed relative to {@code now}. */
  public List<DemoDevice> seed(ChainBlueprint chain, Instant now) {
    Map<String, Location> locations = new HashMap<>();
    for (LocationSpec spec : chain.locations()) {
      Location location =
          new Location(
              spec.code(),
              spec.name(),
              ZoneId.of(spec.zone()),
              spec.capacity(),
              WeeklyHours.parse(spec.hours()));
      em.persist(location);
      locations.put(spec.code(), location);
    }
    Map<String, MembershipPlan> plans = new HashMap<>();
    for (PlanSpec spec : chain.plans()) {
      MembershipPlan plan =
          new MembershipPlan(
              spec.name(), spec.durationDays(), WeeklyHours.parse(spec.hours()), spec.locations());
      em.persist(plan);
      plans.put(spec.name(), plan);
    }
    for (MemberSpec spec : chain.members()) {
      Member member = new Member(spec.name(), spec.email(), spec.phone(), null);
      em.persist(member);
      if (spec.plan() != null) {
        em.persist(membership(member, plans.get(spec.plan()), spec, now));
      }
      credentials(member, spec.credentials());
    }
    List<DemoDevice> devices = new ArrayList<>();
    for (DeviceSpec spec : chain.devices()) {
      Location location = locations.get(spec.location());
      DeviceView view =
          registry.register(spec.code(), spec.name(), location, Device.Kind.valueOf(spec.kind()));
      devices.add(
          new DemoDevice(
              view.id(), view.code(), spec.location(), location.getZone(), view.token()));
    }
    return devices;
  }

  /**
   * New tokens for the demo devices that still exist: after a restart the simulator needs tokens,
   * and only their hashes were kept.
   */
  public List<DemoDevice> rotateTokens(Set<String> codes) {
    List<DemoDevice> devices = new ArrayList<>();
    for (Device device : em.createNamedQuery(Device.ALL, Device.class).getResultList()) {
      if (codes.contains(device.getCode()) && device.isEnabled()) {
        registry
            .rotate(device.getId())
            .ifPresent(
                view ->
                    devices.add(
                        new DemoDevice(
                            view.id(),
                            view.code(),
                            view.location(),
                            device.getLocation().getZone(),
                            view.token())));
      }
    }
    return devices;
  }

  private static Membership membership(
      Member member, MembershipPlan plan, MemberSpec spec, Instant now) {
    Instant start = now.plus(Duration.ofDays(spec.startDay()));
    Membership membership = new Membership(member, plan, start, plan.endFor(start));
    switch (spec.scenario()) {
      case FROZEN ->
          membership.freeze(
              now.plus(Duration.ofDays(spec.freezeFromDay())),
              now.plus(Duration.ofDays(spec.freezeUntilDay())),
              "Knee injury (demo)",
              now);
      case CANCELLED -> membership.cancel(now.plus(Duration.ofDays(spec.cancelledDay())));
      default -> {
        // the dates alone make it active, not yet started or expired
      }
    }
    return membership;
  }

  private void credentials(Member member, List<CredentialSpec> specs) {
    Set<String> issuedAsReplacement = new java.util.HashSet<>();
    for (CredentialSpec spec : specs) {
      if (issuedAsReplacement.contains(spec.value())) {
        continue;
      }
      Credential credential =
          new Credential(member, Credential.Kind.valueOf(spec.kind()), spec.value());
      em.persist(credential);
      if (spec.status() == CredentialStatus.REPLACED) {
        em.persist(credential.replaceWith(Credential.Kind.valueOf(spec.kind()), spec.replacedBy()));
        issuedAsReplacement.add(spec.replacedBy());
      } else if (spec.status() != CredentialStatus.ACTIVE) {
        credential.block(spec.status());
      }
    }
  }

  private long count(String entity) {
    return em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
  }
}
