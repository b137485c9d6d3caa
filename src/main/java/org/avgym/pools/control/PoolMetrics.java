package org.avgym.pools.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.avgym.platform.control.Timers;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.OutboxStats;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Per-pool metrics, labelled with the pool's name (never an endpoint URL): connections by state,
 * deliveries, acks, redeliveries, timeouts, overflow, outbox depth, mean score, and round-trip
 * times of acks and pongs in seconds.
 */
@ApplicationScoped
public class PoolMetrics {

  static final Metadata CONNECTIONS =
      Metadata.builder()
          .withName("avgym_pool_connections")
          .withDescription("Pool connections by state")
          .build();
  static final Metadata DELIVERIES =
      Metadata.builder()
          .withName("avgym_pool_deliveries")
          .withDescription("Deliver frames sent, redeliveries included")
          .build();
  static final Metadata ACKS =
      Metadata.builder()
          .withName("avgym_pool_acks")
          .withDescription("Deliveries acknowledged (each delivery once)")
          .build();
  static final Metadata REDELIVERIES =
      Metadata.builder()
          .withName("avgym_pool_redeliveries")
          .withDescription("Deliveries sent again after a timeout, error or disconnect")
          .build();
  static final Metadata DISCONNECTS =
      Metadata.builder()
          .withName("avgym_pool_disconnects")
          .withDescription("Open connections of the pool that closed (each is reconnected)")
          .build();
  static final Metadata TIMEOUTS =
      Metadata.builder()
          .withName("avgym_pool_ack_timeouts")
          .withDescription("Deliveries not acknowledged within the adaptive timeout")
          .build();
  static final Metadata OVERFLOW =
      Metadata.builder()
          .withName("avgym_pool_outbox_overflow")
          .withDescription("Events refused because the pool's outbox was full")
          .build();
  static final Metadata OUTBOX =
      Metadata.builder()
          .withName("avgym_pool_outbox_depth")
          .withDescription("Deliveries not yet acknowledged")
          .build();
  static final Metadata SCORE =
      Metadata.builder()
          .withName("avgym_pool_score")
          .withDescription("Mean health score of the pool's connections, 0-100")
          .build();

  /** The name analytics' sampler reads the ack round trip by. */
  public static final String ACK_TIME_NAME = "avgym_pool_ack_round_trip";

  static final Metadata ACK_TIME =
      Metadata.builder()
          .withName(ACK_TIME_NAME)
          .withDescription("Time from sending a delivery to its ack")
          .withUnit(Timers.UNIT)
          .build();
  static final Metadata RTT =
      Metadata.builder()
          .withName("avgym_pool_ping_round_trip")
          .withDescription("WebSocket ping/pong round-trip time of health checks")
          .withUnit(Timers.UNIT)
          .build();

  static final Metadata FAILOVER =
      Metadata.builder()
          .withName("avgym_pool_failover")
          .withDescription(
              "Time from a delivery's first send to its ack through another connection, after it"
                  + " failed on one (error, timeout or disconnect)")
          .withUnit(Timers.UNIT)
          .build();

  static final Metadata OUTBOX_OLDEST =
      Metadata.builder()
          .withName("avgym_pool_outbox_oldest_seconds")
          .withDescription("Age of the oldest undelivered row of a pool's durable outbox")
          .withUnit("seconds")
          .build();

  static final Metadata DRIVEN =
      Metadata.builder()
          .withName("avgym_pool_driven")
          .withDescription("1 when this instance drives the pool (holds its lease), else 0")
          .build();

  @Inject MetricRegistry registry;

  private final Map<String, LivePool> pools = new ConcurrentHashMap<>();
  private final java.util.Set<String> known = ConcurrentHashMap.newKeySet();
  private volatile java.util.function.Function<String, OutboxStats> outboxes =
      name -> OutboxStats.EMPTY;

  /** Where the outbox figures come from (every instance reads them from the database). */
  public void outboxes(java.util.function.Function<String, OutboxStats> source) {
    outboxes = source;
  }

  /** A pool that exists, driven here or elsewhere: its outbox and lease gauges. */
  public void known(String name) {
    if (known.add(name)) {
      Tag tag = tag(name);
      registry.gauge(OUTBOX, this, m -> m.outboxes.apply(name).depth(), tag);
      registry.gauge(OUTBOX_OLDEST, this, m -> m.outboxes.apply(name).oldestSeconds(), tag);
      registry.gauge(DRIVEN, this, m -> m.pools.containsKey(name) ? 1 : 0, tag);
      registry.counter(OVERFLOW, tag);
    }
  }

  /** A pool that was deleted. */
  public void gone(String name) {
    if (known.remove(name)) {
      Tag tag = tag(name);
      for (Metadata metadata : new Metadata[] {OUTBOX, OUTBOX_OLDEST, DRIVEN, OVERFLOW}) {
        registry.remove(new MetricID(metadata.getName(), tag));
      }
    }
  }

  public void track(LivePool pool) {
    String name = pool.name();
    pools.put(name, pool);
    Tag tag = tag(name);
    for (ConnectionState state : ConnectionState.values()) {
      String wire = state.name().toLowerCase(Locale.ROOT);
      registry.gauge(
          CONNECTIONS, this, m -> m.connections(name, wire), tag, new Tag("state", wire));
    }
    registry.gauge(SCORE, this, m -> m.score(name), tag);
    registry.counter(DELIVERIES, tag);
    registry.counter(ACKS, tag);
    registry.counter(REDELIVERIES, tag);
    registry.counter(TIMEOUTS, tag);
    registry.counter(DISCONNECTS, tag);
    registry.timer(ACK_TIME, tag);
    registry.timer(RTT, tag);
    registry.timer(FAILOVER, tag);
  }

  public void forget(String name) {
    pools.remove(name);
    Tag tag = tag(name);
    for (Metadata metadata :
        new Metadata[] {
          SCORE, DELIVERIES, ACKS, REDELIVERIES, TIMEOUTS, DISCONNECTS, ACK_TIME, RTT, FAILOVER
        }) {
      registry.remove(new MetricID(metadata.getName(), tag));
    }
    for (ConnectionState state : ConnectionState.values()) {
      registry.remove(
          new MetricID(
              CONNECTIONS.getName(), tag, new Tag("state", state.name().toLowerCase(Locale.ROOT))));
    }
  }

  int connections(String pool, String state) {
    LivePool live = pools.get(pool);
    return live == null ? 0 : live.states().getOrDefault(state, 0);
  }

  double score(String pool) {
    LivePool live = pools.get(pool);
    return live == null ? 0 : live.meanScore();
  }

  public void delivered(String pool) {
    registry.counter(DELIVERIES, tag(pool)).inc();
  }

  public void acked(String pool, Duration roundTrip) {
    registry.counter(ACKS, tag(pool)).inc();
    registry.timer(ACK_TIME, tag(pool)).update(roundTrip);
  }

  public void redelivered(String pool) {
    registry.counter(REDELIVERIES, tag(pool)).inc();
  }

  public void timedOut(String pool) {
    registry.counter(TIMEOUTS, tag(pool)).inc();
  }

  public void disconnected(String pool) {
    registry.counter(DISCONNECTS, tag(pool)).inc();
  }

  public void overflowed(String pool) {
    registry.counter(OVERFLOW, tag(pool)).inc();
  }

  public void writeFailed(String topic) {
    registry
        .counter(
            Metadata.builder()
                .withName("avgym_pool_outbox_write_failures")
                .withDescription("Publications that could not be added to the pool outbox")
                .build(),
            new Tag("topic", topic))
        .inc();
  }

  public void failedOver(String pool, Duration took) {
    registry.timer(FAILOVER, tag(pool)).update(took);
  }

  public void rtt(String pool, Duration roundTrip) {
    registry.timer(RTT, tag(pool)).update(roundTrip);
  }

  private static Tag tag(String pool) {
    return new Tag("pool", pool);
  }
}
