package org.avgym.locations.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.avgym.locations.entity.Location;
import org.avgym.locations.entity.LocationInput;
import org.avgym.locations.entity.WeeklyHours;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;

/** Creates, changes and looks up locations. */
@Stateless
public class Locations {

  /** Opening hours when none are given: always open. */
  static final String ALWAYS = "*";

  @PersistenceContext EntityManager em;

  public List<Location> all() {
    return em.createNamedQuery(Location.ALL, Location.class).getResultList();
  }

  public Optional<Location> find(String code) {
    return em.createNamedQuery(Location.BY_CODE, Location.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  /** The location with this code, or a 404 refusal. */
  public Location require(String code) {
    return find(code).orElseThrow(() -> Refusal.notFound("no location with code " + code));
  }

  /** The codes among {@code codes} that name no location. */
  public Set<String> unknown(Collection<String> codes) {
    Set<String> unknown = new TreeSet<>(codes);
    if (!unknown.isEmpty()) {
      unknown.removeAll(
          em.createQuery("select l.code from Location l where l.code in :codes", String.class)
              .setParameter("codes", Set.copyOf(codes))
              .getResultList());
    }
    return unknown;
  }

  public Location create(LocationInput input) {
    if (input.code() == null) {
      throw Refusal.invalid("code", "code is required");
    }
    String code = input.code();
    if (find(code).isPresent()) {
      throw Refusal.conflict("a location with code " + code + " already exists");
    }
    ZoneId zone = Fields.zone("timeZone", input.timeZone());
    WeeklyHours hours =
        Fields.parsed("openingHours", input.openingHours(), ALWAYS, WeeklyHours::parse);
    Location location = new Location(code, input.name().trim(), zone, input.capacity(), hours);
    configure(location, input);
    em.persist(location);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Another request created the same code between the check and the insert.
      throw Refusal.conflict("a location with code " + code + " already exists");
    }
    return location;
  }

  public Location update(String code, LocationInput input) {
    if (input.code() != null && !input.code().equals(code)) {
      throw Refusal.invalid("code", "the code of a location cannot change");
    }
    Location location = require(code);
    configure(location, input);
    return location;
  }

  private static void configure(Location location, LocationInput input) {
    location.configure(
        input.name().trim(),
        Fields.zone("timeZone", input.timeZone()),
        input.capacity(),
        Fields.parsed("openingHours", input.openingHours(), ALWAYS, WeeklyHours::parse),
        Boolean.TRUE.equals(input.closed()));
  }
}
