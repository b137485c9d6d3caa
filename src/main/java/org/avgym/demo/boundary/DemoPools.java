package org.avgym.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.boundary.Pools;
import org.avgym.pools.entity.EndpointInput;
import org.avgym.pools.entity.PoolDefinition;
import org.avgym.pools.entity.PoolInput;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode, creates (if absent) two pools against the built-in simulated gateway, so the
 * Connection Pools tab shows real differences on a first start: {@code door-controllers}, three
 * endpoints of different quality, health-weighted, and {@code hq-sync}, round-robin. With the URL
 * {@code auto} it waits for the first loopback request to learn the server's port.
 */
@Singleton
@Startup
@DependsOn("PoolSupervisor")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DemoPools {

  private static final Logger LOG = Logger.getLogger(DemoPools.class.getName());
  private static final long RETRY_SECONDS = 2;
  private static final int MAX_TRIES = 900;

  @Resource(lookup = AppExecutors.SCHEDULED)
  ManagedScheduledExecutorService scheduler;

  @Inject Pools pools;

  @Inject
  @ConfigProperty(name = "avgym.demo.enabled", defaultValue = "false")
  boolean demoEnabled;

  @Inject
  @ConfigProperty(name = "avgym.pools.demo.url", defaultValue = "auto")
  String url;

  private volatile ScheduledFuture<?> task;
  private int tries;

  @PostConstruct
  void start() {
    if (demoEnabled) {
      task = scheduler.scheduleWithFixedDelay(this::tryCreate, 1, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void tryCreate() {
    String base = gateway();
    if (base == null && ++tries < MAX_TRIES) {
      return;
    }
    task.cancel(false);
    if (base == null) {
      LOG.warning("Demo pools not created: the server's loopback port never became known");
      return;
    }
    try {
      create(
          "door-controllers",
          "health-weighted",
          List.of("checkins", "occupancy", "alerts"),
          List.of(
              base + "?name=door-a&latencyMs=2",
              base + "?name=door-b&latencyMs=40&jitterMs=20",
              base + "?name=door-c&latencyMs=5&failRate=0.2"));
      create(
          "hq-sync",
          "round-robin",
          List.of("checkins", "pools"),
          List.of(base + "?name=hq-1&latencyMs=10", base + "?name=hq-2&latencyMs=15&jitterMs=10"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not create the demo pools", e);
    }
  }

  private void create(String name, String strategy, List<String> topics, List<String> urls) {
    Optional<PoolDefinition> existing = pools.definition(name);
    if (existing.isPresent()) {
      String base = urls.get(0).substring(0, urls.get(0).indexOf('?'));
      if (existing.get().endpoints().stream().allMatch(e -> e.url().startsWith(base))) {
        return;
      }
      // Stored by an earlier start on another port: its endpoints point nowhere now.
      pools.destroy(name);
      LOG.info(() -> "Demo pool " + name + " pointed at another port; creating it again");
    }
    try {
      pools.create(
          new PoolInput(
              name,
              topics,
              8,
              2000L,
              10,
              strategy,
              null,
              null,
              null,
              urls.stream().map(u -> new EndpointInput(u, 1, true)).toList()));
      LOG.info(() -> "Demo pool " + name + " created against the simulated gateway");
    } catch (Refusal e) {
      LOG.info(() -> "Demo pool " + name + " not created: " + e.getMessage());
    }
  }

  private String gateway() {
    if (!"auto".equalsIgnoreCase(url)) {
      return url;
    }
    int port = LocalPort.known();
    return port == 0 ? null : "ws://127.0.0.1:" + port + "/ws/sim/gateway";
  }
}
