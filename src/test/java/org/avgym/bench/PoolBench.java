package org.avgym.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.avgym.it.GatewayCounts;

/**
 * The connection-pool benchmark of docs/benchmarks.md, against a running server on loopback (demo
 * off, so only its own pools exist) and its built-in simulated gateway. Four parts, each printed
 * and appended to target/bench/pool-results.txt:
 *
 * <ol>
 *   <li>throughput of one pool of 8 connections, fed through the test-events API;
 *   <li>the share of deliveries each endpoint gets under each strategy when one of three endpoints
 *       is 50 ms slower;
 *   <li>failover: an endpoint killed (sessions closed, handshakes refused) and another hung (socket
 *       open, acks stopped) under steady traffic: time to the first redelivery acked elsewhere,
 *       time until the endpoint is out of rotation, deliveries lost and duplicated;
 *   <li>CPU of health-checking 1,000 pooled connections every 2 s, from the server's /proc CPU time
 *       (so the simulated peer's answers to the pings are counted too).
 * </ol>
 *
 * <pre>
 * ./mvnw -q -o -Pbench -Dbench.main=org.avgym.bench.PoolBench \
 *   -Dexec.args="--server-pid 12345 [--url http://127.0.0.1:8181] [--parts throughput,shares,failover,cpu]"
 * </pre>
 */
public final class PoolBench {

  private static final Duration DRAIN = Duration.ofSeconds(60);

  private final Map<String, String> options;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String auth;
  private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
  private final StringBuilder report = new StringBuilder();

  private PoolBench(Map<String, String> options) {
    this.options = options;
    this.base = URI.create(options.getOrDefault("url", "http://127.0.0.1:8181"));
    if (!Set.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only talks to loopback, not " + base);
    }
    String user = options.getOrDefault("user", "admin");
    String password = options.getOrDefault("password", "admin-secret-1");
    auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("arguments are --name value pairs: " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    PoolBench bench = new PoolBench(options);
    try {
      bench.runAll(String.join(" ", args));
    } finally {
      bench.save();
    }
    System.exit(0);
  }

  private void runAll(String command) throws Exception {
    line(
        "# pool benchmark "
            + Instant.now()
            + ", run "
            + run
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, command: "
            + command);
    List<String> parts =
        List.of(options.getOrDefault("parts", "throughput,shares,failover,cpu").split(","));
    if (parts.contains("throughput")) {
      throughput();
    }
    if (parts.contains("shares")) {
      for (String strategy : List.of("round-robin", "least-connections", "health-weighted")) {
        shares(strategy);
      }
    }
    if (parts.contains("failover")) {
      failover("down", "{\"down\":true}");
      failover("hung", "{\"dropRate\":1.0}");
    }
    if (parts.contains("cpu")) {
      cpu(Integer.parseInt(options.getOrDefault("connections", "1000")));
    }
  }

  // ---------------------------------------------------------------- parts

  private void throughput() throws Exception {
    String pool = "bench-tp-" + run;
    List<String> endpoints = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      endpoints.add(gateway(pool + "-" + i));
    }
    create(pool, "round-robin", 2000, 20_000, endpoints);
    int total = Integer.parseInt(options.getOrDefault("deliveries", "50000"));
    long cpuBefore = cpuTicks();
    long start = System.nanoTime();
    int sent = 0;
    while (sent < total) {
      if (view(pool).getInt("outboxDepth") > 10_000) {
        Thread.sleep(20);
        continue;
      }
      int batch = Math.min(5_000, total - sent);
      sent += testEvents(pool, batch);
    }
    JsonObject done = drain(pool, total);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = cpuShare(cpuBefore, seconds);
    line(
        String.format(
            "throughput, 8 connections, round-robin: %,d deliveries acked in %.1f s = %,.0f/s;"
                + " redeliveries %d, lost %d, duplicates %d; server CPU %.0f %% of one core",
            done.getJsonNumber("acked").longValue(),
            seconds,
            done.getJsonNumber("acked").longValue() / seconds,
            done.getJsonNumber("redeliveries").longValue(),
            total - done.getJsonNumber("acked").longValue(),
            received(pool).duplicates(),
            cpu));
    destroy(pool);
  }

  private void shares(String strategy) throws Exception {
    String pool = "bench-sh-" + strategy.substring(0, 2) + "-" + run;
    create(
        pool,
        strategy,
        2000,
        10_000,
        List.of(
            gateway(pool + "-a"), gateway(pool + "-b"), gateway(pool + "-slow") + "&latencyMs=50"));
    Thread.sleep(5_000); // a few health checks measure every endpoint first
    int rate = Integer.parseInt(options.getOrDefault("share-rate", "100"));
    int seconds = Integer.parseInt(options.getOrDefault("share-seconds", "20"));
    int total = steady(pool, rate, seconds);
    JsonObject done = drain(pool, total);
    Map<String, Long> acked = new LinkedHashMap<>();
    JsonObject stats = simulator();
    for (String suffix : List.of("-a", "-b", "-slow")) {
      JsonObject s = stats.getJsonObject(pool + suffix);
      acked.put(suffix.substring(1), s == null ? 0 : s.getJsonNumber("acked").longValue());
    }
    long sum = acked.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder shares = new StringBuilder();
    acked.forEach(
        (endpoint, n) ->
            shares.append(String.format(" %s %.1f %%", endpoint, 100.0 * n / Math.max(1, sum))));
    line(
        String.format(
            "shares, %s, %d/s for %d s, one of three endpoints 50 ms slower:%s;"
                + " ack round trip mean %.1f ms; timeouts %d, redeliveries %d, lost %d",
            strategy,
            rate,
            seconds,
            shares,
            meanAckMillis(pool),
            done.getJsonNumber("timeouts").longValue(),
            done.getJsonNumber("redeliveries").longValue(),
            total - done.getJsonNumber("acked").longValue()));
    destroy(pool);
  }

  private void failover(String mode, String fault) throws Exception {
    String pool = "bench-fo-" + mode + "-" + run;
    long interval = 2000;
    create(
        pool,
        "round-robin",
        interval,
        10_000,
        List.of(
            gateway(pool + "-a") + "&latencyMs=10",
            gateway(pool + "-b") + "&latencyMs=10",
            gateway(pool + "-c") + "&latencyMs=10"));
    Thread.sleep(3_000);
    // A simulated endpoint answers one frame at a time: 10 ms each is 100/s, so 100/s over three
    // (then two) leaves headroom; beyond an endpoint's capacity, timeouts and redeliveries pile up.
    int rate = 100;
    int total = steady(pool, rate, 3);
    long killed = System.nanoTime();
    put("/api/pools/_simulator/" + pool + "-b", fault);
    Thread sender =
        new Thread(
            () -> {
              try {
                steady(pool, rate, 5);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    sender.start();
    long outOfRotationMs = -1;
    long firstFailoverMs = -1;
    while (System.nanoTime() - killed < Duration.ofSeconds(5).toNanos()
        && (outOfRotationMs < 0 || firstFailoverMs < 0)) {
      JsonObject view = view(pool);
      long elapsed = (System.nanoTime() - killed) / 1_000_000;
      String state = connectionState(view, pool + "-b");
      if (outOfRotationMs < 0 && !state.equals("healthy") && !state.equals("degraded")) {
        outOfRotationMs = elapsed;
      }
      if (firstFailoverMs < 0 && view.getJsonNumber("failovers").longValue() > 0) {
        firstFailoverMs = elapsed;
      }
      Thread.sleep(5);
    }
    sender.join();
    total += rate * 5;
    JsonObject done = drain(pool, total);
    GatewayCounts received = received(pool);
    line(
        String.format(
            "failover (%s: %s), round-robin, 3 endpoints answering in 10 ms, health interval %d"
                + " ms, %d/s: out of rotation %d ms after the fault, first redelivery acked"
                + " elsewhere after %d ms (polled every 5 ms); %d deliveries failed over, the"
                + " slowest acked %.0f ms after its first send (limit: one interval, %d ms);"
                + " lost %d of %,d, duplicates at the receivers %d",
            mode,
            fault,
            interval,
            rate,
            outOfRotationMs,
            firstFailoverMs,
            done.getJsonNumber("failovers").longValue(),
            done.getJsonNumber("maxFailoverMs").doubleValue(),
            interval,
            total - done.getJsonNumber("acked").longValue(),
            total,
            received.duplicates()));
    delete("/api/pools/_simulator/" + pool + "-b");
    destroy(pool);
  }

  private void cpu(int connections) throws Exception {
    int seconds = Integer.parseInt(options.getOrDefault("cpu-seconds", "60"));
    Thread.sleep(5_000);
    long before = cpuTicks();
    Thread.sleep(seconds * 1000L);
    double idle = cpuShare(before, seconds);
    String pool = "bench-cpu-" + run;
    List<String> endpoints = new ArrayList<>();
    // With --gateway, the simulated peers run in another server, so the CPU measured here is the
    // checking side's alone.
    URI peers = URI.create(options.getOrDefault("gateway", base.toString()));
    if (!Set.of("127.0.0.1", "localhost", "[::1]").contains(peers.getHost())) {
      throw new IllegalArgumentException("the benchmark only talks to loopback, not " + peers);
    }
    for (int i = 0; i < connections; i++) {
      endpoints.add(gateway(peers, pool) + "&i=" + i);
    }
    long openStart = System.nanoTime();
    long interval = Long.parseLong(options.getOrDefault("cpu-interval", "2000"));
    create(pool, "health-weighted", interval, 10_000, endpoints, connections);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonObject view = view(pool);
    while (view.getJsonObject("states").getInt("healthy")
                + view.getJsonObject("states").getInt("degraded")
            < connections
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      view = view(pool);
    }
    double openSeconds = (System.nanoTime() - openStart) / 1e9;
    Thread.sleep(10_000);
    before = cpuTicks();
    Thread.sleep(seconds * 1000L);
    double checked = cpuShare(before, seconds);
    view = view(pool);
    line(
        String.format(
            "cpu, %,d connections health-checked every %d ms, peers %s (%d healthy or degraded,"
                + " opened in %.1f s): server CPU %.2f %% of one core against %.2f %% idle, so"
                + " %.2f %% of one core for the checks over %d s",
            connections,
            interval,
            peers.equals(base) ? "in the same server" : "in another server",
            view.getJsonObject("states").getInt("healthy")
                + view.getJsonObject("states").getInt("degraded"),
            openSeconds,
            checked,
            idle,
            checked - idle,
            seconds));
    destroy(pool);
  }

  // ---------------------------------------------------------------- traffic

  /** Sends {@code rate} test events per second for {@code seconds}, in 10 batches a second. */
  private int steady(String pool, int rate, int seconds) throws Exception {
    int perTick = Math.max(1, rate / 10);
    long next = System.nanoTime();
    int sent = 0;
    for (int tick = 0; tick < seconds * 10; tick++) {
      sent += testEvents(pool, perTick);
      next += 100_000_000L;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    return sent;
  }

  private JsonObject drain(String pool, long total) throws Exception {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    JsonObject view = view(pool);
    while ((view.getInt("outboxDepth") > 0 || view.getJsonNumber("enqueued").longValue() < total)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
      view = view(pool);
    }
    return view;
  }

  // ---------------------------------------------------------------- server calls

  private String gateway(String name) {
    return gateway(base, name);
  }

  private static String gateway(URI server, String name) {
    return "ws://" + server.getHost() + ":" + server.getPort() + "/ws/sim/gateway?name=" + name;
  }

  private void create(
      String pool, String strategy, long intervalMs, int outbox, List<String> endpoints)
      throws Exception {
    create(pool, strategy, intervalMs, outbox, endpoints, Math.max(8, endpoints.size()));
  }

  private void create(
      String pool,
      String strategy,
      long intervalMs,
      int outbox,
      List<String> endpoints,
      int maxConnections)
      throws Exception {
    StringBuilder list = new StringBuilder();
    for (String url : endpoints) {
      list.append(list.length() == 0 ? "" : ",").append("{\"url\":\"").append(url).append("\"}");
    }
    HttpResponse<String> created =
        send(
            "POST",
            "/api/pools",
            "{\"name\":\""
                + pool
                + "\",\"topics\":[\"alerts\"],\"strategy\":\""
                + strategy
                + "\",\"maxConnections\":"
                + maxConnections
                + ",\"healthCheckIntervalMs\":"
                + intervalMs
                + ",\"outboxLimit\":"
                + outbox
                + ",\"endpoints\":["
                + list
                + "]}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("could not create " + pool + ": " + created.body());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (view(pool).getJsonObject("states").getInt("connecting") > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private void destroy(String pool) throws Exception {
    send("DELETE", "/api/pools/" + pool, null);
  }

  private int testEvents(String pool, int count) throws Exception {
    HttpResponse<String> response =
        send("POST", "/api/pools/" + pool + "/test-events", "{\"count\":" + count + "}");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("test events refused: " + response.body());
    }
    return json(response.body()).getInt("accepted");
  }

  private JsonObject view(String pool) throws Exception {
    return json(send("GET", "/api/pools/" + pool, null).body());
  }

  private JsonObject simulator() throws Exception {
    return json(send("GET", "/api/pools/_simulator", null).body());
  }

  private GatewayCounts received(String pool) throws Exception {
    return GatewayCounts.of(simulator(), pool);
  }

  private static String connectionState(JsonObject view, String name) {
    for (JsonObject c : view.getJsonArray("connections").getValuesAs(JsonObject.class)) {
      String url = c.getString("url");
      if (url.endsWith("name=" + name) || url.contains("name=" + name + "&")) {
        return c.getString("state");
      }
    }
    return "missing";
  }

  /** Mean ack round trip of the pool from /metrics (Payara prints _sum in s and _count). */
  private double meanAckMillis(String pool) throws Exception {
    String metrics = send("GET", "/metrics", null).body();
    double sum = 0;
    double count = 0;
    for (String line : metrics.split("\n")) {
      if (line.contains("pool=\"" + pool + "\"")) {
        if (line.startsWith("avgym_pool_ack_round_trip_seconds_sum")) {
          sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        } else if (line.startsWith("avgym_pool_ack_round_trip_seconds_count")) {
          count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return count == 0 ? 0 : sum / count * 1000;
  }

  private void put(String path, String json) throws Exception {
    HttpResponse<String> response = send("PUT", path, json);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + response.body());
    }
  }

  private void delete(String path) throws Exception {
    send("DELETE", path, null);
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", auth);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  // ---------------------------------------------------------------- CPU and output

  /** utime + stime of the server process in clock ticks (100 per second on Linux). */
  private long cpuTicks() throws IOException {
    String pid = options.get("server-pid");
    if (pid == null) {
      return -1;
    }
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** Share of one core the server used since {@code before}, in percent; NaN without a pid. */
  private double cpuShare(long before, double seconds) throws IOException {
    if (before < 0) {
      return Double.NaN;
    }
    return (cpuTicks() - before) / (seconds * 100) * 100;
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }

  private void save() throws IOException {
    Path file = Path.of("target/bench/pool-results.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("appended to " + file.toAbsolutePath());
  }
}
