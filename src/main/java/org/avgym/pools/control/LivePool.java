package org.avgym.pools.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.WebSocketContainer;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.EndpointDefinition;
import org.avgym.pools.entity.HealthSignals;
import org.avgym.pools.entity.PoolDefinition;
import org.avgym.pools.entity.PoolSettings;
import org.avgym.pools.entity.PoolView;
import org.avgym.pools.entity.Rotation;
import org.avgym.pools.entity.StateChange;

/**
 * One running pool: its connections and the delivery loop. Deliveries enter {@link #enqueue}
 * (cheap, never blocking on I/O) into a {@link DeliveryQueue}, are sent by a drain task on the
 * managed executor through one connection the strategy picks, and leave the queue only when
 * acknowledged; a timeout, error frame or disconnect puts them back at the head to go out through
 * another eligible connection (at least once). Each connection is kept open by a {@link
 * Reconnector} and checked by a {@link HealthCheck} every health interval.
 */
public final class LivePool {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(LivePool.class.getName());

  /** Error rate above which a pong does not count as a pass (the endpoint answers pings only). */
  static final double PONG_PASS_MAX_ERROR_RATE = 0.5;

  /** Tunables that are not per pool. */
  public record Tuning(
      RotationPolicy policy,
      HealthTracker.Thresholds thresholds,
      HealthScore score,
      SlowStart slowStart,
      Backoff.Settings backoff) {}

  private final String name;
  private final ScheduledExecutorService executor;
  private final WebSocketContainer container;
  private final PoolListener listener;
  private final Tuning tuning;
  private final List<PooledConnection> connections = new CopyOnWriteArrayList<>();
  private final DeliveryQueue deliveries = new DeliveryQueue();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong redeliveries = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong failovers = new AtomicLong();
  private volatile long lastFailoverNanos;
  private final AtomicLong maxFailoverNanos = new AtomicLong();
  private volatile PoolDefinition definition;
  private volatile LoadBalancingStrategy strategy;
  private volatile boolean destroyed;
  private volatile ScheduledFuture<?> tick;
  private long rateSampleNanos = System.nanoTime();
  private long rateSampleAcked;
  private volatile double deliveriesPerSecond;

  /**
   * The pool's median latency, recomputed once per health check rather than for every pong and ack
   * (an O(n log n) sort of every connection's estimate).
   */
  private volatile double medianLatencyMillis;

  public LivePool(
      PoolDefinition definition,
      ScheduledExecutorService executor,
      WebSocketContainer container,
      PoolListener listener,
      Tuning tuning) {
    this.name = definition.name();
    this.executor = executor;
    this.container = container;
    this.listener = listener;
    this.tuning = tuning;
    this.definition = definition;
    this.strategy =
        LoadBalancingStrategy.of(definition.settings().strategy(), ThreadLocalRandom.current());
  }

  public String name() {
    return name;
  }

  public PoolDefinition definition() {
    return definition;
  }

  public boolean carries(String topic) {
    return definition.settings().topics().contains(topic);
  }

  /** Opens the connections and starts health checks. */
  public void start() {
    for (EndpointDefinition endpoint : definition.endpoints()) {
      if (endpoint.enabled()) {
        add(endpoint);
      }
    }
    scheduleTick();
  }

  /**
   * Takes a row of the pool's durable outbox for delivery; {@code id} is the row's, kept across
   * every redelivery. Returns false when the row is already here. Cheap, never blocking on I/O.
   */
  public boolean enqueue(long id, String topic, String dataJson) {
    if (destroyed) {
      return false;
    }
    String key = Long.toString(id);
    // The data is already a JSON document: splice it in rather than parse and print it again.
    String frame =
        "{\"type\":\"deliver\",\"id\":\""
            + key
            + "\",\"topic\":\""
            + topic
            + "\",\"data\":"
            + dataJson
            + "}";
    if (!deliveries.offer(key, frame)) {
      return false;
    }
    enqueued.incrementAndGet();
    scheduleDrain();
    return true;
  }

  /** Deliveries taken and not yet acknowledged. */
  public int pendingCount() {
    return deliveries.pending();
  }

  /** The ids acknowledged since the last call, for their rows to be deleted. */
  public List<Long> takeConfirmed() {
    return deliveries.takeConfirmed();
  }

  /** Applies a new definition live: strategy, limits and intervals, endpoints added or removed. */
  public synchronized void reconfigure(PoolDefinition next) {
    PoolSettings before = definition.settings();
    PoolSettings after = next.settings();
    definition = next;
    if (before.strategy() != after.strategy()) {
      strategy = LoadBalancingStrategy.of(after.strategy(), ThreadLocalRandom.current());
    }
    Map<String, EndpointDefinition> wanted = new LinkedHashMap<>();
    for (EndpointDefinition endpoint : next.endpoints()) {
      if (endpoint.enabled()) {
        wanted.put(URI.create(endpoint.url()).toString(), endpoint);
      }
    }
    for (PooledConnection connection : connections) {
      EndpointDefinition endpoint = wanted.remove(connection.id());
      if (endpoint == null) {
        remove(connection);
        continue;
      }
      connection.weight = endpoint.weight();
      if (!before.ackTimeoutMin().equals(after.ackTimeoutMin())
          || !before.ackTimeoutMax().equals(after.ackTimeoutMax())) {
        connection.ackTimeout = new AdaptiveTimeout(after.ackTimeoutMin(), after.ackTimeoutMax());
      }
      if (before.reconnectAttempts() != after.reconnectAttempts()) {
        connection.reconnector.backoff(backoff(after));
      }
    }
    wanted.values().forEach(this::add);
    if (!before.healthCheckInterval().equals(after.healthCheckInterval())) {
      ScheduledFuture<?> current = tick;
      if (current != null) {
        current.cancel(false);
      }
      scheduleTick();
    }
    scheduleDrain();
  }

  /**
   * Closes every connection and forgets what is in flight (the rows stay in the durable outbox for
   * whoever drives the pool next); returns how many were in flight.
   */
  public int destroy() {
    destroyed = true;
    int inFlight = deliveries.clear();
    ScheduledFuture<?> current = tick;
    if (current != null) {
      current.cancel(false);
    }
    for (PooledConnection connection : connections) {
      remove(connection);
    }
    return inFlight;
  }

  private void add(EndpointDefinition endpoint) {
    PoolSettings settings = definition.settings();
    PooledConnection connection =
        new PooledConnection(
            this,
            URI.create(endpoint.url()),
            endpoint.weight(),
            new HealthTracker(tuning.thresholds()),
            new AdaptiveTimeout(settings.ackTimeoutMin(), settings.ackTimeoutMax()));
    connection.reconnector =
        new Reconnector(
            executor,
            () -> dial(connection),
            () -> !connection.removed && !destroyed,
            new Reconnector.Outcome() {
              @Override
              public void connected(long nowNanos) {
                opened(connection, nowNanos);
              }

              @Override
              public void failed(Exception cause, boolean exhausted) {
                dialFailed(connection, cause, exhausted);
              }
            },
            backoff(settings));
    connections.add(connection);
    connection.reconnector.open();
  }

  private Backoff backoff(PoolSettings settings) {
    return new Backoff(
        tuning.backoff().withMaxAttempts(settings.reconnectAttempts()),
        ThreadLocalRandom.current());
  }

  private void remove(PooledConnection connection) {
    connection.removed = true;
    connections.remove(connection);
    connection.reconnector.cancel();
    connection.close();
    requeueInFlight(connection);
  }

  private void dial(PooledConnection connection) throws Exception {
    container.connectToServer(
        connection, ClientEndpointConfig.Builder.create().build(), connection.uri);
  }

  private void opened(PooledConnection connection, long nowNanos) {
    if (connection.removed || destroyed) {
      connection.close();
      return;
    }
    connection.openedNanos = nowNanos;
    report(connection, connection.tracker.connected());
  }

  private void dialFailed(PooledConnection connection, Exception cause, boolean exhausted) {
    LOG.log(
        Level.FINE,
        "Pool " + name + ": connecting to " + connection.id() + " failed: " + cause.getMessage(),
        cause);
    report(connection, connection.tracker.connectFailed(exhausted));
  }

  void onClosed(PooledConnection connection, String reason) {
    if (connection.removed || destroyed) {
      return;
    }
    long now = System.nanoTime();
    connection.countReconnect(now);
    connection.pingOutstanding = false;
    report(connection, connection.tracker.disconnected());
    LOG.info(
        () ->
            "Pool "
                + name
                + ": the connection to "
                + connection.id()
                + " closed ("
                + reason
                + "); reconnecting");
    listener.disconnected(name);
    requeueInFlight(connection);
    connection.reconnector.closed(now);
  }

  void onText(PooledConnection connection, String text) {
    JsonObject frame;
    try {
      frame = JSON.createReader(new StringReader(text)).readObject();
    } catch (RuntimeException e) {
      LOG.fine(() -> "Pool " + name + ": unreadable frame from an endpoint");
      return;
    }
    String id = frame.getString("id", null);
    if (id == null) {
      return;
    }
    switch (frame.getString("type", "")) {
      case "ack" -> acked(connection, id);
      case "error" -> failed(connection, id, false);
      default -> LOG.fine(() -> "Pool " + name + ": ignored a frame of an unknown type");
    }
  }

  void onPong(PooledConnection connection) {
    long now = System.nanoTime();
    if (!connection.pingOutstanding) {
      return;
    }
    connection.pingOutstanding = false;
    Duration rtt = Duration.ofNanos(now - connection.pingSentNanos);
    connection.latency.record(rtt.toNanos() / 1e6, now);
    listener.pong(name, rtt);
    if (connection.errors.errorRate(now) < PONG_PASS_MAX_ERROR_RATE) {
      report(connection, connection.tracker.passed(score(connection, now)));
    }
  }

  private void acked(PooledConnection connection, String id) {
    PooledConnection.InFlight flight = connection.inFlight.remove(id);
    if (flight == null) {
      return; // a late ack after a timeout: the delivery is already on its way elsewhere
    }
    flight.timeout().cancel(false);
    long now = System.nanoTime();
    Duration rtt = Duration.ofNanos(now - flight.sentNanos());
    connection.latency.record(rtt.toNanos() / 1e6, now);
    connection.ackTimeout.sample(rtt);
    connection.errors.success(now);
    connection.acked.incrementAndGet();
    if (deliveries.acked(id)) {
      acked.incrementAndGet();
      listener.acked(name, rtt);
      DeliveryQueue.Delivery delivery = flight.delivery();
      if (delivery.failed) {
        failedOver(Duration.ofNanos(now - delivery.firstSentNanos));
      }
    }
    report(connection, connection.tracker.passed(score(connection, now)));
    scheduleDrain();
  }

  private void failed(PooledConnection connection, String id, boolean timeout) {
    PooledConnection.InFlight flight = connection.inFlight.remove(id);
    if (flight == null) {
      return;
    }
    flight.timeout().cancel(false);
    long now = System.nanoTime();
    connection.errors.error(now);
    if (timeout) {
      connection.ackTimeout.timedOut();
      connection.timeouts.incrementAndGet();
      timeouts.incrementAndGet();
      listener.timedOut(name);
    } else {
      connection.failures.incrementAndGet();
      errors.incrementAndGet();
    }
    report(connection, connection.tracker.failed());
    requeue(flight.delivery(), connection.id());
  }

  private void requeueInFlight(PooledConnection connection) {
    for (String id : List.copyOf(connection.inFlight.keySet())) {
      PooledConnection.InFlight flight = connection.inFlight.remove(id);
      if (flight != null) {
        flight.timeout().cancel(false);
        requeue(flight.delivery(), connection.id());
      }
    }
  }

  /**
   * A delivery that failed on one connection was acked through another, {@code took} after it was
   * first sent: what the receiving system saw as its delay, the ack timeout included.
   */
  private void failedOver(Duration took) {
    failovers.incrementAndGet();
    lastFailoverNanos = took.toNanos();
    maxFailoverNanos.accumulateAndGet(took.toNanos(), Math::max);
    listener.failedOver(name, took);
  }

  private void requeue(DeliveryQueue.Delivery delivery, String avoid) {
    if (!deliveries.requeue(delivery, avoid)) {
      return;
    }
    redeliveries.incrementAndGet();
    listener.redelivered(name);
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (!destroyed && drainScheduled.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    drainScheduled.set(false);
    while (!destroyed) {
      DeliveryQueue.Routed<PooledConnection> next = deliveries.takeNext(this::route);
      if (next == null) {
        return; // nothing waiting, or nothing to send on: the next state change or tick drains
      }
      send(next.target(), next.delivery());
    }
  }

  /** The connection the strategy picks for a delivery, away from the one it failed on; or null. */
  private PooledConnection route(DeliveryQueue.Delivery delivery) {
    Rotation rotation = rotation(System.nanoTime());
    if (rotation.isEmpty()) {
      return null;
    }
    Rotation choice = rotation;
    if (delivery.avoid != null && !rotation.without(delivery.avoid).isEmpty()) {
      choice = rotation.without(delivery.avoid);
    }
    Optional<Candidate> pick = strategy.pick(choice);
    return pick.isEmpty() ? null : byId(pick.get().id());
  }

  private void send(PooledConnection connection, DeliveryQueue.Delivery delivery) {
    Duration timeout = connection.ackTimeout.timeout();
    ScheduledFuture<?> timer =
        executor.schedule(
            () -> failed(connection, delivery.id, true), timeout.toNanos(), TimeUnit.NANOSECONDS);
    long now = System.nanoTime();
    if (delivery.firstSentNanos == 0) {
      delivery.firstSentNanos = now;
    }
    connection.inFlight.put(delivery.id, new PooledConnection.InFlight(delivery, now, timer));
    try {
      connection.send(delivery.frame);
      connection.sent.incrementAndGet();
      listener.delivered(name);
    } catch (Exception e) {
      LOG.log(Level.FINE, "Pool " + name + ": sending a delivery failed", e);
      failed(connection, delivery.id, false);
    }
  }

  private void scheduleTick() {
    if (destroyed) {
      return;
    }
    long delay =
        HealthCheck.nextDelayNanos(
            definition.settings().healthCheckInterval(), ThreadLocalRandom.current());
    tick = executor.schedule(this::healthCheck, delay, TimeUnit.NANOSECONDS);
  }

  /** Pings every open connection; one silent since the last round's ping fails its check. */
  private void healthCheck() {
    try {
      long now = System.nanoTime();
      medianLatencyMillis =
          HealthScore.median(connections.stream().map(c -> c.latency.millis()).toList());
      HealthCheck.run(connections, now, c -> report(c, c.tracker.failed()));
      for (PooledConnection connection : connections) {
        if (connection.state().connected()) {
          score(connection, now);
        }
      }
      updateRate(now);
      scheduleDrain();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Pool " + name + ": health check failed; trying again", e);
    } finally {
      scheduleTick();
    }
  }

  private synchronized void updateRate(long now) {
    long elapsed = now - rateSampleNanos;
    if (elapsed >= TimeUnit.SECONDS.toNanos(1)) {
      long count = acked.get();
      deliveriesPerSecond = (count - rateSampleAcked) * 1e9 / elapsed;
      rateSampleAcked = count;
      rateSampleNanos = now;
    }
  }

  private void report(PooledConnection connection, StateChange change) {
    if (!change.changed() || connection.removed) {
      return;
    }
    if (change.recovered()) {
      connection.recoveredNanos = System.nanoTime();
      connection.recovering = true;
    }
    listener.stateChanged(name, connection.id(), change);
    if (change.to().connected()) {
      scheduleDrain();
    }
  }

  private double score(PooledConnection connection, long now) {
    double median = medianLatencyMillis;
    HealthSignals signals =
        new HealthSignals(
            connection.latency.millis(),
            median,
            connection.errors.errorRate(now),
            connection.reconnectsWithin(ErrorWindow.DEFAULT_WINDOW, now),
            connection.uptime(now));
    double score = Math.max(0, Math.min(Candidate.MAX_SCORE, tuning.score().score(signals)));
    connection.score = score;
    return score;
  }

  private Candidate candidate(PooledConnection connection, long now) {
    double effective = connection.weight;
    if (connection.recovering) {
      Duration since = Duration.ofNanos(now - connection.recoveredNanos);
      effective = tuning.slowStart().effectiveWeight(connection.weight, since);
      if (effective >= connection.weight) {
        connection.recovering = false;
        effective = connection.weight;
      }
    }
    return new Candidate(
        connection.id(),
        connection.weight,
        effective,
        connection.score,
        connection.latency.millis(),
        connection.inFlight.size(),
        connection.state());
  }

  private Rotation rotation(long now) {
    List<Candidate> candidates = new ArrayList<>();
    for (PooledConnection connection : connections) {
      candidates.add(candidate(connection, now));
    }
    return tuning.policy().select(candidates);
  }

  /**
   * Whether the pool is below its panic threshold. Connections still opening for the first time are
   * left out, so a pool that is just starting is not reported as panicking.
   */
  public boolean panicking() {
    long now = System.nanoTime();
    List<Candidate> settled = new ArrayList<>();
    for (PooledConnection connection : connections) {
      if (connection.state() != ConnectionState.CONNECTING) {
        settled.add(candidate(connection, now));
      }
    }
    return !settled.isEmpty() && tuning.policy().select(settled).panic();
  }

  private PooledConnection byId(String id) {
    for (PooledConnection connection : connections) {
      if (connection.id().equals(id)) {
        return connection;
      }
    }
    return null;
  }

  /** Connections per state, every state present. */
  public Map<String, Integer> states() {
    Map<String, Integer> states = new LinkedHashMap<>();
    for (ConnectionState state : ConnectionState.values()) {
      states.put(state.name().toLowerCase(Locale.ROOT), 0);
    }
    for (PooledConnection connection : connections) {
      states.merge(connection.state().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    return states;
  }

  /** Mean score of the pool's connections, 0 when it has none. */
  public double meanScore() {
    return connections.stream()
        .mapToDouble(c -> c.state().connected() ? c.score : 0)
        .average()
        .orElse(0);
  }

  public PoolView view() {
    long now = System.nanoTime();
    PoolSettings settings = definition.settings();
    Rotation rotation = rotation(now);
    return new PoolView(
        name,
        settings.topics().stream().sorted().toList(),
        settings.strategy().wire(),
        settings.maxConnections(),
        settings.healthCheckInterval().toMillis(),
        settings.reconnectAttempts(),
        settings.ackTimeoutMin().toMillis(),
        settings.ackTimeoutMax().toMillis(),
        settings.outboxLimit(),
        (int) Math.round(meanScore()),
        Math.round(rotation.healthyShare() * 1000) / 1000.0,
        panicking(),
        states(),
        pendingCount(),
        enqueued.get(),
        acked.get(),
        redeliveries.get(),
        timeouts.get(),
        errors.get(),
        0,
        failovers.get(),
        Math.round(lastFailoverNanos / 1e4) / 100.0,
        Math.round(maxFailoverNanos.get() / 1e4) / 100.0,
        Math.round(deliveriesPerSecond * 10) / 10.0,
        connections.stream().map(c -> c.view(now, candidate(c, now).effectiveWeight())).toList(),
        null,
        0,
        definition.endpoints());
  }
}
