package org.avgym.live.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.checkin.entity.CheckinRecorded;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.OccupancyChanged;
import org.avgym.devices.entity.DeviceConnectivity;
import org.avgym.live.control.EventStream;
import org.avgym.live.control.GridEventStream;
import org.avgym.live.control.LiveMetrics;
import org.avgym.live.control.LiveProtocol;
import org.avgym.live.control.LocalEventStream;
import org.avgym.live.control.Subscriber;
import org.avgym.live.entity.Publication;
import org.avgym.live.entity.Topic;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.platform.boundary.Grid;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes what happened (check-ins, occupancy, device alerts, and whatever other features fire as
 * {@link Publication}) into the stream after commit, and fans it out to subscribers on the managed
 * executor: the committing thread only appends to history, so a device's answer never waits for a
 * dashboard.
 */
@ManagedExecutorDefinition(name = LiveHub.SENDS, maxAsync = 64)
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LiveHub implements Subscriber.Listener {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(LiveHub.class.getName());

  /**
   * Live sends get their own executor: a write to a client that stopped reading can block its
   * thread until the transport's write timeout, and must never hold up anything else.
   */
  static final String SENDS = "java:app/concurrent/avgym-live-sends";

  @Resource(lookup = AppExecutors.SCHEDULED)
  ManagedScheduledExecutorService executor;

  @Resource(lookup = SENDS)
  ManagedExecutorService sends;

  @Inject
  @ConfigProperty(name = "avgym.live.send-timeout-ms", defaultValue = "5000")
  long sendTimeoutMs;

  /** Fewer subscribers than this per fan-out thread are not worth another thread. */
  static final int MIN_SHARD = 100;

  @Inject
  @ConfigProperty(name = "avgym.live.fan-out-threads", defaultValue = "2")
  int fanOutShards;

  @Inject
  @ConfigProperty(name = "avgym.live.probe-every-bytes", defaultValue = "65536")
  long probeEveryBytes;

  @Inject
  @ConfigProperty(name = "avgym.live.max-unconfirmed-bytes", defaultValue = "1048576")
  long maxUnconfirmedBytes;

  @Inject LiveMetrics metrics;

  /** Device alerts go out as publications: the live channel and the pools that carry alerts. */
  @Inject Event<Publication> publications;

  @Inject Grid grid;

  @Inject
  @ConfigProperty(name = "avgym.live.history.max-events", defaultValue = "10000")
  int historyEvents;

  @Inject
  @ConfigProperty(name = "avgym.live.history.max-age-seconds", defaultValue = "600")
  long historySeconds;

  @Inject
  @ConfigProperty(name = "avgym.live.max-backlog", defaultValue = "1000")
  int maxBacklog;

  @Inject
  @ConfigProperty(name = "avgym.live.batch.max-events", defaultValue = "100")
  int maxBatch;

  @Inject
  @ConfigProperty(name = "avgym.live.batch.linger-ms", defaultValue = "0")
  long lingerMs;

  @Inject
  @ConfigProperty(name = "avgym.live.heartbeat-seconds", defaultValue = "25")
  int heartbeatSeconds;

  private EventStream stream;
  private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
  private final Map<String, Integer> lastOccupancy = new ConcurrentHashMap<>();
  private final AtomicBoolean fanOutScheduled = new AtomicBoolean();
  private ScheduledFuture<?> heartbeat;
  private ScheduledFuture<?> watchdog;

  @PostConstruct
  void start() {
    Duration maxAge = Duration.ofSeconds(historySeconds);
    stream =
        grid.instance()
            .<EventStream>map(
                hz ->
                    new GridEventStream(
                        hz,
                        historyEvents,
                        maxAge,
                        System::nanoTime,
                        executor,
                        this::scheduleFanOut,
                        this::closeAllForNewEpoch))
            .orElseGet(() -> new LocalEventStream(historyEvents, maxAge, System::nanoTime));
    LOG.info(
        () ->
            "Live stream "
                + (stream instanceof GridEventStream ? "shared by the data grid" : "in memory")
                + ", epoch "
                + stream.epoch());
    metrics.register(subscribers::size, this::largestBacklog);
    if (stream instanceof GridEventStream shared) {
      metrics.registerGrid(shared);
    }
    heartbeat =
        executor.scheduleAtFixedRate(
            this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    watchdog = executor.scheduleAtFixedRate(this::closeStalled, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (stream instanceof GridEventStream shared) {
      shared.close();
    }
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    if (watchdog != null) {
      watchdog.cancel(false);
    }
  }

  /** Used by the endpoint's channels: every write to a live client runs here. */
  public ManagedExecutorService sends() {
    return sends;
  }

  public EventStream stream() {
    return stream;
  }

  public int heartbeatSeconds() {
    return heartbeatSeconds;
  }

  /**
   * Appends to the stream; a stream that cannot take it (the grid lost) is logged and counted,
   * never passed on to the transaction that already committed.
   */
  public void publish(Topic topic, String dataJson) {
    try {
      stream.publish(topic, dataJson);
      metrics.published(topic);
    } catch (RuntimeException e) {
      metrics.publishFailed(topic);
      LOG.log(Level.WARNING, "Could not publish on the live topic " + topic.wire(), e);
    }
    scheduleFanOut();
  }

  public void onPublication(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) Publication publication) {
    publish(publication.topic(), publication.dataJson());
  }

  /**
   * Occupancy moved without a check-in (visits closed after the longest stay). Remembered, so that
   * the next check-in compares with it: else one that brings it back to the value last seen here
   * would not be sent.
   */
  public void onOccupancy(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) OccupancyChanged occupancy) {
    lastOccupancy.put(occupancy.location(), occupancy.occupancy());
    publish(Topic.OCCUPANCY, occupancy.data());
  }

  public void onCheckin(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckinRecorded event) {
    try {
      CheckinResult result = event.result();
      publish(Topic.CHECKINS, event.data());
      Integer previous = lastOccupancy.put(result.location(), result.occupancy());
      if (previous == null || previous != result.occupancy()) {
        publish(Topic.OCCUPANCY, OccupancyChanged.of(result).data());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not publish a check-in on the live channel", e);
    }
  }

  public void onDevice(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceConnectivity connectivity) {
    publications.fire(
        new Publication(
            Topic.ALERTS,
            JSON.createObjectBuilder()
                .add("kind", connectivity.online() ? "device.online" : "device.offline")
                .add("severity", connectivity.online() ? "info" : "warning")
                .add("device", connectivity.device())
                .add("location", connectivity.location())
                .add(
                    "message",
                    "Device "
                        + connectivity.device()
                        + (connectivity.online() ? " is online" : " went offline"))
                .add("at", connectivity.at().toString())
                .build()
                .toString()));
  }

  /** Registers a client; nothing is sent until it subscribes. */
  public Subscriber connect(Subscriber.Channel channel) {
    Subscriber subscriber =
        new Subscriber(
            channel, stream, Map.of(), new Subscriber.Flow(probeEveryBytes, maxUnconfirmedBytes));
    subscribers.put(channel.id(), subscriber);
    return subscriber;
  }

  public void disconnect(String channelId) {
    Subscriber subscriber = subscribers.remove(channelId);
    if (subscriber != null) {
      subscriber.markClosed();
    }
  }

  /**
   * The grid lost history and the stream goes on under a new epoch: every subscriber's position is
   * void, so each is closed with 1012 and resumes (getting {@code recovered:false} and reloading).
   */
  private void closeAllForNewEpoch() {
    for (Subscriber subscriber : subscribers.values()) {
      subscribers.remove(subscriber.channel().id(), subscriber);
      subscriber.markClosed();
      try {
        subscriber.channel().close(1012, "live history lost; resume with since");
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not close a live session", e);
      }
    }
  }

  private void closeStalled() {
    long now = System.nanoTime();
    long limit = TimeUnit.MILLISECONDS.toNanos(sendTimeoutMs);
    for (Subscriber subscriber : subscribers.values()) {
      if (subscriber.isClosed()) {
        subscribers.remove(subscriber.channel().id(), subscriber);
      } else if (subscriber.sendingForNanos(now) > limit
          || subscriber.probeOutstandingNanos(now) > limit) {
        subscriber.closeStalled(this);
        subscribers.remove(subscriber.channel().id(), subscriber);
      }
    }
  }

  /**
   * Subscribes: each topic starts after the client's {@code since} position when the epoch matches
   * and history still holds everything after it ({@code recovered}); otherwise at the head, and the
   * client reloads state over the REST API.
   */
  public void subscribe(Subscriber subscriber, LiveProtocol.Subscribe request) {
    Map<Topic, Long> heads = stream.heads(request.topics());
    Map<Topic, Long> from = new EnumMap<>(heads);
    boolean recovered = request.sinceEpoch() != null && request.sinceEpoch().equals(stream.epoch());
    if (recovered) {
      for (Topic topic : request.topics()) {
        Long since = request.sinceSeq().get(topic);
        if (since == null || since > heads.get(topic) || !retained(topic, since)) {
          recovered = false;
        } else {
          from.put(topic, since);
        }
      }
      if (!recovered) {
        from = new EnumMap<>(heads);
      }
    }
    subscriber.subscribe(
        from, LiveProtocol.subscribed(request.topics(), stream.epoch(), heads, recovered));
    pump(subscriber);
  }

  public void reject(Subscriber subscriber, String code, String field, String message) {
    subscriber.tell(LiveProtocol.error(code, field, message));
    pump(subscriber);
  }

  private boolean retained(Topic topic, long since) {
    try {
      stream.after(topic, since, 1);
      return true;
    } catch (EventStream.GapException e) {
      return false;
    }
  }

  private void pump(Subscriber subscriber) {
    subscriber.pump(maxBacklog, maxBatch, this);
  }

  private void scheduleFanOut() {
    if (fanOutScheduled.compareAndSet(false, true)) {
      Runnable fanOut =
          () -> {
            fanOutScheduled.set(false);
            List<Subscriber> all = List.copyOf(subscribers.values());
            int shards = Math.max(1, Math.min(fanOutShards, all.size() / MIN_SHARD));
            for (int shard = 1; shard < shards; shard++) {
              int first = shard;
              sends.execute(() -> pumpShard(all, first, shards));
            }
            pumpShard(all, 0, shards);
          };
      if (lingerMs > 0) {
        executor.schedule(() -> sends.execute(fanOut), lingerMs, TimeUnit.MILLISECONDS);
      } else {
        sends.execute(fanOut);
      }
    }
  }

  /** Pumps every {@code shards}-th subscriber from {@code first}: fan-out on several threads. */
  private void pumpShard(List<Subscriber> all, int first, int shards) {
    for (int i = first; i < all.size(); i += shards) {
      try {
        pump(all.get(i));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Fan-out to a live client failed", e);
      }
    }
  }

  @Override
  public void sent(int events, long oldestPublishedNanos) {
    metrics.sent(events, Duration.ofNanos(System.nanoTime() - oldestPublishedNanos));
  }

  @Override
  public void slowConsumerClosed(long backlog) {
    metrics.slowConsumerClosed();
    LOG.info(() -> "Closed a live client that could not keep up (backlog " + backlog + ")");
  }

  private long largestBacklog() {
    return subscribers.values().stream().mapToLong(Subscriber::backlog).max().orElse(0);
  }

  private void heartbeat() {
    for (Subscriber subscriber : subscribers.values()) {
      if (subscriber.channel() instanceof LiveEndpoint.SessionChannel session) {
        // A ping to a client that stopped reading can block: never on the scheduler's thread.
        sends.execute(() -> session.heartbeat(2L * heartbeatSeconds));
      }
    }
  }
}
