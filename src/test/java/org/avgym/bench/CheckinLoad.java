package org.avgym.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the device channel (issue 3 item 8), run against a RUNNING server on
 * PostgreSQL over loopback WebSockets. It creates its own locations, members and devices directly
 * in the database (JDBC; the staff API is not on this branch yet), so a run never touches other
 * data and can be told apart by its run id.
 *
 * <pre>
 * ./mvnw -q -o -Pbench exec:java -Dexec.args="--rate 200 --devices 100 --seconds 60"
 * ./mvnw -q -o -Pbench exec:java -Dexec.args="--ramp 400,800,1200,1600 --devices 200 --seconds 20"
 * ./mvnw -q -o -Pbench exec:java -Dexec.args="--idle-sessions 5000 --server-pid 12345"
 * </pre>
 *
 * Options: {@code --url} (default http://127.0.0.1:8181), {@code --jdbc} (default
 * jdbc:postgresql://127.0.0.1:5432/avgym_demo), {@code --db-user}/{@code --db-password} (avgym).
 * Every phase is bounded; the whole run stops after 300 s of load at most.
 */
public final class CheckinLoad {

  private static final Duration HARD_CAP = Duration.ofSeconds(300);
  private static final Duration DRAIN = Duration.ofSeconds(10);
  private static final int MEMBERS_PER_DEVICE = 50;
  private static final int DEVICES_PER_LOCATION = 10;
  private static final double P99_TARGET_MS = 100;
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern HEAP =
      Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.eE+]+)$");

  private final Map<String, String> options;
  private final String run =
      Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36).toLowerCase(Locale.ROOT);
  private final Instant started = Instant.now();
  private final StringBuilder report = new StringBuilder();

  private CheckinLoad(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(args[i].substring(2), flag ? "true" : args[++i]);
    }
    new CheckinLoad(options).run(String.join(" ", args));
    System.exit(0);
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private URI base() {
    URI base = URI.create(option("url", "http://127.0.0.1:8181"));
    if (!Set.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only talks to loopback, not " + base);
    }
    return base;
  }

  private void run(String command) throws Exception {
    line(
        "# check-in benchmark "
            + started
            + ", run "
            + run
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, command: "
            + command);
    if (options.containsKey("idle-sessions")) {
      idle(Integer.parseInt(option("idle-sessions", "5000")));
    } else if (options.containsKey("ramp")) {
      int devices = Integer.parseInt(option("devices", "200"));
      int seconds = Integer.parseInt(option("seconds", "20"));
      List<Device> fleet = setUp(devices);
      int best = 0;
      for (String step : option("ramp", "400,800,1200").split(",")) {
        int rate = Integer.parseInt(step.trim());
        Step result = load(fleet, rate, seconds);
        if (result.p99Ms() > P99_TARGET_MS
            || result.errors() > 0
            || result.throughput() < rate * 0.95) {
          line("ramp: " + rate + "/s not sustained (p99 or throughput or errors); stopping");
          break;
        }
        best = rate;
      }
      line("ramp: highest rate sustained for " + seconds + " s with p99 <= 100 ms: " + best + "/s");
    } else {
      int devices = Integer.parseInt(option("devices", "100"));
      List<Device> fleet = setUp(devices);
      int rate = Integer.parseInt(option("rate", "200"));
      int seconds = Integer.parseInt(option("seconds", "60"));
      int subscribers = Integer.parseInt(option("subscribers", "0"));
      if (subscribers > 0) {
        try (LiveWatch watch =
            new LiveWatch(
                base(),
                option("admin-user", "admin"),
                option("admin-password", "admin-secret-1"),
                subscribers,
                Integer.parseInt(option("stalled", "0")),
                subscribers * rate * seconds + 10_000)) {
          line("live: " + subscribers + " subscribers connected");
          load(fleet, rate, seconds);
          line(watch.report());
        }
      } else {
        load(fleet, rate, seconds);
      }
    }
    save();
  }

  // ---------------------------------------------------------------- set-up in the database

  record Device(String code, String token, List<String> credentials) {}

  private Connection database() throws SQLException {
    return DriverManager.getConnection(
        option("jdbc", "jdbc:postgresql://127.0.0.1:5432/avgym_demo"),
        option("db-user", "avgym"),
        option("db-password", "avgym"));
  }

  /** Locations of ten devices each, one plan, members with cards and memberships, devices. */
  private List<Device> setUp(int deviceCount) throws Exception {
    long t0 = System.nanoTime();
    SecureRandom random = new SecureRandom();
    List<Device> devices = new ArrayList<>();
    try (Connection db = database()) {
      db.setAutoCommit(false);
      Timestamp now = Timestamp.from(Instant.now());
      long plan =
          insert(
              db,
              "insert into membership_plan (name, duration_days, allowed_hours, active, created_at)"
                  + " values (?, 365, '*', true, ?)",
              "Bench " + run,
              now);
      int locations = (deviceCount + DEVICES_PER_LOCATION - 1) / DEVICES_PER_LOCATION;
      List<Long> locationIds = new ArrayList<>();
      for (int l = 0; l < locations; l++) {
        locationIds.add(
            insert(
                db,
                "insert into location (code, name, time_zone, capacity, opening_hours, closed,"
                    + " occupancy, created_at) values (?, ?, 'UTC', 1000000, '*', false, 0, ?)",
                "b" + run + "-" + l,
                "Bench " + run + " " + l,
                now));
      }
      try (PreparedStatement member =
              db.prepareStatement(
                  "insert into member (name, status, created_at) values (?, 'ACTIVE', ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement membership =
              db.prepareStatement(
                  "insert into membership (member_id, plan_id, starts_at, ends_at, status,"
                      + " created_at) values (?, ?, ?, ?, 'ACTIVE', ?)");
          PreparedStatement credential =
              db.prepareStatement(
                  "insert into credential (member_id, kind, credential_value, status, issued_at)"
                      + " values (?, 'CARD', ?, 'ACTIVE', ?)");
          PreparedStatement device =
              db.prepareStatement(
                  "insert into device (code, name, location_id, kind, token_hash, enabled,"
                      + " created_at) values (?, ?, ?, 'TURNSTILE', ?, true, ?)")) {
        for (int d = 0; d < deviceCount; d++) {
          List<String> cards = new ArrayList<>();
          for (int m = 0; m < MEMBERS_PER_DEVICE; m++) {
            member.setString(1, "Bench Member " + d + "-" + m);
            member.setTimestamp(2, now);
            member.addBatch();
            cards.add("BENCH-" + run + "-" + d + "-" + m);
          }
          member.executeBatch();
          try (ResultSet keys = member.getGeneratedKeys()) {
            int m = 0;
            while (keys.next()) {
              long id = keys.getLong(1);
              membership.setLong(1, id);
              membership.setLong(2, plan);
              membership.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
              membership.setTimestamp(4, Timestamp.from(Instant.now().plus(Duration.ofDays(300))));
              membership.setTimestamp(5, now);
              membership.addBatch();
              credential.setLong(1, id);
              credential.setString(2, cards.get(m++));
              credential.setTimestamp(3, now);
              credential.addBatch();
            }
          }
          byte[] secret = new byte[32];
          random.nextBytes(secret);
          String token = "avd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
          String code = "bench-" + run + "-" + d;
          device.setString(1, code);
          device.setString(2, "Bench device " + d);
          device.setLong(3, locationIds.get(d / DEVICES_PER_LOCATION));
          device.setString(4, sha256(token));
          device.setTimestamp(5, now);
          device.addBatch();
          devices.add(new Device(code, token, cards));
        }
        membership.executeBatch();
        credential.executeBatch();
        device.executeBatch();
      }
      db.commit();
    }
    line(
        String.format(
            Locale.ROOT,
            "set-up: %d devices at %d locations, %d members, in %.1f s (JDBC)",
            deviceCount,
            (deviceCount + DEVICES_PER_LOCATION - 1) / DEVICES_PER_LOCATION,
            deviceCount * MEMBERS_PER_DEVICE,
            (System.nanoTime() - t0) / 1e9));
    return devices;
  }

  private static long insert(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------- sessions

  /** One device session: the sends of one WebSocket must not overlap, so they are chained. */
  final class Session implements WebSocket.Listener {
    final Device device;
    final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    final StringBuilder partial = new StringBuilder();
    volatile WebSocket socket;
    CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
    int sent;
    volatile Measure measure;

    Session(Device device) {
      this.device = device;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.contains("\"type\":\"welcome\"")) {
          welcomed.complete(null);
        } else if (measure != null) {
          measure.answer(device.code(), frame);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      welcomed.completeExceptionally(new IOException("closed " + statusCode + " " + reason));
      if (measure != null) {
        measure.closed.incrementAndGet();
      }
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      welcomed.completeExceptionally(error);
    }

    synchronized boolean send(String frame) {
      if (!lastSend.isDone()) {
        return false;
      }
      lastSend = socket.sendText(frame, true);
      return true;
    }
  }

  private List<Session> open(List<Device> devices, List<HttpClient> clients) throws Exception {
    URI ws = URI.create("ws://" + base().getAuthority() + "/ws/devices");
    List<Session> sessions = new ArrayList<>();
    int batch = 200;
    for (int i = 0; i < devices.size(); i += batch) {
      List<Session> opening = new ArrayList<>();
      for (Device device : devices.subList(i, Math.min(devices.size(), i + batch))) {
        Session session = new Session(device);
        HttpClient client = clients.get(sessions.size() % clients.size());
        session.socket =
            client
                .newWebSocketBuilder()
                .header("Authorization", "Bearer " + device.token())
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(ws, session)
                .get(30, TimeUnit.SECONDS);
        opening.add(session);
        sessions.add(session);
      }
      for (Session session : opening) {
        session.welcomed.get(30, TimeUnit.SECONDS);
      }
    }
    return sessions;
  }

  private static List<HttpClient> clients(int count) {
    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }
    return clients;
  }

  private static void close(List<Session> sessions) {
    for (Session session : sessions) {
      session.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
    }
  }

  // ---------------------------------------------------------------- load

  record Step(int rate, long sent, long acked, double throughput, double p99Ms, long errors) {}

  /** Answers of one step: latency per acknowledged id, errors by code. */
  static final class Measure {
    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    final Set<String> acked = ConcurrentHashMap.newKeySet();
    final long[] latencies;
    final AtomicInteger count = new AtomicInteger();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> decisions = new ConcurrentHashMap<>();
    final AtomicLong closed = new AtomicLong();
    volatile long lastAnswer;

    Measure(int capacity) {
      latencies = new long[capacity];
    }

    void answer(String device, String frame) {
      long now = System.nanoTime();
      Matcher id = ID.matcher(frame);
      String key = id.find() ? device + "/" + id.group(1) : null;
      Long sent = key == null ? null : sentAt.get(key);
      if (frame.contains("\"type\":\"checkin.result\"") && sent != null && acked.add(key)) {
        int slot = count.getAndIncrement();
        if (slot < latencies.length) {
          latencies[slot] = now - sent;
        }
        lastAnswer = now;
        String decision = field(frame, "decision");
        decisions.computeIfAbsent(decision, d -> new AtomicLong()).incrementAndGet();
      } else if (frame.contains("\"type\":\"error\"")) {
        errors.computeIfAbsent(field(frame, "code"), c -> new AtomicLong()).incrementAndGet();
      }
    }

    private static String field(String frame, String name) {
      Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(frame);
      return matcher.find() ? matcher.group(1) : "?";
    }
  }

  private Step load(List<Device> devices, int rate, int seconds) throws Exception {
    int bounded =
        (int)
            Math.min(seconds, HARD_CAP.minus(Duration.between(started, Instant.now())).toSeconds());
    if (bounded <= 0) {
      throw new IllegalStateException("hard cap of " + HARD_CAP.toSeconds() + " s reached");
    }
    List<HttpClient> clients = clients(4);
    List<Session> sessions = open(devices, clients);
    Measure measure = new Measure(rate * bounded + 1000);
    sessions.forEach(s -> s.measure = measure);
    long total = (long) rate * bounded;
    long begin = System.nanoTime();
    long sent = 0;
    long skipped = 0;
    int next = 0;
    while (sent < total) {
      long elapsed = System.nanoTime() - begin;
      long due = Math.min(total, (long) (elapsed / 1e9 * rate));
      if (elapsed > TimeUnit.SECONDS.toNanos(bounded + 5)) {
        break; // the sender fell behind for good; report what was sent
      }
      while (sent < due) {
        Session session = sessions.get(next++ % sessions.size());
        String id = run + "-" + rate + "-" + sent;
        int k = session.sent;
        String card = session.device.credentials().get((k / 2) % MEMBERS_PER_DEVICE);
        String frame =
            "{\"type\":\"checkin\",\"id\":\""
                + id
                + "\",\"credential\":\""
                + card
                + "\",\"direction\":\""
                + (k % 2 == 0 ? "in" : "out")
                + "\",\"method\":\"card\"}";
        String key = session.device.code() + "/" + id;
        measure.sentAt.put(key, System.nanoTime());
        if (session.send(frame)) {
          session.sent++;
          sent++;
        } else {
          measure.sentAt.remove(key);
          skipped++;
          if (skipped % sessions.size() == 0) {
            Thread.onSpinWait();
          }
        }
      }
      Thread.sleep(1);
    }
    long sendNanos = System.nanoTime() - begin;
    long drainUntil = System.nanoTime() + DRAIN.toNanos();
    while (measure.acked.size() < sent && System.nanoTime() < drainUntil) {
      Thread.sleep(50);
    }
    long window = Math.max(measure.lastAnswer - begin, sendNanos);
    close(sessions);
    // Answers still on the wire would change the acknowledged set under the check: let them land.
    Thread.sleep(2000);
    int n = Math.min(measure.count.get(), measure.latencies.length);
    long[] sorted = Arrays.copyOf(measure.latencies, n);
    Arrays.sort(sorted);
    long errors = measure.errors.values().stream().mapToLong(AtomicLong::get).sum();
    double throughput = measure.acked.size() / (window / 1e9);
    Step step =
        new Step(rate, sent, measure.acked.size(), throughput, percentile(sorted, 0.99), errors);
    line(
        String.format(
            Locale.ROOT,
            "load: target %d/s from %d devices for %d s: sent %d, acknowledged %d (%.0f/s),"
                + " latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f, decisions %s, errors %s,"
                + " sessions closed %d",
            rate,
            sessions.size(),
            bounded,
            sent,
            measure.acked.size(),
            throughput,
            percentile(sorted, 0.50),
            percentile(sorted, 0.95),
            percentile(sorted, 0.99),
            n == 0 ? 0 : sorted[n - 1] / 1e6,
            measure.decisions,
            measure.errors,
            measure.closed.get()));
    verify(measure);
    return step;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** Exactly one row per acknowledged request, none for requests that got no answer. */
  private void verify(Measure measure) throws SQLException {
    // Acknowledgements are read before the rows: each acknowledged row was committed before its
    // answer went out, so it must be in a snapshot taken afterwards.
    Set<String> acknowledged = Set.copyOf(measure.acked);
    Map<String, Integer> rows = new HashMap<>();
    try (Connection db = database();
        PreparedStatement query =
            db.prepareStatement(
                "select client_key, request_id from checkin where client_key like ?")) {
      query.setString(1, "device:bench-" + run + "-%");
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          String key =
              result.getString(1).substring("device:".length()) + "/" + result.getString(2);
          if (measure.sentAt.containsKey(key)) {
            rows.merge(key, 1, Integer::sum);
          }
        }
      }
    }
    long missing = acknowledged.stream().filter(k -> !rows.containsKey(k)).count();
    long duplicated = rows.values().stream().filter(c -> c > 1).count();
    Set<String> unacked = new HashSet<>(measure.sentAt.keySet());
    unacked.removeAll(acknowledged);
    long unackedRecorded = unacked.stream().filter(rows::containsKey).count();
    line(
        String.format(
            Locale.ROOT,
            "verify: %d rows for %d acknowledged requests; missing %d, duplicated %d;"
                + " %d unacknowledged, of which recorded %d -> %s",
            rows.size(),
            acknowledged.size(),
            missing,
            duplicated,
            unacked.size(),
            unackedRecorded,
            // A request recorded but not answered before the sessions closed is not lost: the
            // device retries it with the same id and gets the recorded answer.
            missing == 0 && duplicated == 0 ? "OK" : "MISMATCH"));
  }

  // ---------------------------------------------------------------- idle sessions

  private void idle(int count) throws Exception {
    List<Device> devices = setUp(count);
    double before = heapAfterGc();
    List<HttpClient> clients = clients(8);
    long t0 = System.nanoTime();
    List<Session> sessions = open(devices, clients);
    line(
        String.format(
            Locale.ROOT,
            "idle: %d sessions open in %.1f s; server reports %s device sessions",
            sessions.size(),
            (System.nanoTime() - t0) / 1e9,
            metric("avgym_device_sessions")));
    double after = heapAfterGc();
    line(
        String.format(
            Locale.ROOT,
            "idle: server heap after GC %.1f MB before, %.1f MB with %d sessions ->"
                + " %.1f KB per idle session",
            before / 1e6,
            after / 1e6,
            sessions.size(),
            (after - before) / sessions.size() / 1024));
    close(sessions);
  }

  /**
   * The server's used heap after a full GC: {@code jcmd <pid> GC.run} when {@code --server-pid} is
   * given (the only way to collect from outside), then the median of three readings of
   * memory_usedHeap_bytes from /metrics.
   */
  private double heapAfterGc() throws Exception {
    String pid = options.get("server-pid");
    if (pid != null) {
      Process jcmd = new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start();
      jcmd.getInputStream().readAllBytes();
      jcmd.waitFor(60, TimeUnit.SECONDS);
    }
    Thread.sleep(2000);
    double[] readings = new double[3];
    for (int i = 0; i < readings.length; i++) {
      readings[i] = Double.parseDouble(metric("memory_usedHeap_bytes"));
      Thread.sleep(500);
    }
    Arrays.sort(readings);
    return readings[1];
  }

  private String metric(String name) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base().resolve("/metrics"))
                .header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher matcher =
        (name.equals("memory_usedHeap_bytes")
                ? HEAP
                : Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+]+)$"))
            .matcher(response.body());
    return matcher.find() ? matcher.group(1) : "?";
  }

  // ---------------------------------------------------------------- output

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }

  private void save() throws IOException {
    Path file = Path.of("target/bench/checkin-results.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("appended to " + file.toAbsolutePath());
  }
}
