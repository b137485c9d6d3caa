package org.avgym.analytics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.analytics.control.AnalyticsMetrics;
import org.avgym.analytics.control.CounterDelta;
import org.avgym.analytics.control.PoolHealthSource;
import org.avgym.analytics.control.SpikeDetector;
import org.avgym.analytics.entity.Sample;
import org.avgym.checkin.boundary.DeviceSessions;
import org.avgym.checkin.control.CheckinMetrics;
import org.avgym.live.control.LiveMetrics;
import org.avgym.live.entity.Publication;
import org.avgym.live.entity.Topic;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;
import org.avgym.platform.boundary.ThisInstance;
import org.avgym.platform.entity.Failure;
import org.avgym.pools.control.PoolMetrics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Samples the instance and the gyms every interval (10 s by default): connections, check-in latency
 * and throughput, error rate, memory, CPU, pool health, check-ins per minute and occupancy per
 * location. Keeps the newest samples in memory, persists them, publishes them on the metrics topic
 * and feeds them to the alert rules. Every sample carries this instance's id, so that instances
 * sharing a database keep their samples apart. A programmatic interval timer rather than
 * {@code @Schedule}, so that tests can shorten the interval by configuration; non-persistent, so
 * every instance samples itself, which is what a per-instance metric means. The chain-wide figures
 * (check-ins per location counted in the database, occupancy, devices whose presence ran out) are
 * taken by one instance at a time, so their alerts fire once in a cluster.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetricSampler {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(MetricSampler.class.getName());

  /** The lock of the chain-wide samples. */
  static final String CHAIN_LOCK = "cluster-sampler";

  public static final List<String> PERFORMANCE_METRICS =
      List.of(
          "connectionCount", "avgLatency", "avgThroughput", "errorRate", "memoryUsage", "cpuUsage");

  @Resource TimerService timers;
  @Inject MetricRegistry registry;
  @Inject Locations locations;
  @Inject AnalyticsStore store;
  @Inject Alerts alerts;
  @Inject AnalyticsMetrics metrics;
  @Inject Event<Publication> publications;
  @Inject Instance<PoolHealthSource> pools;
  @Inject ThisInstance thisInstance;
  @Inject SchedulerLock lock;
  @Inject Incidents incidents;

  @Inject
  @ConfigProperty(name = "avgym.analytics.sample-interval-ms", defaultValue = "10000")
  long intervalMs;

  @Inject
  @ConfigProperty(name = "avgym.analytics.samples.in-memory", defaultValue = "1000")
  int inMemory;

  private final Deque<List<Sample>> recent = new ArrayDeque<>();
  private final CounterDelta decisions = new CounterDelta();
  private final CounterDelta decisionNanos = new CounterDelta();
  private final CounterDelta rejected = new CounterDelta();
  private final CounterDelta lagCount = new CounterDelta();
  private final CounterDelta lagNanos = new CounterDelta();
  private final CounterDelta roundTripCount = new CounterDelta();
  private final CounterDelta roundTripNanos = new CounterDelta();
  private final java.util.Set<String> reportedOffline = ConcurrentHashMap.newKeySet();
  private Instant lastChainSample;
  private boolean heldChainSampling;
  private final SpikeDetector denialSpikes = new SpikeDetector();
  private String instance;

  @PostConstruct
  void start() {
    instance = thisInstance.id();
    TimerConfig config = new TimerConfig("metric-sampler", false);
    timers.createIntervalTimer(intervalMs, intervalMs, config);
  }

  @Timeout
  public void tick() {
    try {
      sample(Instant.now());
    } catch (RuntimeException e) {
      metrics.failed("sample");
      LOG.log(Level.WARNING, "Metric sampling failed", e);
      Failure.report(Failure.TIMER_FAILED, "metric sampler", Failure.describe(e));
    }
  }

  /** Takes, keeps, persists, publishes and evaluates one round of samples. */
  public List<Sample> sample(Instant at) {
    List<Sample> samples = measure(at);
    synchronized (recent) {
      recent.addFirst(samples);
      while (recent.size() > inMemory) {
        recent.removeLast();
      }
    }
    try {
      store.persistSamples(samples);
    } catch (RuntimeException e) {
      metrics.failed("persist-samples");
      LOG.log(Level.WARNING, "Could not persist " + samples.size() + " metric samples", e);
      Failure.report(
          Failure.TIMER_FAILED,
          "metric sampler",
          "could not persist " + samples.size() + " samples: " + Failure.describe(e));
    }
    publish(samples, at);
    alerts.evaluate(samples);
    return samples;
  }

  /** The newest rounds first, at most {@code limit}. */
  public List<List<Sample>> recent(int limit) {
    synchronized (recent) {
      return recent.stream().limit(limit).toList();
    }
  }

  public long intervalMs() {
    return intervalMs;
  }

  /** The id this instance's samples carry. */
  public String instance() {
    return instance;
  }

  private List<Sample> measure(Instant at) {
    double seconds = intervalMs / 1000.0;
    List<Sample> samples = new ArrayList<>();
    double deviceSessions = gauge(DeviceSessions.SESSIONS_METRIC);
    double liveSessions = gauge(LiveMetrics.SESSIONS_NAME);
    add(samples, at, "connectionCount", "", deviceSessions + liveSessions);

    Timer decision = timer(CheckinMetrics.DECISION_TIME_NAME);
    double count = decision == null ? 0 : decisions.next(decision.getCount());
    double nanos = decision == null ? 0 : decisionNanos.next(decision.getElapsedTime().toNanos());
    add(samples, at, "avgLatency", "", count == 0 ? 0 : nanos / count / 1_000_000.0);
    add(samples, at, "avgThroughput", "", count / seconds);
    double errors = rejected.next(counterSum(CheckinMetrics.REJECTED_NAME));
    add(samples, at, "errorRate", "", errors + count == 0 ? 0 : errors / (errors + count));

    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    double max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    add(samples, at, "memoryUsage", "", 100.0 * heap.getUsed() / max);
    add(samples, at, "cpuUsage", "", cpu());

    add(samples, at, "liveLag", "", meanMillis(LiveMetrics.LAG_NAME, lagCount, lagNanos));
    add(
        samples,
        at,
        "poolRoundTrip",
        "",
        meanMillis(PoolMetrics.ACK_TIME_NAME, roundTripCount, roundTripNanos));
    add(samples, at, "serverErrors", "", incidents.serverErrors(at));
    double worstPool = 100;
    for (PoolHealthSource source : pools) {
      try {
        for (Map.Entry<String, Double> pool : source.poolHealth().entrySet()) {
          add(samples, at, "poolHealth", pool.getKey(), pool.getValue());
          worstPool = Math.min(worstPool, pool.getValue());
        }
        failedConnections(samples, at, source.failedConnections());
      } catch (RuntimeException e) {
        metrics.failed("pool-health");
        LOG.log(Level.FINE, "A pool health source failed", e);
      }
    }
    add(samples, at, "poolHealth", "", worstPool);

    boolean holds = holdsChainSampling();
    if (holds && !heldChainSampling) {
      alerts.restoreOpen(); // what the previous holder opened resolves here
    }
    heldChainSampling = holds;
    if (holds) {
      chain(samples, at, seconds);
    }
    return samples;
  }

  /**
   * Per pool driven here, its connections failed now or within the incident window (whichever is
   * more), so a connection that fails and comes back keeps the alert open until it is quiet.
   */
  private void failedConnections(List<Sample> samples, Instant at, Map<String, Integer> failed) {
    for (Map.Entry<String, Integer> pool : failed.entrySet()) {
      add(
          samples,
          at,
          "poolConnectionsFailed",
          pool.getKey(),
          Math.max(pool.getValue(), incidents.poolFailures(pool.getKey(), at)));
    }
    incidents.forgetQuiet(at);
  }

  /**
   * Whether this instance takes the chain-wide samples this round: one instance at a time does (the
   * {@code cluster-sampler} lock, held for two intervals and renewed every round), so that their
   * alerts fire once however many instances run.
   */
  private boolean holdsChainSampling() {
    try {
      return lock.hold(CHAIN_LOCK, instance, Duration.ofMillis(2 * intervalMs));
    } catch (RuntimeException e) {
      metrics.failed("chain-lock");
      LOG.log(Level.FINE, "Could not take the chain sampling lock", e);
      return false;
    }
  }

  /** Check-ins per location (from the database, so every instance's count), occupancy, devices. */
  private void chain(List<Sample> samples, Instant at, double seconds) {
    Instant from = lastChainSample == null ? at.minusMillis(intervalMs) : lastChainSample;
    lastChainSample = at;
    Map<String, AnalyticsStore.LocationCounts> counts = store.checkinsBetween(from, at);
    double perMinute = 60.0 / Math.max(seconds, Duration.between(from, at).toMillis() / 1000.0);
    long total = 0;
    long denied = 0;
    for (Location location : locations.all()) {
      AnalyticsStore.LocationCounts n =
          counts.getOrDefault(location.getCode(), new AnalyticsStore.LocationCounts(0, 0));
      total += n.all();
      denied += n.denied();
      add(samples, at, "checkinsPerMinute", location.getCode(), n.all() * perMinute);
      add(samples, at, "occupancy", location.getCode(), location.getOccupancy());
      if (location.getCapacity() > 0) {
        add(
            samples,
            at,
            "occupancyRatio",
            location.getCode(),
            (double) location.getOccupancy() / location.getCapacity());
      }
    }
    add(samples, at, "checkinsPerMinute", "", total * perMinute);
    add(samples, at, "denialSpikeRatio", "", denialSpikes.observe(denied).ratio());
    Map<String, Instant> absent = store.absentDevices(at);
    for (Map.Entry<String, Instant> device : absent.entrySet()) {
      add(
          samples,
          at,
          "deviceOfflineSeconds",
          device.getKey(),
          Math.max(0, Duration.between(device.getValue(), at).toSeconds()));
      reportedOffline.add(device.getKey());
    }
    for (String device : List.copyOf(reportedOffline)) {
      if (!absent.containsKey(device)) {
        add(samples, at, "deviceOfflineSeconds", device, 0); // back: reported once, then forgotten
        reportedOffline.remove(device);
      }
    }
  }

  private void add(List<Sample> samples, Instant at, String metric, String subject, double v) {
    if (Double.isFinite(v)) {
      samples.add(new Sample(at, metric, subject, v, instance));
    }
  }

  private void publish(List<Sample> samples, Instant at) {
    try {
      JsonArrayBuilder values = JSON.createArrayBuilder();
      for (Sample s : samples) {
        values.add(
            JSON.createObjectBuilder()
                .add("metric", s.metric())
                .add("subject", s.subject())
                .add("value", s.value()));
      }
      publications.fire(
          new Publication(
              Topic.METRICS,
              JSON.createObjectBuilder()
                  .add("at", at.toString())
                  .add("instance", instance)
                  .add("samples", values)
                  .build()
                  .toString()));
    } catch (RuntimeException e) {
      metrics.failed("publish-samples");
      LOG.log(Level.WARNING, "Could not publish metric samples", e);
    }
  }

  private double gauge(String name) {
    for (Map.Entry<MetricID, Gauge> entry : registry.getGauges().entrySet()) {
      if (entry.getKey().getName().equals(name)) {
        Number value = entry.getValue().getValue();
        return value == null ? 0 : value.doubleValue();
      }
    }
    return 0;
  }

  private Timer timer(String name) {
    return registry.getTimers().entrySet().stream()
        .filter(e -> e.getKey().getName().equals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /**
   * The mean in milliseconds of what a timer (all its tags together) timed since the last round; 0
   * when it timed nothing.
   */
  private double meanMillis(String name, CounterDelta count, CounterDelta nanos) {
    long n = 0;
    long elapsed = 0;
    for (Map.Entry<MetricID, Timer> entry : registry.getTimers().entrySet()) {
      if (entry.getKey().getName().equals(name)) {
        n += entry.getValue().getCount();
        elapsed += entry.getValue().getElapsedTime().toNanos();
      }
    }
    double timed = count.next(n);
    double took = nanos.next(elapsed);
    return timed == 0 ? 0 : took / timed / 1_000_000.0;
  }

  private double counterSum(String name) {
    return registry.getCounters().entrySet().stream()
        .filter(e -> e.getKey().getName().equals(name))
        .map(Map.Entry::getValue)
        .mapToDouble(Counter::getCount)
        .sum();
  }

  private static double cpu() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      double load = os.getProcessCpuLoad();
      return load < 0 ? 0 : 100 * load;
    }
    return 0;
  }
}
