package org.avgym.pools.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.WebSocketContainer;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * One running pool: its connections, its bounded outbox and the delivery loop. Deliveries enter
 * {@link #enqueue} (cheap, never blocking on I/O), are sent by a drain task on the managed executor
 * through one connection the strategy picks, and leave the outbox only when acknowledged; a
 * timeout, error frame or disconnect puts them back at the head of the queue to go out through
 * another eligible connection (at least once).
 */
public final class LivePool {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(LivePool.class.getName());

  /** Jitter of the health-check period, ± this share, so pools do not tick in lockstep. */
  static final double JITTER = 0.2;

  /** Error rate above which a pong does not count as a pass (the endpoint answers pings only). */
  static final double PONG_PASS_MAX_ERROR_RATE = 0.5;

  /**
   * One message to deliver; {@code avoid} is the connection it last failed on, {@code
   * firstSentNanos} when it first went out (0 before), {@code failed} whether it ever came back to
   * the outbox.
   */
  static final class Delivery {
    final String id;
    final String frame;
    volatile String avoid;
    volatile long firstSentNanos;
    volatile boolean failed;

    Delivery(String id, String frame) {
      this.id = id;
      this.frame = frame;
    }
  }

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
  private final Deque<Delivery> queue = new ArrayDeque<>();
  private final Map<String, Delivery> pending = new HashMap<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong redeliveries = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final java.util.Queue<String> confirmed =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
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
    synchronized (this) {
      if (pending.containsKey(key)) {
        return false;
      }
      Delivery delivery = new Delivery(key, frame);
      pending.put(key, delivery);
      queue.addLast(delivery);
    }
    enqueued.incrementAndGet();
    scheduleDrain();
    return true;
  }

  /** Deliveries taken and not yet acknowledged. */
  public synchronized int pendingCount() {
    return pending.size();
  }

  /** The ids acknowledged since the last call, for their rows to be deleted. */
  public List<Long> takeConfirmed() {
    List<Long> ids = new ArrayList<>();
    for (String id = confirmed.poll(); id != null; id = confirmed.poll()) {
      ids.add(Long.parseLong(id));
    }
    return ids;
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
        connection.backoff = backoff(after);
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
    int inFlight;
    synchronized (this) {
      destroyed = true;
      inFlight = pending.size();
      pending.clear();
      queue.clear();
    }
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
            backoff(settings),
            new AdaptiveTimeout(settings.ackTimeoutMin(), settings.ackTimeoutMax()));
    connections.add(connection);
    executor.execute(() -> connect(connection));
  }

  private Backoff backoff(PoolSettings settings) {
    return new Backoff(
        tuning.backoff().withMaxAttempts(settings.reconnectAttempts()),
        ThreadLocalRandom.current());
  }

  private void remove(PooledConnection connection) {
    connection.removed = true;
    connections.remove(connection);
    ScheduledFuture<?> reconnect = connection.reconnect;
    if (reconnect != null) {
      reconnect.cancel(false);
    }
    connection.close();
    requeueInFlight(connection);
  }

  private void connect(PooledConnection connection) {
    if (connection.removed || destroyed) {
      return;
    }
    try {
      ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
      container.connectToServer(connection, config, connection.uri);
      if (connection.removed) {
        connection.close();
        return;
      }
      long now = System.nanoTime();
      connection.openedNanos = now;
      connection.backoff.connected(now);
      report(connection, connection.tracker.connected());
    } catch (Exception e) {
      LOG.log(
          Level.FINE, "Pool " + name + ": connecting to an endpoint failed: " + e.getMessage(), e);
      Duration delay = connection.backoff.nextDelay();
      report(connection, connection.tracker.connectFailed(connection.backoff.exhausted()));
      scheduleReconnect(connection, delay);
    }
  }

  private void scheduleReconnect(PooledConnection connection, Duration delay) {
    if (connection.removed || destroyed) {
      return;
    }
    connection.reconnect =
        executor.schedule(() -> connect(connection), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  void onClosed(PooledConnection connection, String reason) {
    if (connection.removed || destroyed) {
      return;
    }
    long now = System.nanoTime();
    connection.backoff.disconnected(now);
    connection.countReconnect(now);
    connection.pingOutstanding = false;
    report(connection, connection.tracker.disconnected());
    LOG.info(() -> "Pool " + name + ": a connection closed (" + reason + "); reconnecting");
    requeueInFlight(connection);
    scheduleReconnect(connection, connection.backoff.nextDelay());
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
    boolean first;
    synchronized (this) {
      first = pending.remove(id) != null;
    }
    if (first) {
      confirmed.add(id);
      acked.incrementAndGet();
      listener.acked(name, rtt);
      Delivery delivery = flight.delivery();
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

  private void requeue(Delivery delivery, String avoid) {
    synchronized (this) {
      if (!pending.containsKey(delivery.id)) {
        return;
      }
      delivery.failed = true;
      delivery.avoid = avoid;
      queue.addFirst(delivery);
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
      Delivery delivery;
      PooledConnection connection;
      synchronized (this) {
        if (queue.isEmpty()) {
          return;
        }
        Rotation rotation = rotation(System.nanoTime());
        if (rotation.isEmpty()) {
          return; // nothing to send on: the next state change or tick drains again
        }
        delivery = queue.peekFirst();
        Rotation choice = rotation;
        if (delivery.avoid != null && !rotation.without(delivery.avoid).isEmpty()) {
          choice = rotation.without(delivery.avoid);
        }
        Optional<Candidate> pick = strategy.pick(choice);
        if (pick.isEmpty()) {
          return;
        }
        connection = byId(pick.get().id());
        if (connection == null) {
          return;
        }
        queue.pollFirst();
      }
      send(connection, delivery);
    }
  }

  private void send(PooledConnection connection, Delivery delivery) {
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
    long interval = definition.settings().healthCheckInterval().toNanos();
    double jitter = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    tick = executor.schedule(this::healthCheck, (long) (interval * jitter), TimeUnit.NANOSECONDS);
  }

  /** Pings every open connection; a ping still unanswered from the last round is a failed check. */
  private void healthCheck() {
    try {
      long now = System.nanoTime();
      medianLatencyMillis =
          HealthScore.median(connections.stream().map(c -> c.latency.millis()).toList());
      for (PooledConnection connection : connections) {
        if (!connection.state().connected()) {
          continue;
        }
        if (connection.pingOutstanding) {
          report(connection, connection.tracker.failed());
        }
        try {
          connection.ping(now);
        } catch (Exception e) {
          LOG.log(Level.FINE, "Pool " + name + ": ping failed", e);
          report(connection, connection.tracker.failed());
        }
        score(connection, now);
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
        0);
  }
}
