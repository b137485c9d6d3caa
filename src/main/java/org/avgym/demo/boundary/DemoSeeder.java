package org.avgym.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.demo.control.ChainBlueprint;
import org.avgym.demo.entity.DemoDevice;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Seeds the demo chain into an empty database when demo mode is on, and prints the demo devices'
 * tokens. On a restart the data is kept and the tokens are rotated instead, because only their
 * hashes survive. A failure is logged and leaves the application running without demo data: demo
 * mode must never stop the product from starting.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DemoSeeder {

  private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

  @Inject DemoChain chain;
  @Inject DemoHistory history;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "avgym.demo.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "avgym.demo.seed", defaultValue = "20261128")
  long seed;

  @Inject
  @ConfigProperty(name = "avgym.demo.members", defaultValue = "500")
  int memberCount;

  private volatile ChainBlueprint blueprint;
  private volatile List<DemoDevice> devices = List.of();

  @PostConstruct
  void seed() {
    if (!enabled) {
      return;
    }
    try {
      ChainBlueprint plan = ChainBlueprint.generate(seed, memberCount);
      boolean fresh = chain.empty();
      List<DemoDevice> issued =
          fresh ? chain.seed(plan, Instant.now()) : chain.rotateTokens(plan.deviceCodes());
      Map<String, Long> counts = chain.counts();
      counts.forEach(
          (part, count) ->
              metrics.gauge(
                  Metadata.builder()
                      .withName("avgym_demo_chain")
                      .withDescription(
                          "Rows of each part of the chain, counted when demo mode started")
                      .build(),
                  () -> count,
                  new Tag("part", part)));
      blueprint = plan;
      devices = List.copyOf(issued);
      LOG.info((fresh ? "Demo data seeded: " : "Demo data kept from an earlier start: ") + counts);
      LOG.info(tokenBlock(issued, fresh));
      history.writeInBackground(plan);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Demo data could not be prepared (seed "
              + seed
              + "); AV Gym runs on without demo data or traffic: "
              + e.getMessage(),
          e);
    }
  }

  /** The demo chain's blueprint, or null when demo mode is off or seeding failed. */
  public ChainBlueprint blueprint() {
    return blueprint;
  }

  /** The demo devices with their current tokens; empty when there are none. */
  public List<DemoDevice> devices() {
    return devices;
  }

  /** One block, easy to find in the log. Demo only: production never logs a token. */
  static String tokenBlock(List<DemoDevice> devices, boolean fresh) {
    StringBuilder text =
        new StringBuilder("\n==========================================================\n")
            .append("  AV Gym DEMO device tokens (")
            .append(fresh ? "issued" : "rotated at this start")
            .append("; connect to /ws/devices with ?token=...)\n");
    if (devices.isEmpty()) {
      text.append("  (no enabled demo devices)\n");
    }
    for (DemoDevice device : devices) {
      text.append(
          String.format("  %-22s %-10s %s%n", device.code(), device.location(), device.token()));
    }
    return text.append("==========================================================").toString();
  }
}
