package org.avgym.pools.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.control.EndpointAddresses;
import org.avgym.pools.control.PoolRules;
import org.avgym.pools.entity.EndpointInput;
import org.avgym.pools.entity.Pool;
import org.avgym.pools.entity.PoolChanged;
import org.avgym.pools.entity.PoolDefinition;
import org.avgym.pools.entity.PoolEndpoint;
import org.avgym.pools.entity.PoolInput;
import org.avgym.pools.entity.PoolSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores pool definitions. Every change fires {@link PoolChanged} inside its transaction; the
 * supervisor applies it to the live pool only after commit.
 */
@Stateless
public class Pools {

  @PersistenceContext EntityManager em;
  @Inject Event<PoolChanged> changed;
  @Inject SecurityContext security;

  /** Loopback, private and special networks that endpoints may be in (EndpointAddresses). */
  @Inject
  @ConfigProperty(name = "avgym.pools.allowed-networks", defaultValue = " ")
  String allowedNetworks;

  /** Checks an endpoint URL, its address included; the simulator's loopback while it is on. */
  private String url(String field, String text) {
    EndpointAddresses addresses =
        EndpointAddresses.of(
            allowedNetworks, SimulatorSwitch.enabled() ? EndpointAddresses.LOOPBACK : List.of());
    return PoolRules.url(field, text, addresses, EndpointAddresses.Resolver.DNS);
  }

  public List<PoolDefinition> definitions() {
    return em.createNamedQuery(Pool.ALL, Pool.class).getResultList().stream()
        .map(Pool::definition)
        .toList();
  }

  public Optional<PoolDefinition> definition(String name) {
    return find(name).map(Pool::definition);
  }

  public boolean exists(String name) {
    return find(name).isPresent();
  }

  public PoolDefinition create(PoolInput input) {
    String name = PoolRules.name(input.name());
    List<EndpointInput> endpoints = input.endpoints() == null ? List.of() : input.endpoints();
    PoolSettings settings = PoolRules.settings(input, PoolRules.DEFAULTS, endpoints.size());
    if (find(name).isPresent()) {
      throw Refusal.conflict("a pool named " + name + " already exists");
    }
    Pool pool = new Pool(name, settings);
    Set<String> urls = new HashSet<>();
    for (int i = 0; i < endpoints.size(); i++) {
      EndpointInput endpoint = endpoints.get(i);
      String field = "endpoints[" + i + "].url";
      String url = url(field, endpoint == null ? null : endpoint.url());
      if (!urls.add(url)) {
        throw Refusal.conflict("the pool already has an endpoint " + url);
      }
      pool.addEndpoint(
          url,
          PoolRules.weight("endpoints[" + i + "].weight", endpoint.weight()),
          endpoint.enabled() == null || endpoint.enabled());
    }
    em.persist(pool);
    flush("a pool named " + name + " already exists");
    return fire(pool, "created", describe(pool));
  }

  public PoolDefinition reconfigure(String name, PoolInput input) {
    Pool pool = require(name);
    if (input.name() != null && !input.name().trim().equals(name)) {
      throw Refusal.invalid("name", "the name of a pool cannot change");
    }
    if (input.endpoints() != null) {
      throw Refusal.invalid(
          "endpoints", "add and remove endpoints through /api/pools/" + name + "/endpoints");
    }
    pool.configure(PoolRules.settings(input, pool.settings(), pool.endpoints().size()));
    return fire(pool, "reconfigured", describe(pool));
  }

  public void destroy(String name) {
    Pool pool = require(name);
    em.remove(pool);
    changed.fire(new PoolChanged(name, null, "destroyed", actor(), "destroyed"));
  }

  public PoolDefinition addEndpoint(String name, EndpointInput input) {
    Pool pool = require(name);
    String url = url("url", input == null ? null : input.url());
    if (pool.endpoint(url).isPresent()) {
      throw Refusal.conflict("pool " + name + " already has an endpoint " + url);
    }
    if (pool.endpoints().size() >= pool.maxConnections()) {
      throw Refusal.invalid(
          "url", "pool " + name + " already has its maxConnections of " + pool.maxConnections());
    }
    pool.addEndpoint(
        url,
        PoolRules.weight("weight", input.weight()),
        input.enabled() == null || input.enabled());
    flush("pool " + name + " already has an endpoint " + url);
    return fire(pool, "endpoint-added", PoolRules.shown(url));
  }

  /**
   * Changes an endpoint's weight or takes it out of rotation ({@code enabled} false closes its
   * connection; true opens it again); a field left out keeps its value.
   */
  public PoolDefinition changeEndpoint(String name, String url, EndpointInput input) {
    Pool pool = require(name);
    PoolEndpoint endpoint =
        pool.endpoint(url)
            .orElseThrow(() -> Refusal.notFound("pool " + name + " has no endpoint " + url));
    if (input == null || (input.weight() == null && input.enabled() == null)) {
      throw Refusal.invalid("weight", "give a weight, enabled, or both");
    }
    int weight =
        input.weight() == null ? endpoint.weight() : PoolRules.weight("weight", input.weight());
    boolean enabled = input.enabled() == null ? endpoint.enabled() : input.enabled();
    endpoint.change(weight, enabled);
    return fire(
        pool,
        "endpoint-changed",
        PoolRules.shown(url) + ": weight " + weight + (enabled ? ", enabled" : ", disabled"));
  }

  public PoolDefinition removeEndpoint(String name, String url) {
    Pool pool = require(name);
    PoolEndpoint endpoint =
        pool.endpoint(url)
            .orElseThrow(() -> Refusal.notFound("pool " + name + " has no endpoint " + url));
    pool.removeEndpoint(endpoint);
    return fire(pool, "endpoint-removed", PoolRules.shown(url));
  }

  private PoolDefinition fire(Pool pool, String kind, String detail) {
    // Every change moves the version, endpoints too: the instance driving the pool reloads on it.
    em.lock(pool, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    PoolDefinition definition = pool.definition();
    changed.fire(new PoolChanged(pool.name(), definition, kind, actor(), detail));
    return definition;
  }

  private static String describe(Pool pool) {
    PoolSettings settings = pool.settings();
    return "strategy "
        + settings.strategy().wire()
        + ", maxConnections "
        + settings.maxConnections()
        + ", healthCheckIntervalMs "
        + settings.healthCheckInterval().toMillis()
        + ", topics "
        + String.join(",", settings.topics().stream().sorted().toList());
  }

  private String actor() {
    Principal caller = security.getCallerPrincipal();
    return caller == null ? "system" : caller.getName();
  }

  private void flush(String conflict) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Another request stored the same name or URL between the check and the insert.
      throw Refusal.conflict(conflict);
    }
  }

  private Optional<Pool> find(String name) {
    return em.createNamedQuery(Pool.BY_NAME, Pool.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  private Pool require(String name) {
    return find(name).orElseThrow(() -> Refusal.notFound("no pool named " + name));
  }
}
