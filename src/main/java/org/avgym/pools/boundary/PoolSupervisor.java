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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.checkin.entity.CheckinRecorded;
import org.avgym.checkin.entity.OccupancyChanged;
import org.avgym.live.entity.Publication;
import org.avgym.live.entity.Topic;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.platform.boundary.ThisInstance;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.control.Backlog;
import org.avgym.pools.control.Backoff;
import org.avgym.pools.control.ClientContainer;
import org.avgym.pools.control.HealthScore;
import org.avgym.pools.control.HealthTracker;
import org.avgym.pools.control.LivePool;
import org.avgym.pools.control.OutboxCursor;
import org.avgym.pools.control.PoolListener;
import org.avgym.pools.control.PoolMetrics;
import org.avgym.pools.control.PoolRules;
import org.avgym.pools.control.RotationPolicy;
import org.avgym.pools.control.SlowStart;
import org.avgym.pools.entity.OutboxRow;
import org.avgym.pools.entity.OutboxStats;
import org.avgym.pools.entity.PoolChanged;
import org.avgym.pools.entity.PoolConnectionChanged;
import org.avgym.pools.entity.PoolDefinition;
import org.avgym.pools.entity.PoolLease;
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

  @Resource(lookup = AppExecutors.POOLS)
  ManagedScheduledExecutorService executor;

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

  @Inject
  @ConfigProperty(name = "avgym.pools.behind-share", defaultValue = "0.5")
  double behindShare;

  @Inject
  @ConfigProperty(name = "avgym.pools.behind-seconds", defaultValue = "60")
  double behindSeconds;

  @Inject
  @ConfigProperty(name = "avgym.pools.lease-ms", defaultValue = "3000")
  long leaseMs;

  @Inject
  @ConfigProperty(name = "avgym.pools.lease-tick-ms", defaultValue = "500")
  long leaseTickMs;

  @Inject
  @ConfigProperty(name = "avgym.pools.outbox-poll-ms", defaultValue = "100")
  long pollMs;

  @Inject
  @ConfigProperty(name = "avgym.pools.in-flight", defaultValue = "1000")
  int window;

  @Inject Outbox outbox;
  @Inject PoolLeases leases;
  @Inject ThisInstance instance;

  /** A pool this instance drives: the live pool, where it reads the outbox, its lease. */
  private static final class Driven {
    final LivePool pool;
    final OutboxCursor cursor;
    final List<Long> toDelete = new ArrayList<>();
    final Object polling = new Object();
    volatile long version;
    volatile long renewedNanos;

    Driven(LivePool pool, long version, long now) {
      this.pool = pool;
      this.version = version;
      this.renewedNanos = now;
      this.cursor =
          new OutboxCursor(
              TimeUnit.SECONDS.toNanos(2), TimeUnit.SECONDS.toNanos(10), System.nanoTime());
    }
  }

  private final Map<String, Driven> live = new ConcurrentHashMap<>();
  private final Map<String, Long> lastOverflowAlert = new ConcurrentHashMap<>();
  private final Set<String> behind = ConcurrentHashMap.newKeySet();
  private Backlog backlog;
  private final Map<String, AtomicLong> overflows = new ConcurrentHashMap<>();
  private final AtomicBoolean pollScheduled = new AtomicBoolean();
  private volatile Map<String, PoolLease> lastLeases = Map.of();
  private volatile Map<String, OutboxStats> outboxes = Map.of();
  private volatile boolean leaseTroubleLogged;
  private WebSocketContainer container;
  private LivePool.Tuning tuning;
  private ScheduledFuture<?> leaseTick;
  private ScheduledFuture<?> poll;
  private volatile boolean stopping;

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
    backlog = new Backlog(behindShare, behindSeconds);
    metrics.outboxes(name -> outboxes.getOrDefault(name, OutboxStats.EMPTY));
    leaseTick =
        executor.scheduleWithFixedDelay(this::leaseTick, 0, leaseTickMs, TimeUnit.MILLISECONDS);
    poll = executor.scheduleWithFixedDelay(this::pollAll, pollMs, pollMs, TimeUnit.MILLISECONDS);
    LOG.info(
        () ->
            "Pool supervisor started as "
                + instance.id()
                + ": pools are driven under leases of "
                + leaseMs
                + " ms");
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (leaseTick != null) {
      leaseTick.cancel(false);
    }
    if (poll != null) {
      poll.cancel(false);
    }
    for (String name : List.copyOf(live.keySet())) {
      Driven driven = live.get(name);
      flushDeletes(name, driven);
      stopDriving(name, "this instance stops");
      try {
        leases.release(name, instance.id());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not release the lease of pool " + name, e);
      }
    }
    try {
      // Tyrus' own transport and idle-timer scheduler (see ClientContainer) stop with it.
      container.getClass().getMethod("shutdown").invoke(container);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "The WebSocket client container has no shutdown", e);
    }
  }

  /**
   * A stored change, once committed: this instance looks at the leases at once, so a new pool is
   * taken (and a changed one reconfigured) before the API answers when this instance can.
   */
  public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PoolChanged change) {
    if (change.destroyed()) {
      stopDriving(change.name(), "pool destroyed");
      metrics.gone(change.name());
      publishConfig(change.name(), "pool.destroyed");
      return;
    }
    boolean created = !lastLeases.containsKey(change.name()) && !live.containsKey(change.name());
    Driven driven = live.get(change.name());
    if (driven != null) {
      driven.pool.reconfigure(change.definition());
    }
    leaseTick();
    publishConfig(change.name(), created ? "pool.created" : "pool.reconfigured");
  }

  /** New rows were committed here: read them now rather than at the next poll. */
  public void onCheckin(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckinRecorded event) {
    wake();
  }

  public void onPublication(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) Publication publication) {
    wake();
  }

  public void onOccupancy(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) OccupancyChanged occupancy) {
    wake();
  }

  private void wake() {
    if (!live.isEmpty() && pollScheduled.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            pollScheduled.set(false);
            pollAll();
          });
    }
  }

  /**
   * Renews the leases this instance holds, takes free or expired ones, applies configuration
   * changes, and stops driving what it lost; then refreshes the outbox figures.
   */
  synchronized void leaseTick() {
    if (stopping) {
      return;
    }
    long now = System.nanoTime();
    try {
      PoolLeases.Snapshot snapshot = leases.read();
      Map<String, PoolLease> byName = new java.util.LinkedHashMap<>();
      for (PoolLease lease : snapshot.leases()) {
        byName.put(lease.pool(), lease);
        metrics.known(lease.pool());
      }
      lastLeases = byName;
      long until = snapshot.nowMs() + leaseMs;
      for (String name : List.copyOf(live.keySet())) {
        PoolLease lease = byName.get(name);
        if (lease == null) {
          stopDriving(name, "pool destroyed");
          metrics.gone(name);
        } else if (!leases.renew(name, instance.id(), until)) {
          stopDriving(name, "its lease was taken over (fenced)");
        } else {
          Driven driven = live.get(name);
          driven.renewedNanos = now;
          if (driven.version != lease.version()) {
            pools.definition(name).ifPresent(driven.pool::reconfigure);
            driven.version = lease.version();
          }
        }
      }
      for (PoolLease lease : byName.values()) {
        if (!live.containsKey(lease.pool())
            && (lease.free(snapshot.nowMs()) || lease.heldBy(instance.id()))
            && leases.acquire(lease.pool(), instance.id(), snapshot.nowMs(), until)) {
          pools.definition(lease.pool()).ifPresent(d -> drive(d, lease, now));
        }
      }
      outboxes = outbox.stats();
      for (Map.Entry<String, Driven> entry : live.entrySet()) {
        OutboxStats stats = outboxes.getOrDefault(entry.getKey(), OutboxStats.EMPTY);
        int limit = entry.getValue().pool.definition().settings().outboxLimit();
        outbox.full(entry.getKey(), stats.depth() >= limit);
        watchBacklog(entry.getKey(), stats, limit);
      }
      if (leaseTroubleLogged) {
        leaseTroubleLogged = false;
        LOG.info("Pool leases: the database answers again");
      }
    } catch (RuntimeException e) {
      if (!leaseTroubleLogged) {
        leaseTroubleLogged = true;
        LOG.log(Level.WARNING, "Pool leases: could not read or renew them; retrying", e);
      }
    }
    // Without a renewal for a whole lease, another instance may hold it now: stop, whatever the
    // reason (the database unreachable from here is enough).
    for (Map.Entry<String, Driven> entry : live.entrySet()) {
      if (now - entry.getValue().renewedNanos > TimeUnit.MILLISECONDS.toNanos(leaseMs)) {
        stopDriving(entry.getKey(), "its lease ran out without renewal");
      }
    }
  }

  private void drive(PoolDefinition definition, PoolLease lease, long now) {
    LivePool pool = new LivePool(definition, executor, container, this, tuning);
    live.put(definition.name(), new Driven(pool, lease.version(), now));
    metrics.track(pool);
    pool.start();
    LOG.info(
        () ->
            "Pool "
                + definition.name()
                + ": driven by this instance ("
                + instance.id()
                + (lease.driver() == null || lease.heldBy(instance.id())
                    ? ")"
                    : "), taken over from " + lease.driver()));
    publish(
        JSON.createObjectBuilder()
            .add("kind", "pool.driven")
            .add("pool", definition.name())
            .add("instance", instance.id())
            .add("previous", lease.driver() == null ? "" : lease.driver())
            .add("at", Instant.now().toString())
            .build()
            .toString());
    wake();
  }

  private void stopDriving(String name, String why) {
    behind.remove(name);
    Driven driven = live.remove(name);
    if (driven != null) {
      int inFlight = driven.pool.destroy();
      metrics.forget(name);
      LOG.info(
          () ->
              "Pool "
                  + name
                  + ": no longer driven here ("
                  + why
                  + "); "
                  + inFlight
                  + " delivery(ies) in flight stay in the outbox");
    }
  }

  /** Reads new outbox rows into every pool driven here and deletes what was acknowledged. */
  private void pollAll() {
    for (Map.Entry<String, Driven> entry : live.entrySet()) {
      try {
        poll(entry.getKey(), entry.getValue());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Pool " + entry.getKey() + ": reading its outbox failed", e);
      }
    }
  }

  /**
   * One poll of a pool at a time (the timer's and a commit's wake-up may overlap on the pools'
   * executor): a read that overlapped a delete of acknowledged rows would take them up again and
   * deliver them twice.
   */
  private void poll(String name, Driven driven) {
    synchronized (driven.polling) {
      pollNow(name, driven);
    }
  }

  private void pollNow(String name, Driven driven) {
    flushDeletes(name, driven);
    long now = System.nanoTime();
    long from = driven.cursor.readFrom(now);
    int room = window - driven.pool.pendingCount();
    // Rows already held come back in the read; read past them, a page at a time.
    for (int page = 0; page < 20 && room > 0; page++) {
      List<OutboxRow> rows = outbox.after(name, from, Math.max(room, 100));
      for (OutboxRow row : rows) {
        if (driven.cursor.take(row.id(), now)) {
          driven.pool.enqueue(row.id(), row.topic(), row.data());
          room--;
        }
        from = row.id();
      }
      if (rows.size() < Math.max(room, 100)) {
        return;
      }
    }
  }

  private void flushDeletes(String name, Driven driven) {
    synchronized (driven.toDelete) {
      driven.toDelete.addAll(driven.pool.takeConfirmed());
      if (driven.toDelete.isEmpty()) {
        return;
      }
      try {
        outbox.delete(driven.toDelete);
        driven.toDelete.forEach(driven.cursor::done);
        driven.toDelete.clear();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Pool " + name + ": deleting acknowledged rows failed; retrying", e);
      }
    }
  }

  /**
   * Puts {@code count} test deliveries into one pool's outbox (whatever topics it carries), so an
   * administrator can check the endpoints end to end; returns how many the outbox took.
   */
  public int sendTestEvents(String name, int count) {
    String at = Instant.now().toString();
    List<String> data = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      data.add(
          JSON.createObjectBuilder()
              .add("test", true)
              .add("n", i + 1)
              .add("of", count)
              .add("at", at)
              .build()
              .toString());
    }
    int accepted = outbox.test(name, data);
    if (accepted < 0) {
      throw Refusal.notFound("no pool named " + name);
    }
    wake();
    return accepted;
  }

  public List<PoolView> views() {
    refreshOutboxes();
    return pools.definitions().stream()
        .map(this::view)
        .sorted(java.util.Comparator.comparing(PoolView::name))
        .toList();
  }

  public Optional<PoolView> view(String name) {
    refreshOutboxes();
    return pools.definition(name).map(this::view);
  }

  /** Views show the outbox as it is now, not as of the last lease tick. */
  private void refreshOutboxes() {
    try {
      outboxes = outbox.stats();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not measure the pool outboxes", e);
    }
  }

  private PoolView view(PoolDefinition definition) {
    String name = definition.name();
    Driven driven = live.get(name);
    PoolLease lease = lastLeases.get(name);
    PoolView base = driven != null ? driven.pool.view() : PoolView.of(definition);
    String driver = driven != null ? instance.id() : lease == null ? null : lease.driver();
    return base.withOutbox(
        driver, outboxes.getOrDefault(name, OutboxStats.EMPTY), overflows(name).get());
  }

  /** How many pools there were at the last lease tick (no database call: readiness asks it). */
  public int knownPools() {
    return lastLeases.size();
  }

  /** The pools this instance drives (the others report their health where they are driven). */
  public List<PoolView> drivenViews() {
    return live.values().stream()
        .map(
            d ->
                d.pool
                    .view()
                    .withOutbox(
                        instance.id(),
                        outboxes.getOrDefault(d.pool.name(), OutboxStats.EMPTY),
                        overflows(d.pool.name()).get()))
        .sorted(java.util.Comparator.comparing(PoolView::name))
        .toList();
  }

  /** Names of the pools driven here that are below their panic threshold. */
  public List<String> panicking() {
    return live.values().stream()
        .map(d -> d.pool)
        .filter(LivePool::panicking)
        .map(LivePool::name)
        .sorted()
        .toList();
  }

  private AtomicLong overflows(String pool) {
    return overflows.computeIfAbsent(pool, p -> new AtomicLong());
  }

  /** A writer found the pool's outbox full: counted, and alerted at most every few seconds. */
  public void overflowed(String pool) {
    long overflowTotal = overflows(pool).incrementAndGet();
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
            + " outbox is full; "
            + overflowTotal
            + " message(s) refused so far on this instance";
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

  /**
   * Alerts when a pool this instance drives falls behind (well before its outbox is full) and when
   * it has caught up again; only the driver looks, so each change is announced once.
   */
  private void watchBacklog(String pool, OutboxStats stats, int limit) {
    boolean was = behind.contains(pool);
    boolean now = backlog.behind(stats, limit, was);
    if (now == was) {
      return;
    }
    String message;
    if (now) {
      behind.add(pool);
      message =
          String.format(
              java.util.Locale.ROOT,
              "Pool %s is falling behind: %d of %d outbox rows waiting, the oldest for %.0f s",
              pool,
              stats.depth(),
              limit,
              stats.oldestSeconds());
      LOG.warning(message);
    } else {
      behind.remove(pool);
      message = "Pool " + pool + " has caught up: " + stats.depth() + " outbox rows waiting";
      LOG.info(message);
    }
    fire(
        Topic.ALERTS,
        JSON.createObjectBuilder()
            .add("kind", now ? "pool.behind" : "pool.caught-up")
            .add("severity", now ? "warning" : "info")
            .add("pool", pool)
            .add("depth", stats.depth())
            .add("oldestSeconds", Math.round(stats.oldestSeconds() * 10) / 10.0)
            .add("outboxLimit", limit)
            .add("message", message)
            .add("at", Instant.now().toString())
            .build()
            .toString());
  }

  /** A publication could not be written to the outbox (logged, counted). */
  public void writeFailed(String topic, RuntimeException e) {
    metrics.writeFailed(topic);
    LOG.log(Level.WARNING, "Could not add a " + topic + " event to the pool outbox", e);
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
                + PoolRules.shown(url)
                + " "
                + change.from().name().toLowerCase()
                + " -> "
                + change.to().name().toLowerCase());
    publish(
        JSON.createObjectBuilder()
            .add("kind", "connection.state")
            .add("pool", pool)
            .add("url", PoolRules.shown(url)) // staff subscribe to it: query values hidden
            .add("from", change.from().name().toLowerCase())
            .add("to", change.to().name().toLowerCase())
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
  public void disconnected(String pool) {
    metrics.disconnected(pool);
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
