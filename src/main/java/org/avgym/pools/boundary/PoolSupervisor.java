package org.avgym.pools.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.WebSocketContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.checkin.entity.CheckinRecorded;
import org.avgym.live.entity.Publication;
import org.avgym.live.entity.Topic;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.control.Backoff;
import org.avgym.pools.control.ClientContainer;
import org.avgym.pools.control.HealthScore;
import org.avgym.pools.control.HealthTracker;
import org.avgym.pools.control.LivePool;
import org.avgym.pools.control.PoolListener;
import org.avgym.pools.control.PoolMetrics;
import org.avgym.pools.control.RotationPolicy;
import org.avgym.pools.control.SlowStart;
import org.avgym.pools.entity.PoolChanged;
import org.avgym.pools.entity.PoolConnectionChanged;
import org.avgym.pools.entity.PoolDefinition;
import org.avgym.pools.entity.PoolView;
import org.avgym.pools.entity.StateChange;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Owns the live pools: loads their definitions at start, applies API changes after commit, and
 * hands committed events to every pool whose topics include them. Observers only enqueue; the I/O
 * runs on the managed scheduled executor through one shared JSR-356 client container.
 */
@Singleton
@Startup
@LocalBean
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PoolSupervisor implements PoolListener {

  /** Topic of the deliveries an administrator sends to check a pool's endpoints. */
  public static final String TEST_TOPIC = "test";

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(PoolSupervisor.class.getName());

  @Resource ManagedScheduledExecutorService executor;
  @Inject Pools pools;
  @Inject PoolMetrics metrics;
  @Inject Event<Publication> publications;
  @Inject Event<PoolConnectionChanged> connectionChanges;

  @Inject
  @ConfigProperty(name = "avgym.pools.max-ejection-share", defaultValue = "0.5")
  double maxEjectionShare;

  @Inject
  @ConfigProperty(name = "avgym.pools.panic-threshold", defaultValue = "0.3")
  double panicThreshold;

  @Inject
  @ConfigProperty(name = "avgym.pools.rise", defaultValue = "2")
  int rise;

  @Inject
  @ConfigProperty(name = "avgym.pools.fall", defaultValue = "3")
  int fall;

  @Inject
  @ConfigProperty(name = "avgym.pools.degraded-below", defaultValue = "60")
  double degradedBelow;

  @Inject
  @ConfigProperty(name = "avgym.pools.slow-start-seconds", defaultValue = "30")
  long slowStartSeconds;

  @Inject
  @ConfigProperty(name = "avgym.pools.backoff.base-ms", defaultValue = "500")
  long backoffBaseMs;

  @Inject
  @ConfigProperty(name = "avgym.pools.backoff.factor", defaultValue = "2")
  double backoffFactor;

  @Inject
  @ConfigProperty(name = "avgym.pools.backoff.cap-ms", defaultValue = "30000")
  long backoffCapMs;

  @Inject
  @ConfigProperty(name = "avgym.pools.stable-uptime-seconds", defaultValue = "60")
  long stableUptimeSeconds;

  @Inject
  @ConfigProperty(name = "avgym.pools.probe-interval-seconds", defaultValue = "60")
  long probeSeconds;

  @Inject
  @ConfigProperty(name = "avgym.pools.overflow-alert-seconds", defaultValue = "10")
  long overflowAlertSeconds;

  private final Map<String, LivePool> live = new ConcurrentHashMap<>();
  private final Map<String, Long> lastOverflowAlert = new ConcurrentHashMap<>();
  private WebSocketContainer container;
  private LivePool.Tuning tuning;

  @PostConstruct
  void start() {
    container = ClientContainer.create();
    tuning =
        new LivePool.Tuning(
            new RotationPolicy(maxEjectionShare, panicThreshold),
            new HealthTracker.Thresholds(rise, fall, degradedBelow),
            new HealthScore(
                HealthScore.DEFAULT_LATENCY_SLACK_MILLIS, Duration.ofSeconds(stableUptimeSeconds)),
            new SlowStart(Duration.ofSeconds(slowStartSeconds)),
            new Backoff.Settings(
                Duration.ofMillis(backoffBaseMs),
                backoffFactor,
                Duration.ofMillis(backoffCapMs),
                Backoff.Settings.DEFAULT_MAX_ATTEMPTS,
                Duration.ofSeconds(stableUptimeSeconds),
                Duration.ofSeconds(probeSeconds)));
    try {
      for (PoolDefinition definition : pools.definitions()) {
        launch(definition);
      }
      LOG.info(() -> "Pool supervisor started " + live.size() + " pool(s)");
    } catch (RuntimeException e) {
      // A broken definition must not stop the application from starting; the pool stays down.
      LOG.log(Level.SEVERE, "Could not start the stored connection pools", e);
    }
  }

  @PreDestroy
  void stop() {
    for (LivePool pool : live.values()) {
      pool.destroy();
    }
    live.clear();
    try {
      // Tyrus' own transport and idle-timer scheduler (see ClientContainer) stop with it.
      container.getClass().getMethod("shutdown").invoke(container);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "The WebSocket client container has no shutdown", e);
    }
  }

  /** Applies a stored change to the live pool once the change is committed. */
  public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PoolChanged change) {
    apply(change);
  }

  void apply(PoolChanged change) {
    if (change.destroyed()) {
      LivePool pool = live.remove(change.name());
      if (pool != null) {
        int dropped = pool.destroy();
        metrics.forget(change.name());
        if (dropped > 0) {
          LOG.warning(
              () ->
                  "Pool "
                      + change.name()
                      + " destroyed with "
                      + dropped
                      + " undelivered message(s) in its outbox");
        }
      }
      publishConfig(change.name(), "pool.destroyed");
      return;
    }
    LivePool pool = live.get(change.name());
    if (pool == null) {
      launch(change.definition());
      publishConfig(change.name(), "pool.created");
    } else {
      pool.reconfigure(change.definition());
      publishConfig(change.name(), "pool.reconfigured");
    }
  }

  private void launch(PoolDefinition definition) {
    LivePool pool = new LivePool(definition, executor, container, this, tuning);
    live.put(definition.name(), pool);
    metrics.track(pool);
    pool.start();
  }

  public void onPublication(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) Publication publication) {
    forward(publication.topic().wire(), publication.dataJson());
  }

  public void onCheckin(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckinRecorded event) {
    // The live hub renders the check-in as its topic data; the pools carry the same document.
    if (live.values().stream().anyMatch(p -> p.carries(Topic.CHECKINS.wire()))) {
      forward(Topic.CHECKINS.wire(), event.data());
    }
  }

  private void forward(String topic, String dataJson) {
    for (LivePool pool : live.values()) {
      if (pool.carries(topic)) {
        try {
          pool.enqueue(topic, dataJson);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING, "Pool " + pool.name() + " could not take a " + topic + " event", e);
        }
      }
    }
  }

  /**
   * Puts {@code count} test deliveries into one pool's outbox (whatever topics it carries), so an
   * administrator can check the endpoints end to end; returns how many the outbox took.
   */
  public int sendTestEvents(String name, int count) {
    LivePool pool = live.get(name);
    if (pool == null) {
      throw Refusal.notFound("no pool named " + name);
    }
    String at = Instant.now().toString();
    int accepted = 0;
    for (int i = 0; i < count; i++) {
      String data =
          JSON.createObjectBuilder()
              .add("test", true)
              .add("n", i + 1)
              .add("of", count)
              .add("at", at)
              .build()
              .toString();
      if (pool.enqueue(TEST_TOPIC, data)) {
        accepted++;
      }
    }
    return accepted;
  }

  public List<PoolView> views() {
    return live.values().stream()
        .map(LivePool::view)
        .sorted(java.util.Comparator.comparing(PoolView::name))
        .toList();
  }

  public Optional<PoolView> view(String name) {
    return Optional.ofNullable(live.get(name)).map(LivePool::view);
  }

  /** Names of the pools below their panic threshold. */
  public List<String> panicking() {
    return live.values().stream().filter(LivePool::panicking).map(LivePool::name).sorted().toList();
  }

  @Override
  public void stateChanged(String pool, String url, StateChange change) {
    try {
      connectionChanges.fire(new PoolConnectionChanged(pool, url, change.from(), change.to()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not report a state change of pool " + pool, e);
    }
    LOG.info(
        () ->
            "Pool "
                + pool
                + ": connection "
                + url
                + " "
                + change.from().name().toLowerCase()
                + " -> "
                + change.to().name().toLowerCase());
    publish(
        JSON.createObjectBuilder()
            .add("kind", "connection.state")
            .add("pool", pool)
            .add("url", url)
            .add("from", change.from().name().toLowerCase())
            .add("to", change.to().name().toLowerCase())
            .add("at", Instant.now().toString())
            .build()
            .toString());
  }

  @Override
  public void overflowed(String pool, long overflowTotal, int limit) {
    metrics.overflowed(pool);
    long now = System.nanoTime();
    Long last = lastOverflowAlert.get(pool);
    if (last != null && now - last < Duration.ofSeconds(overflowAlertSeconds).toNanos()) {
      return; // counted above; alerting every message would flood the alerts topic
    }
    lastOverflowAlert.put(pool, now);
    String message =
        "Pool "
            + pool
            + " outbox is full ("
            + limit
            + " undelivered); "
            + overflowTotal
            + " message(s) refused so far";
    LOG.warning(message);
    fire(
        Topic.ALERTS,
        JSON.createObjectBuilder()
            .add("kind", "pool.overflow")
            .add("severity", "critical")
            .add("pool", pool)
            .add("overflow", overflowTotal)
            .add("message", message)
            .add("at", Instant.now().toString())
            .build()
            .toString());
  }

  @Override
  public void delivered(String pool) {
    metrics.delivered(pool);
  }

  @Override
  public void acked(String pool, Duration roundTrip) {
    metrics.acked(pool, roundTrip);
  }

  @Override
  public void redelivered(String pool) {
    metrics.redelivered(pool);
  }

  @Override
  public void timedOut(String pool) {
    metrics.timedOut(pool);
  }

  @Override
  public void pong(String pool, Duration roundTrip) {
    metrics.rtt(pool, roundTrip);
  }

  @Override
  public void failedOver(String pool, Duration took) {
    metrics.failedOver(pool, took);
  }

  private void publishConfig(String pool, String kind) {
    publish(
        JSON.createObjectBuilder()
            .add("kind", kind)
            .add("pool", pool)
            .add("at", Instant.now().toString())
            .build()
            .toString());
  }

  private void publish(String json) {
    fire(Topic.POOLS, json);
  }

  private void fire(Topic topic, String json) {
    try {
      publications.fire(new Publication(topic, json));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not publish on the " + topic.wire() + " topic", e);
    }
  }
}
