package org.avgym.soak;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.PayaraInstance;
import org.avgym.it.Prometheus;
import org.avgym.it.Receivers;
import org.avgym.it.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Hours under load (issue 20): one instance on PostgreSQL, in cycles of a minute that open device
 * sessions sending check-ins and live subscribers on {@code checkins}, then close them all; a pool
 * carries every check-in to three endpoints on loopback. Each minute it samples the server process
 * after a full GC, the pool's outbox and the answer times, into target/soak.csv and
 * target/soak.svg. The normal suite runs two minutes at a low rate; {@code ./mvnw -Psoak} runs an
 * hour (docs/benchmarks.md, "Soak").
 */
class SoakIT {

  static final int MINUTES = Integer.getInteger("avgym.soak.minutes", 60);
  static final boolean SHORT = MINUTES <= 5;
  static final int RATE = Integer.getInteger("avgym.soak.rate", SHORT ? 20 : 100);
  static final int DEVICES = Integer.getInteger("avgym.soak.devices", SHORT ? 10 : 40);
  static final int SUBSCRIBERS = Integer.getInteger("avgym.soak.subscribers", SHORT ? 10 : 50);
  static final Duration CYCLE =
      Duration.ofSeconds(Integer.getInteger("avgym.soak.cycle-seconds", 60));
  static final double FLAT =
      Double.parseDouble(System.getProperty("avgym.soak.flat-tolerance", "0.10"));
  static final int LOCATIONS = 5;
  static final int CARDS_PER_DEVICE = 4;

  /** The pool's view is read this long before a cycle ends, while the load still runs. */
  static final Duration POOL_SAMPLE_LEAD = Duration.ofSeconds(2);

  static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

  final Path out = Path.of(System.getProperty("avgym.buildDir", "target"));
  final List<SoakSample> samples = new ArrayList<>();

  @Test
  void hoursOfDoorsAndDashboardsLeaveNothingBehind() throws Exception {
    assumeTrue(TestDatabase.postgresUrl().isPresent(), "the soak runs on PostgreSQL");
    List<PayaraInstance> nodes = PayaraInstance.grid(1);
    PayaraInstance server = nodes.get(0);
    String pool = Fixtures.unique("soak");
    try (Receivers receivers = Receivers.start();
        PayaraInstance closing = server) {
      server
          .start(
              "avgym-soak-" + UUID.randomUUID(),
              PayaraInstance.members(nodes),
              withDemo(TestDatabase.configured()))
          .awaitReady(Duration.ofMinutes(5));
      Api admin = Api.at(server.base()).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      try {
        soak(server, admin, receivers, pool);
      } finally {
        admin.delete("/api/pools/" + pool);
        Files.writeString(out.resolve("soak-server.log"), server.tail(5000));
      }
    }
  }

  /** What the soak's own reads of the pool's view got instead of 200, for the report. */
  private final List<String> viewFailures = new ArrayList<>();

  /**
   * The pool's view, asked again (up to 5 times, a second apart) when the answer is not 200: a
   * monitoring read that fails is reported, it does not end an hour's run.
   */
  private JsonObject poolView(Api admin, String pool, String when) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> answer = admin.get("/api/pools/" + pool);
      if (answer.statusCode() == 200) {
        return Api.json(answer);
      }
      String body = answer.body() == null ? "" : answer.body();
      viewFailures.add(
          when
              + ": pool view answered "
              + answer.statusCode()
              + " "
              + body.substring(0, Math.min(200, body.length())));
      if (attempt == 5) {
        throw new AssertionError("the pool's view failed 5 times " + when + ": " + viewFailures);
      }
      Thread.sleep(1000);
    }
  }

  private void soak(PayaraInstance server, Api admin, Receivers receivers, String pool)
      throws Exception {
    URL base = server.base();
    Fixtures fx = new Fixtures(admin);
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < LOCATIONS; i++) {
      locations.add(fx.location(1_000_000));
    }
    long plan = fx.plan("*", locations.toArray(String[]::new));
    SoakTally tally = new SoakTally();
    long periodNanos = 1_000_000_000L * DEVICES / RATE;
    List<SoakDevice> devices = new ArrayList<>();
    for (int i = 0; i < DEVICES; i++) {
      Fixtures.DeviceKey key = fx.device(locations.get(i % LOCATIONS));
      List<String> cards = new ArrayList<>();
      for (int c = 0; c < CARDS_PER_DEVICE; c++) {
        long member = fx.member("Soak " + i + "-" + c);
        fx.membership(member, plan, java.time.Instant.now().minusSeconds(3600));
        cards.add(fx.credential(member));
      }
      devices.add(
          new SoakDevice(
              base, key.code(), key.token(), cards, periodNanos, periodNanos * i / DEVICES, tally));
    }
    List<SoakSubscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < SUBSCRIBERS; i++) {
      subscribers.add(new SoakSubscriber(base, i, tally));
    }
    HttpResponse<String> made = admin.post("/api/pools", receivers.poolOfThree(pool, "checkins"));
    assertEquals(201, made.statusCode(), made.body());

    ServerProcess process = new ServerProcess(server.pid(), admin.anonymous());
    Path csv = out.resolve("soak.csv");
    Files.writeString(csv, SoakSample.HEADER + "\n");
    String caption =
        String.format(
            Locale.ROOT,
            "AV Gym soak: %d min, %d devices at %d check-ins/s, %d subscribers, pool to 3"
                + " endpoints",
            MINUTES,
            DEVICES,
            RATE,
            SUBSCRIBERS);
    System.out.println(caption);
    System.out.print(SoakSample.table(List.of()));
    ExecutorService clients = Executors.newFixedThreadPool(DEVICES + SUBSCRIBERS);
    try {
      for (int minute = 1; minute <= MINUTES; minute++) {
        long started = System.nanoTime();
        long end = started + CYCLE.toNanos();
        List<Future<Void>> cycle = new ArrayList<>();
        subscribers.forEach(s -> cycle.add(clients.submit(() -> s.cycle(end))));
        devices.forEach(d -> cycle.add(clients.submit(() -> d.cycle(end))));
        Thread.sleep(
            Math.max(0, (end - System.nanoTime()) / 1_000_000 - POOL_SAMPLE_LEAD.toMillis()));
        JsonObject view = poolView(admin, pool, "minute " + minute);
        for (Future<Void> client : cycle) {
          client.get(); // a client that failed outright fails the soak with its exception
        }
        SoakTally.Minute counted = tally.takeMinute();
        long closed = System.nanoTime();
        ServerProcess.Figures figures = process.sample();
        long sampled = System.nanoTime();
        SoakSample sample =
            new SoakSample(
                minute,
                figures.heapMb(),
                figures.threads(),
                figures.openFiles(),
                figures.rssMb(),
                view.getInt("outboxDepth"),
                view.getJsonNumber("outboxOldestSeconds").doubleValue(),
                counted.percentiles().p50(),
                counted.percentiles().p95(),
                counted.percentiles().p99(),
                counted.sent(),
                counted.answered());
        samples.add(sample);
        Files.writeString(csv, sample.csv() + "\n", StandardOpenOption.APPEND);
        Files.writeString(out.resolve("soak.svg"), SoakChart.svg(samples, caption));
        System.out.print(
            SoakSample.table(List.of(sample)).lines().skip(1).findFirst().orElse("") + "\n");
        // Where a cycle's wall time goes: a "minute" longer than the cycle delays the hour.
        System.out.printf(
            Locale.ROOT,
            "        (cycle %.1f s: load and closing %.1f s, GC and sample %.1f s)%n",
            (sampled - started) / 1e9,
            (closed - started) / 1e9,
            (sampled - closed) / 1e9);
      }
    } finally {
      clients.shutdownNow();
      clients.awaitTermination(30, TimeUnit.SECONDS);
    }

    long rows = countRows(locations);
    Set<String> delivered = awaitDeliveries(pool, rows);
    JsonObject view = poolView(admin, pool, "at the end");
    Prometheus metrics = Prometheus.parse(metricsText(admin.anonymous()));
    double overflowMetric = metrics.value("avgym_pool_outbox_overflow_total", "pool", pool);
    Map<String, Double> demoOverflow = othersOverflow(metrics, pool);
    List<Flatness> flatness =
        List.of(
            flatness("heap after GC (MB)", SoakSample::heapMb),
            flatness("threads", s -> s.threads()),
            flatness("open files", s -> s.openFiles()));

    StringBuilder report = new StringBuilder(caption).append('\n');
    report.append(SoakSample.table(samples));
    report.append(
        String.format(
            Locale.ROOT,
            "check-ins sent %d, answered %d, unanswered %d, answered with an error %d%n"
                + "device sessions opened %d, live sessions opened %d, closes the test did not"
                + " ask for %d, closes the server did not answer %d%n"
                + "live events seen %d, seq gaps %d%n"
                + "pool %s: check-in rows %d, distinct ids at the receivers %d, overflow %d (view)"
                + " / %.0f (metric), redeliveries %d, timeouts %d%n"
                + "demo pools' overflow %s%n"
                + "reads of the pool's view not answered 200 (each retried) %d%n"
                + "server-side disconnects by reason: devices %s, live %s%n",
            tally.totalSent.get(),
            tally.totalAnswered.get(),
            tally.unanswered.size(),
            tally.errors.size(),
            tally.deviceSessions.get(),
            tally.liveSessions.get(),
            tally.unexpectedCloses.size(),
            tally.closesNotAnswered.size(),
            tally.events.get(),
            tally.gaps.get(),
            pool,
            rows,
            delivered.size(),
            view.getJsonNumber("overflow").longValue(),
            overflowMetric,
            view.getJsonNumber("redeliveries").longValue(),
            view.getJsonNumber("timeouts").longValue(),
            demoOverflow,
            viewFailures.size(),
            byReason(metrics, "avgym_device_disconnects_total"),
            byReason(metrics, "avgym_live_disconnects_total")));
    flatness.forEach(f -> report.append(f.verdict()).append('\n'));
    tally.unexpectedCloses.stream()
        .limit(20)
        .forEach(c -> report.append("  ").append(c).append('\n'));
    tally.subscribeFailures.stream()
        .limit(20)
        .forEach(c -> report.append("  ").append(c).append('\n'));
    tally.closesNotAnswered.stream()
        .limit(20)
        .forEach(c -> report.append("  ").append(c).append('\n'));
    tally.unanswered.stream().limit(20).forEach(c -> report.append("  ").append(c).append('\n'));
    tally.errors.stream().limit(20).forEach(c -> report.append("  ").append(c).append('\n'));
    viewFailures.stream().limit(20).forEach(c -> report.append("  ").append(c).append('\n'));
    System.out.print(report);
    Files.writeString(out.resolve("soak.txt"), report);

    assertAll(
        () ->
            assertEquals(
                List.of(),
                List.copyOf(tally.unexpectedCloses),
                "device or live sessions closed by the server"),
        () ->
            assertEquals(
                List.of(),
                List.copyOf(tally.closesNotAnswered),
                "closes (1000) the server did not answer within 10 s"),
        () ->
            assertEquals(
                List.of(),
                List.copyOf(tally.subscribeFailures),
                "subscriptions not confirmed within 10 s"),
        () -> assertTrue(tally.totalSent.get() > 0, "no check-in sent"),
        () ->
            assertEquals(
                tally.totalSent.get(), tally.totalAnswered.get(), "check-ins not answered"),
        () ->
            assertEquals(List.of(), List.copyOf(tally.errors), "check-ins answered with an error"),
        () -> assertTrue(tally.events.get() > 0, "no live event seen"),
        () -> assertEquals(0, tally.gaps.get(), "gaps in seq seen by subscribers"),
        () -> assertEquals(0, view.getJsonNumber("overflow").longValue(), "pool overflow (view)"),
        () -> assertEquals(0.0, overflowMetric, "avgym_pool_outbox_overflow_total"),
        () -> assertFalse(demoOverflow.isEmpty(), "the demo's pools are not running"),
        () ->
            assertTrue(
                demoOverflow.values().stream().allMatch(v -> v == 0.0),
                "the demo's pools refused deliveries: " + demoOverflow),
        () -> assertTrue(rows >= tally.totalAnswered.get(), "fewer rows than answers: " + rows),
        () ->
            assertTrue(
                delivered.size() >= rows,
                "check-in rows not delivered: " + (rows - delivered.size()) + " of " + rows),
        () ->
            assertTrue(
                flatness.stream().allMatch(Flatness::flat),
                "not flat: "
                    + flatness.stream().filter(f -> !f.flat()).map(Flatness::verdict).toList()));
  }

  /**
   * The demo on, as the README's run command has it: its chain, its traffic and its two pools
   * delivering to the simulated gateway, on top of the soak's own load.
   */
  private static Map<String, String> withDemo(Map<String, String> settings) {
    Map<String, String> all = new java.util.LinkedHashMap<>(settings);
    all.put("avgym.demo.enabled", "true");
    // Its one-time past is not what an hour of load measures.
    all.put("avgym.demo.history-days", "0");
    all.put("avgym.demo.traffic.url", "auto");
    return all;
  }

  /** Deliveries each pool other than the soak's refused, by pool. */
  private static Map<String, Double> othersOverflow(Prometheus metrics, String pool) {
    Map<String, Double> overflow = new TreeMap<>();
    metrics.samples("avgym_pool_outbox_overflow_total").stream()
        .filter(s -> !pool.equals(s.labels().get("pool")))
        .forEach(s -> overflow.merge(s.labels().getOrDefault("pool", "?"), s.value(), Double::sum));
    return overflow;
  }

  private Flatness flatness(String series, ToDoubleFunction<SoakSample> value) {
    return Flatness.of(series, samples.stream().map(s -> value.applyAsDouble(s)).toList(), FLAT);
  }

  /** Waits until the receivers together hold an id per check-in row; the ids they hold. */
  private static Set<String> awaitDeliveries(String pool, long rows) throws InterruptedException {
    long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
    while (true) {
      Set<String> ids = Receivers.idsOfThree(pool, "checkins");
      if (ids.size() >= rows || System.nanoTime() > deadline) {
        return ids;
      }
      Thread.sleep(200);
    }
  }

  private static String metricsText(Api anonymous) {
    return anonymous
        .send(anonymous.request("/metrics").setHeader("Accept", "text/plain").GET().build())
        .body();
  }

  private static Map<String, Double> byReason(Prometheus metrics, String family) {
    Map<String, Double> counts = new TreeMap<>();
    metrics
        .samples(family)
        .forEach(s -> counts.merge(s.labels().getOrDefault("reason", "?"), s.value(), Double::sum));
    return counts;
  }

  private static long countRows(List<String> locations) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                TestDatabase.postgresUrl().orElseThrow(),
                System.getProperty("avgym.test.db.user", "avgym"),
                System.getProperty("avgym.test.db.password", "avgym"));
        PreparedStatement select =
            db.prepareStatement(
                "SELECT COUNT(*) FROM checkin c JOIN location l ON l.id = c.location_id"
                    + " WHERE l.code = ANY (?)")) {
      select.setArray(1, db.createArrayOf("varchar", locations.toArray()));
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
