package org.avgym.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.RawWebSocket;
import org.avgym.it.ServerHeap;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.avgym.platform.control.FrameLimits;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-input suite (issue 12): random and mutated frames against {@code /ws/devices} and
 * {@code /ws/live} and random bodies against every {@code /api} operation of the server's own
 * OpenAPI document, while a well-behaved device and a live subscriber carry on. The normal build
 * runs a short version; {@code ./mvnw -Pabuse} runs at least 100,000 frames. Counts go to
 * target/abuse.txt; docs/security.md shows the last full run.
 */
@ExtendWith(ArquillianExtension.class)
class AbuseIT {

  static final boolean FULL = Boolean.getBoolean("avgym.abuse.full");

  /** Frames the fuzzers send in all ({@code -Davgym.abuse.frames=N} for a longer run). */
  static final int FRAMES = Integer.getInteger("avgym.abuse.frames", FULL ? 100_000 : 4_000);

  /** Random requests per API operation. */
  static final int PER_OPERATION = FULL ? 20 : 3;

  static final int WARM_UP_FRAMES = FULL ? FRAMES / 5 : 300;

  static final int DEVICE_FUZZERS = 4;
  static final int LIVE_FUZZERS = 2;

  /** Frames per second each fuzzer sends at most, under the device rate limit set below. */
  static final int FUZZER_RATE = 200;

  static final int DEVICE_MAX_FRAME = 16 * 1024;
  static final int LIVE_MAX_FRAME = 8 * 1024;

  /** Heap after a forced GC may be this much above its level before the run. */
  static final long HEAP_MARGIN_BYTES = 48L * 1024 * 1024;

  static final Duration WAIT = Duration.ofSeconds(15);

  /** How long the heap may take to return to its level once the run is over. */
  static final Duration SETTLE = Duration.ofSeconds(180);

  static final Duration GOOD_PERIOD = Duration.ofMillis(250);

  @ArquillianResource URL base;

  private final AbuseTally tally = new AbuseTally();

  @Deployment(testable = false)
  static WebArchive deployment() {
    Map<String, String> settings = TestDatabase.configured();
    // Rate limits high enough that most fuzz frames reach the parser rather than the limiter;
    // floods still pass them and are closed after avgym.devices.flood-close-after (default).
    settings.put("avgym.devices.rate-per-second", "300");
    settings.put("avgym.devices.rate-burst", "100");
    // Bounded by design, and filled by the warm-up here so that both heap measurements see them
    // full: the live history per topic and the analytics events kept in memory (10,000 each by
    // default, which a full run fills only towards its end).
    settings.put("avgym.live.history.max-events", "2000");
    settings.put("avgym.analytics.events.in-memory", "2000");
    return Deployments.avgym(settings);
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  @Test
  void hostileInputLeavesTheServerAndTheWellBehavedClientsUnharmed() throws Exception {
    long seed = Long.getLong("avgym.abuse.seed", System.nanoTime());
    Fixtures fixtures = new Fixtures(admin());
    String home = fixtures.location(1000);
    String card = fixtures.activeMember(home, "Good Member");
    Fixtures.DeviceKey good = fixtures.device(home);
    String fuzzLocation = fixtures.location(5);
    List<Fixtures.DeviceKey> fuzzDevices = new ArrayList<>();
    for (int i = 0; i < DEVICE_FUZZERS; i++) {
      fuzzDevices.add(fixtures.device(fuzzLocation));
    }
    String fuzzer = Fixtures.unique("fuzzer");
    fixtures.staffUser(fuzzer, "fuzzer-password-1", "ADMIN");
    String fuzzerAuth = Api.basic(fuzzer, "fuzzer-password-1");
    // Things the API fuzzer may damage; nothing the good clients or the fuzzers stand on.
    Set<Long> victims = new HashSet<>();
    victims.add(fixtures.device(fixtures.location(5)).id());
    victims.add(fixtures.member("Victim Member"));
    Set<Long> protectedIds = protectedIds(good, fuzzDevices);
    victims.removeAll(protectedIds);
    OpenAPI api = ApiFuzz.document(Api.at(base));

    // Warm up (classes, caches, JIT, and in a full run every bounded buffer: each container
    // thread's largest request, the live history, the event log), then the heap's level before.
    runFuzzers(
        fuzzDevices,
        fuzzerAuth,
        new Random(seed),
        WARM_UP_FRAMES,
        FULL ? PER_OPERATION / 4 : 1,
        api,
        victims);
    ServerHeap heap = ServerHeap.of(base);
    long heapBefore = heap.usedAfterGc();
    Map<String, Long> classesBefore = heap.classHistogram();

    GoodDevice device = new GoodDevice(good.token(), card);
    GoodSubscriber subscriber = new GoodSubscriber();
    Thread goodThread = new Thread(device::run, "abuse-good-device");
    goodThread.start();
    long started = System.nanoTime();
    runFuzzers(fuzzDevices, fuzzerAuth, new Random(seed + 1), FRAMES, PER_OPERATION, api, victims);
    device.stop();
    goodThread.join(60_000);
    double seconds = (System.nanoTime() - started) / 1e9;

    List<Long> checkinIds = device.awaitAnswers();
    subscriber.awaitCheckins(checkinIds);
    subscriber.close();
    device.close();
    assertEquals(200, Api.at(base).get("/health").statusCode(), "health after the run");
    long heapAtEnd = heap.usedAfterGc();
    // Closed connections stay reachable in the container for about 30 s after their close
    // (measured: 2,000 WebSocket sessions closed over 29 s were all released 30 s after each
    // close), and idle keep-alive HTTP connections keep the input buffers their largest request
    // grew until the listener's 30 s keep-alive timeout: what counts is the level once these are
    // gone, so the heap is measured again after the client has been quiet for longer than that.
    long settleStarted = System.nanoTime();
    Thread.sleep(45_000);
    long heapAfter = heap.usedAfterGc();
    while (heapAfter > heapBefore + HEAP_MARGIN_BYTES
        && System.nanoTime() - settleStarted < SETTLE.toNanos()) {
      Thread.sleep(15_000);
      heapAfter = heap.usedAfterGc();
    }
    long settledSeconds = (System.nanoTime() - settleStarted) / 1_000_000_000L;
    String grew = ServerHeap.growth(classesBefore, heap.classHistogram(), 20);

    String report =
        String.format(
                "hostile-input suite: %s run, seed %d, %.0f s%n",
                FULL ? "full" : "short", seed, seconds)
            + tally.report()
            + String.format(
                "good device: %d check-ins sent, %d answered; live subscriber: %d check-in"
                    + " events, seq %d..%d without a gap%n",
                device.sent.get(),
                checkinIds.size(),
                subscriber.events,
                subscriber.firstSeq,
                subscriber.lastSeq)
            + String.format(
                "server heap after GC: %.1f MB before, %.1f MB at the end, %.1f MB %d s later"
                    + " (margin %d MB)%n",
                heapBefore / 1e6,
                heapAtEnd / 1e6,
                heapAfter / 1e6,
                settledSeconds,
                HEAP_MARGIN_BYTES / 1024 / 1024)
            + "classes that grew most (bytes after GC):\n"
            + grew
            + "findings: "
            + (tally.findings().isEmpty() ? "none" : String.join("\n  ", tally.findings()))
            + "\n";
    System.out.print(report);
    Path out = Path.of("target/abuse.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);

    assertEquals(List.of(), tally.findings(), "findings (see target/abuse.txt)");
    assertTrue(tally.get("frames sent") >= FRAMES, "frames sent: " + tally.get("frames sent"));
    assertEquals(device.sent.get(), checkinIds.size(), "good device's answers");
    assertTrue(
        heapAfter <= heapBefore + HEAP_MARGIN_BYTES,
        "heap after GC " + heapAfter + " vs " + heapBefore + " before");
  }

  private Set<Long> protectedIds(Fixtures.DeviceKey good, List<Fixtures.DeviceKey> fuzzDevices) {
    Set<Long> ids = new HashSet<>();
    ids.add(good.id());
    fuzzDevices.forEach(d -> ids.add(d.id()));
    for (JsonObject user :
        Api.jsonValue(admin().get("/api/staff-users"))
            .asJsonArray()
            .getValuesAs(JsonObject.class)) {
      ids.add(user.getJsonNumber("id").longValue());
    }
    // Low ids are the first of every table: the good member, plan and location among them.
    for (long id = 0; id <= Math.max(good.id(), 50); id++) {
      ids.add(id);
    }
    return ids;
  }

  /**
   * Device and live fuzzers, the API fuzzer and a health watch, all at once, until the fuzzers have
   * sent {@code frames} frames.
   */
  private void runFuzzers(
      List<Fixtures.DeviceKey> devices,
      String liveAuth,
      Random seeds,
      int frames,
      int perOperation,
      OpenAPI api,
      Set<Long> victims)
      throws Exception {
    int workers = devices.size() + LIVE_FUZZERS;
    ExecutorService pool = Executors.newFixedThreadPool(workers + 2);
    AtomicBoolean fuzzing = new AtomicBoolean(true);
    try {
      List<Future<?>> fuzzers = new ArrayList<>();
      for (Fixtures.DeviceKey device : devices) {
        long seed = seeds.nextLong();
        fuzzers.add(
            pool.submit(
                () ->
                    fuzz(
                        "devices",
                        Map.of("Authorization", "Bearer " + device.token()),
                        new HostileFrames(new Random(seed), true, DEVICE_MAX_FRAME),
                        frames / workers)));
      }
      for (int i = 0; i < LIVE_FUZZERS; i++) {
        long seed = seeds.nextLong();
        fuzzers.add(
            pool.submit(
                () ->
                    fuzz(
                        "live",
                        Map.of("Authorization", liveAuth),
                        new HostileFrames(new Random(seed), false, LIVE_MAX_FRAME),
                        frames / workers + 1)));
      }
      ApiFuzz apiFuzz =
          new ApiFuzz(admin(), new Random(seeds.nextLong()), tally, victims, Set.of("nowhere"));
      Future<?> apiRun = pool.submit(() -> apiFuzz.run(api, perOperation, () -> true));
      Future<?> health = pool.submit(() -> watchHealth(fuzzing));
      for (Future<?> fuzzer : fuzzers) {
        fuzzer.get(30, TimeUnit.MINUTES);
      }
      apiRun.get(30, TimeUnit.MINUTES);
      fuzzing.set(false);
      health.get(1, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
  }

  private void watchHealth(AtomicBoolean fuzzing) {
    Api anonymous = Api.at(base);
    while (fuzzing.get()) {
      int status = anonymous.get("/health/live").statusCode();
      tally.count("health checks " + status);
      if (status != 200) {
        tally.finding("/health/live answered " + status + " during the run");
      }
      sleep(1000);
    }
  }

  /** Sends {@code budget} frames of hostile shots on one channel, reconnecting after each close. */
  private void fuzz(String channel, Map<String, String> headers, HostileFrames frames, int budget) {
    URI uri = WsClient.ws(base, "/ws/" + channel);
    RawWebSocket socket = connect(channel, uri, headers);
    long start = System.nanoTime();
    int sent = 0;
    try {
      while (sent < budget) {
        HostileFrames.Shot shot = frames.next();
        socket.sendBytes(shot.bytes());
        sent += shot.frames();
        tally.count("frames sent", shot.frames());
        tally.count(channel + " shots " + shot.kind());
        boolean ended;
        if (shot.mustClose()) {
          int code = awaitEnd(channel, socket, shot);
          if (shot.closeCode() == 1009 && code != 1009) {
            if (shot.bytes().length > FrameLimits.CONTAINER_FRAME_BUFFER && code == 1011) {
              // Known: past the container's frame buffer Tyrus closes with 1011 (docs/security.md)
              tally.count(channel + " " + shot.kind() + " past the container buffer closed 1011");
            } else if (code == -1) {
              // Closed, but the close frame was lost: the server closes the connection while
              // this client is still writing the rest of the message, and the peer's reset
              // discards what the client had not read yet (the 1009 among it). TCP, not AV Gym.
              tally.count(channel + " " + shot.kind() + " closed, close frame lost to a reset");
            } else {
              tally.finding(channel + ": " + shot.kind() + " closed with " + code + ", not 1009");
            }
          }
          ended = code != 0;
        } else {
          ended = drain(channel, socket, Duration.ZERO);
        }
        if (ended || socket.writeFailed()) {
          socket.close();
          socket = connect(channel, uri, headers);
        }
        long due = start + sent * 1_000_000_000L / FUZZER_RATE;
        long ahead = due - System.nanoTime();
        if (ahead > 0) {
          sleep(ahead / 1_000_000);
        }
      }
      drain(channel, socket, Duration.ofSeconds(1));
    } finally {
      socket.close();
    }
  }

  /** A session for a fuzzer; now and then first an attempt with a hostile token, refused. */
  private RawWebSocket connect(String channel, URI uri, Map<String, String> headers) {
    if (channel.equals("devices") && Math.floorMod(System.nanoTime(), 10) == 0) {
      String token =
          URLEncoder.encode(
              "avd_\r\n\u0000" + Instant.now() + "\uD83D\uDE00", StandardCharsets.UTF_8);
      try (RawWebSocket refused =
          RawWebSocket.open(URI.create(uri + "?token=" + token), Map.of())) {
        if (refused.upgraded()) {
          int code = refused.awaitClose(WAIT);
          tally.count("devices hostile-token sessions closed " + code);
        } else {
          tally.count("devices hostile-token upgrades refused " + refused.status().split(" ")[1]);
        }
      }
    }
    for (int attempt = 0; ; attempt++) {
      RawWebSocket socket = RawWebSocket.open(uri, headers);
      if (socket.upgraded()) {
        if (channel.equals("devices")) {
          String welcome = socket.nextText(WAIT);
          if (welcome == null || !welcome.contains("\"welcome\"")) {
            tally.finding("devices: no welcome after a reconnect: " + welcome);
          }
        }
        tally.count(channel + " sessions opened");
        return socket;
      }
      socket.close();
      tally.count(channel + " upgrades refused " + socket.status());
      if (attempt > 20) {
        throw new AssertionError(channel + ": cannot reconnect: " + socket.status());
      }
      sleep(200);
    }
  }

  /** Reads what the server sent; true when it closed the session. */
  private boolean drain(String channel, RawWebSocket socket, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      RawWebSocket.Frame frame = socket.next(Duration.ofNanos(Math.max(0, left)));
      if (frame == null) {
        return false;
      }
      if (handle(channel, socket, frame)) {
        return true;
      }
    }
  }

  /** Waits until the server ends the session; its close code (-1 for none). */
  private int awaitEnd(String channel, RawWebSocket socket, HostileFrames.Shot shot) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      RawWebSocket.Frame frame = socket.next(Duration.ofMillis(200));
      if (frame != null && handle(channel, socket, frame)) {
        return frame.code();
      }
    }
    // Not closed: acceptable only if the session still answers (the frame was ignored).
    socket.sendText(
        channel.equals("devices")
            ? "{\"type\":\"ping\",\"id\":\"probe\"}"
            : "{\"type\":\"subscribe\",\"topics\":[\"occupancy\"]}");
    String answer = socket.nextText(Duration.ofSeconds(5));
    if (answer == null) {
      tally.finding(channel + ": session hung (neither closed nor answering) after " + shot.kind());
      return -2;
    }
    tally.serverFrame(channel, answer);
    tally.count(channel + " " + shot.kind() + " ignored, session still answers");
    return 0;
  }

  /** Counts one frame from the server and answers pings; true for a close. */
  private boolean handle(String channel, RawWebSocket socket, RawWebSocket.Frame frame) {
    switch (frame.opcode()) {
      case RawWebSocket.TEXT -> tally.serverFrame(channel, frame.text());
      case RawWebSocket.PING -> socket.send(true, RawWebSocket.PONG, frame.payload());
      case RawWebSocket.CLOSE -> {
        tally.count(channel + " closes " + frame.code());
        if (frame.payload().length > 2) {
          tally.leak(channel + " close reason", frame.text().substring(2));
        }
        return true;
      }
      default -> tally.count(channel + " frames of opcode " + frame.opcode());
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The well-behaved device: valid check-ins at a steady few per second, every one answered. */
  private final class GoodDevice {
    final AtomicLong sent = new AtomicLong();
    private final WsClient socket;
    private final String card;
    private final Set<String> ids = new LinkedHashSet<>();
    private volatile boolean stopped;

    GoodDevice(String token, String card) {
      this.socket = WsClient.device(base, token, WAIT);
      this.card = card;
    }

    void run() {
      while (!stopped) {
        String id = "good-" + sent.get();
        synchronized (ids) {
          ids.add(id);
        }
        socket.send(
            "{\"type\":\"checkin\",\"id\":\""
                + id
                + "\",\"credential\":\""
                + card
                + "\",\"direction\":\""
                + (sent.get() % 2 == 0 ? "in" : "out")
                + "\"}");
        sent.incrementAndGet();
        sleep(GOOD_PERIOD.toMillis());
      }
    }

    void stop() {
      stopped = true;
    }

    /** The check-in ids of every answer, in order; a finding for anything else that came. */
    List<Long> awaitAnswers() {
      List<Long> checkins = new ArrayList<>();
      Set<String> waiting;
      synchronized (ids) {
        waiting = new LinkedHashSet<>(ids);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!waiting.isEmpty() && System.nanoTime() < deadline) {
        String text = socket.poll(Duration.ofSeconds(1));
        if (text == null) {
          continue;
        }
        JsonObject frame = json(text);
        if (!"checkin.result".equals(frame.getString("type", ""))) {
          tally.finding("good device got " + text);
          continue;
        }
        if (waiting.remove(frame.getString("id"))) {
          checkins.add(frame.getJsonNumber("checkinId").longValue());
        }
      }
      if (!waiting.isEmpty()) {
        tally.finding("good device: no answer to " + waiting.size() + " check-ins: " + waiting);
      }
      return checkins;
    }

    void close() {
      socket.close();
    }
  }

  /** The live subscriber: sees every check-in event, seq growing by exactly one. */
  private final class GoodSubscriber {
    private final WsClient socket;
    long firstSeq = -1;
    long lastSeq;
    long events;

    GoodSubscriber() {
      socket =
          WsClient.connect(
              WsClient.ws(base, "/ws/live"),
              Map.of("Authorization", Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD)));
      socket.send("{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}");
      lastSeq =
          socket
              .nextOfType("subscribed", WAIT)
              .getJsonObject("seq")
              .getJsonNumber("checkins")
              .longValue();
    }

    void awaitCheckins(List<Long> expected) {
      Set<Long> missing = new HashSet<>(expected);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        String text = socket.poll(Duration.ofSeconds(1));
        if (text == null) {
          continue;
        }
        JsonObject frame = json(text);
        List<JsonObject> batch =
            "batch".equals(frame.getString("type", ""))
                ? frame.getJsonArray("events").getValuesAs(JsonObject.class)
                : List.of(frame);
        for (JsonObject event : batch) {
          if (!"event".equals(event.getString("type", ""))) {
            tally.finding("live subscriber got " + text);
            continue;
          }
          long seq = event.getJsonNumber("seq").longValue();
          if (seq != lastSeq + 1) {
            tally.finding("live subscriber: seq " + seq + " after " + lastSeq);
          }
          if (firstSeq < 0) {
            firstSeq = seq;
          }
          lastSeq = seq;
          events++;
          missing.remove(event.getJsonObject("data").getJsonNumber("checkinId").longValue());
        }
      }
      if (!missing.isEmpty()) {
        tally.finding("live subscriber: " + missing.size() + " good check-ins never came");
      }
      if (socket.isClosed()) {
        tally.finding("live subscriber was closed: " + socket.awaitClose(WAIT));
      }
    }

    void close() {
      socket.close();
    }
  }

  private static JsonObject json(String text) {
    return jakarta.json.Json.createReader(new java.io.StringReader(text)).readObject();
  }
}
