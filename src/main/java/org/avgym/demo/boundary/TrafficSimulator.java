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
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.demo.control.ChainBlueprint;
import org.avgym.demo.control.DailyRhythm;
import org.avgym.demo.control.ScanPicker;
import org.avgym.demo.entity.DemoDevice;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.pools.control.Backoff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Drives the demo devices over real loopback WebSockets: check-ins at each location's daily rhythm,
 * denials on purpose, check-outs after a plausible stay, and an occasional second scan. It runs on
 * the container's scheduler, keeps every collection bounded, reconnects dropped sessions with
 * backoff, and catches its own failures: if it breaks, the demo is quieter, the product is not.
 */
@Singleton
@Startup
@DependsOn("DemoSeeder")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TrafficSimulator {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(TrafficSimulator.class.getName());
  static final String AUTO = "auto";

  /** An answer later than this is counted lost; the server will have rolled back or answered. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** After this long without an answer the wait is worth a warning. */
  private static final Duration READY_WAIT = Duration.ofMinutes(3);

  /** The server's repeat window: a second scan inside it shows REPEAT_SCAN. */
  private static final Duration REPEAT_WINDOW = Duration.ofSeconds(50);

  private static final int RECENT_PER_LOCATION = 50;

  @Resource(lookup = AppExecutors.SCHEDULED)
  ManagedScheduledExecutorService scheduler;

  @Inject DemoSeeder seeder;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "avgym.demo.enabled", defaultValue = "false")
  boolean demoEnabled;

  @Inject
  @ConfigProperty(name = "avgym.demo.traffic.enabled", defaultValue = "true")
  boolean trafficEnabled;

  @Inject
  @ConfigProperty(name = "avgym.demo.traffic.url", defaultValue = "ws://127.0.0.1:8080/ws/devices")
  String url;

  @Inject
  @ConfigProperty(name = "avgym.demo.traffic.per-minute", defaultValue = "20")
  double peakPerMinute;

  @Inject
  @ConfigProperty(name = "avgym.demo.traffic.night-share", defaultValue = "0.04")
  double nightShare;

  @Inject
  @ConfigProperty(name = "avgym.demo.traffic.tick-ms", defaultValue = "1000")
  long tickMillis;

  @Inject
  @ConfigProperty(name = "avgym.demo.traffic.stay-min-seconds", defaultValue = "1800")
  long stayMinSeconds;

  @Inject
  @ConfigProperty(name = "avgym.demo.traffic.stay-max-seconds", defaultValue = "6300")
  long stayMaxSeconds;

  @Inject
  @ConfigProperty(name = "avgym.demo.traffic.max-pending", defaultValue = "500")
  int maxPending;

  @Inject
  @ConfigProperty(name = "avgym.demo.seed", defaultValue = "20261128")
  long seed;

  private record Sent(ScanPicker.Pick pick, String location, boolean in, Instant at) {}

  private record Stay(MemberSpec member, String location, String credential, Instant leaveAt) {}

  private record Link(SimulatedDevice endpoint, Backoff backoff) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Link> links = new ConcurrentHashMap<>();
  private final Map<String, Long> retryAt = new ConcurrentHashMap<>();
  private final Map<String, Boolean> connecting = new ConcurrentHashMap<>();
  private final Map<String, Sent> pending = new ConcurrentHashMap<>();
  private final Map<Integer, Stay> inside = new ConcurrentHashMap<>();
  private final Map<String, Deque<Stay>> recentlyIn = new ConcurrentHashMap<>();
  private final Random stays = new Random();

  private volatile boolean running;
  private List<DemoDevice> devices = List.of();
  private ScanPicker picker;
  private Random random;
  private DailyRhythm rhythm;
  private WebSocketContainer container;
  private ScheduledFuture<?> ticking;
  private final long startedAt = System.nanoTime();
  private volatile boolean serverReady;
  private volatile boolean readyWarned;
  private Counter sent;

  @PostConstruct
  void start() {
    if (!demoEnabled || !trafficEnabled) {
      return;
    }
    ChainBlueprint blueprint = seeder.blueprint();
    devices = seeder.devices();
    if (blueprint == null || devices.isEmpty()) {
      LOG.warning("Demo traffic not started: no demo data or no enabled demo devices");
      return;
    }
    try {
      rhythm = new DailyRhythm(nightShare);
      random = new Random(seed);
      picker = new ScanPicker(blueprint.members(), random);
      container = ContainerProvider.getWebSocketContainer();
      sent =
          metrics.counter(
              Metadata.builder()
                  .withName("avgym_demo_scans_sent")
                  .withDescription("Scans the demo traffic simulator sent")
                  .build());
      for (DemoDevice device : devices) {
        links.put(
            device.code(),
            new Link(
                new SimulatedDevice(device, this::received, this::disconnected),
                new Backoff(Backoff.Settings.DEFAULTS, new Random(seed + device.id()))));
      }
      metrics.gauge(
          Metadata.builder()
              .withName("avgym_demo_device_sessions")
              .withDescription("Open sessions of the demo traffic simulator")
              .build(),
          sessions::size);
      running = true;
      ticking =
          scheduler.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
      LOG.info(
          () ->
              "Demo traffic: "
                  + devices.size()
                  + " devices to "
                  + url
                  + ", peak "
                  + peakPerMinute
                  + " check-ins/min per location");
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Demo traffic could not start; AV Gym runs on without it", e);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (ticking != null) {
      ticking.cancel(false);
    }
    for (Map.Entry<String, Session> entry : sessions.entrySet()) {
      try {
        entry.getValue().close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "demo stopped"));
      } catch (IOException | RuntimeException e) {
        LOG.fine(() -> "Demo device " + entry.getKey() + " did not close cleanly: " + e);
      }
    }
    sessions.clear();
  }

  /** One step: connect what is missing, send this tick's scans, expire lost answers. */
  void tick() {
    if (!running) {
      return;
    }
    try {
      URI target = target();
      if (target == null || !serverReady(target)) {
        return;
      }
      Instant now = Instant.now();
      for (DemoDevice device : devices) {
        connectIfDue(device, target);
      }
      checkOuts(now);
      for (String location : locations()) {
        checkIns(location, now);
      }
      pending.values().removeIf(s -> s.at().plus(ANSWER_TIMEOUT).isBefore(now) && lost(s));
    } catch (RuntimeException e) {
      // An exception would cancel the schedule for good; log it and try again next tick.
      LOG.log(Level.WARNING, "Demo traffic tick failed; trying again next tick", e);
    }
  }

  /**
   * Whether the server behind {@code target} answers: before its deployment is complete a device
   * could not connect, so the devices wait for {@code /health/started} to answer 200 (asked once a
   * tick, quietly) instead of failing and warning during every start.
   */
  private boolean serverReady(URI target) {
    if (serverReady) {
      return true;
    }
    URI started =
        URI.create("http://" + target.getHost() + ":" + target.getPort() + "/health/started");
    // HttpURLConnection: a blocking probe on this (managed) thread, no client threads of its own.
    try {
      HttpURLConnection connection = (HttpURLConnection) started.toURL().openConnection();
      connection.setConnectTimeout((int) PROBE_TIMEOUT.toMillis());
      connection.setReadTimeout((int) PROBE_TIMEOUT.toMillis());
      try {
        serverReady = connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      LOG.fine(() -> "Demo traffic: the server does not answer yet: " + e);
    }
    if (serverReady) {
      LOG.info(
          () -> "Demo traffic: the server is ready; connecting " + devices.size() + " devices");
    } else if (!readyWarned
        && Duration.ofNanos(System.nanoTime() - startedAt).compareTo(READY_WAIT) > 0) {
      readyWarned = true;
      LOG.warning("Demo traffic waits: " + started + " has not answered 200 for " + READY_WAIT);
    }
    return serverReady;
  }

  private URI target() {
    String address = url;
    if (AUTO.equalsIgnoreCase(url)) {
      int port = LocalPort.known();
      if (port == 0) {
        return null;
      }
      address = "ws://127.0.0.1:" + port + "/ws/devices";
    }
    URI uri = URI.create(address);
    if (!loopback(uri.getHost())) {
      LOG.severe("Demo traffic stopped: " + address + " is not a loopback address");
      running = false;
      return null;
    }
    return uri;
  }

  static boolean loopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void connectIfDue(DemoDevice device, URI target) {
    Session session = sessions.get(device.code());
    if (session != null && session.isOpen()) {
      return;
    }
    if (retryAt.getOrDefault(device.code(), 0L) > System.nanoTime()
        || connecting.putIfAbsent(device.code(), Boolean.TRUE) != null) {
      return;
    }
    scheduler.execute(() -> connect(device, target));
  }

  private void connect(DemoDevice device, URI target) {
    Link link = links.get(device.code());
    try {
      Session session =
          container.connectToServer(link.endpoint(), link.endpoint().config(), target);
      sessions.put(device.code(), session);
      link.backoff().connected(System.nanoTime());
      LOG.info(() -> "Demo device " + device.code() + " connected to " + target);
    } catch (Exception e) {
      Duration delay = link.backoff().nextDelay();
      retryAt.put(device.code(), System.nanoTime() + delay.toNanos());
      LOG.warning(
          "Demo device "
              + device.code()
              + " could not connect to "
              + target
              + " ("
              + e.getMessage()
              + "); retrying in "
              + delay.toMillis()
              + " ms");
    } finally {
      connecting.remove(device.code());
    }
  }

  private void disconnected(DemoDevice device) {
    sessions.remove(device.code());
    Link link = links.get(device.code());
    if (link != null) {
      link.backoff().disconnected(System.nanoTime());
      retryAt.put(device.code(), System.nanoTime() + link.backoff().nextDelay().toNanos());
    }
  }

  private List<String> locations() {
    return devices.stream().map(DemoDevice::location).distinct().toList();
  }

  private void checkIns(String location, Instant now) {
    DemoDevice any = devices.stream().filter(d -> d.location().equals(location)).findFirst().get();
    LocalTime local = LocalTime.ofInstant(now, any.zone());
    int scans =
        DailyRhythm.draw(rhythm.expected(peakPerMinute, local, tickMillis), random.nextDouble());
    for (int i = 0; i < scans && pending.size() < maxPending; i++) {
      List<MemberSpec> recent = recentlyIn(location, now);
      ScanPicker.Pick pick = picker.next(location, inside::containsKey, recent);
      if (pick != null) {
        send(location, pick, true, now);
      }
    }
  }

  private List<MemberSpec> recentlyIn(String location, Instant now) {
    Deque<Stay> recent = recentlyIn.get(location);
    if (recent == null) {
      return List.of();
    }
    synchronized (recent) {
      return recent.stream().filter(s -> s.leaveAt().isAfter(now)).map(Stay::member).toList();
    }
  }

  private void checkOuts(Instant now) {
    for (Stay stay : List.copyOf(inside.values())) {
      if (stay.leaveAt().isBefore(now) && pending.size() < maxPending) {
        inside.remove(stay.member().number());
        send(
            stay.location(),
            new ScanPicker.Pick(ScanPicker.Kind.VALID, stay.member(), stay.credential()),
            false,
            now);
      }
    }
  }

  private void send(String location, ScanPicker.Pick pick, boolean in, Instant now) {
    List<Session> open = new ArrayList<>();
    for (DemoDevice device : devices) {
      Session session = sessions.get(device.code());
      if (device.location().equals(location) && session != null && session.isOpen()) {
        open.add(session);
      }
    }
    if (open.isEmpty()) {
      return;
    }
    String id = UUID.randomUUID().toString();
    String frame =
        JSON.createObjectBuilder()
            .add("type", "checkin")
            .add("id", id)
            .add("credential", pick.credential())
            .add("direction", in ? "in" : "out")
            .add("method", pick.credential().startsWith("QR") ? "qr" : "card")
            .build()
            .toString();
    pending.put(id, new Sent(pick, location, in, now));
    if (SimulatedDevice.send(open.get(random.nextInt(open.size())), frame)) {
      sent.inc();
    } else {
      pending.remove(id);
    }
  }

  /** Frames from the server, on the WebSocket container's threads. */
  private void received(DemoDevice device, String text) {
    try {
      JsonObject frame = JSON.createReader(new StringReader(text)).readObject();
      String type = frame.getString("type", "");
      if (type.equals("checkin.result")) {
        result(frame);
      } else if (type.equals("error")) {
        Sent lost = frame.isNull("id") ? null : pending.remove(frame.getString("id", ""));
        count("error");
        LOG.fine(() -> "Demo device " + device.code() + " got an error frame: " + text);
        if (lost != null && !lost.in() && lost.pick().member() != null) {
          // The check-out did not happen; the member is still inside and leaves later.
          putInside(lost.pick().member(), lost.location(), lost.pick().credential(), Instant.now());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Demo device " + device.code() + " could not read a frame", e);
    }
  }

  private void result(JsonObject frame) {
    Sent request = pending.remove(frame.getString("id", ""));
    String decision = frame.getString("decision", "unknown");
    count(decision);
    if (request == null || request.pick().member() == null) {
      return;
    }
    MemberSpec member = request.pick().member();
    boolean alreadyInside =
        frame.getJsonArray("reasons").getValuesAs(JsonString.class).stream()
            .anyMatch(r -> r.getString().equals("ALREADY_INSIDE"));
    if (request.in() && (!decision.equals("denied") || alreadyInside)) {
      // Counted inside (also after a restart forgot it): they leave after a stay.
      if (!inside.containsKey(member.number())) {
        putInside(member, request.location(), request.pick().credential(), Instant.now());
      }
    }
  }

  private void putInside(MemberSpec member, String location, String credential, Instant now) {
    long stay = stayMinSeconds + (long) (stays.nextDouble() * (stayMaxSeconds - stayMinSeconds));
    Stay visit = new Stay(member, location, credential, now.plusSeconds(stay));
    inside.put(member.number(), visit);
    Deque<Stay> recent = recentlyIn.computeIfAbsent(location, l -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(new Stay(member, location, credential, now.plus(REPEAT_WINDOW)));
      while (recent.size() > RECENT_PER_LOCATION) {
        recent.removeFirst();
      }
    }
  }

  private boolean lost(Sent request) {
    count("lost");
    return true;
  }

  private void count(String outcome) {
    metrics
        .counter(
            Metadata.builder()
                .withName("avgym_demo_scan_answers")
                .withDescription("Answers the demo traffic simulator received, by outcome")
                .build(),
            new Tag("outcome", outcome))
        .inc();
  }
}
