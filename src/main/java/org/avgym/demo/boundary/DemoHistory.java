package org.avgym.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.avgym.analytics.boundary.Rollups;
import org.avgym.analytics.entity.Period;
import org.avgym.demo.control.ChainBlueprint;
import org.avgym.demo.control.HistoryPlan;
import org.avgym.demo.entity.LocationSpec;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.platform.boundary.Database;
import org.avgym.platform.boundary.ThisInstance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Writes the demo chain's past ({@link HistoryPlan}) once, in the background after start-up: the
 * check-ins, visits and refused scans in one transaction (all or nothing: a start that is stopped
 * half way writes it again next time), occupancy and check-in samples every quarter hour for as
 * long as analytics keeps samples, the refusals as events, then the hourly and daily roll-ups
 * through the same roll-up code as the timers. Progress goes to the log. A failure is logged and
 * leaves the demo running without a past.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DemoHistory {

  /** The client key of every history check-in: how a later start knows the past is written. */
  public static final String CLIENT_KEY = "demo-history";

  private static final Logger LOG = Logger.getLogger(DemoHistory.class.getName());
  private static final Duration SAMPLE_STEP = Duration.ofMinutes(15);
  private static final int BATCH = 1000;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Resource(lookup = AppExecutors.WORK)
  ManagedExecutorService executor;

  @Inject Rollups rollups;
  @Inject ThisInstance instance;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "avgym.demo.history-days", defaultValue = "56")
  int days;

  @Inject
  @ConfigProperty(name = "avgym.demo.seed", defaultValue = "20261128")
  long seed;

  @Inject
  @ConfigProperty(name = "avgym.analytics.retention-days", defaultValue = "30")
  int retentionDays;

  /** Where the writing stands: not started, writing, rolling up, ready, skipped or failed. */
  private final AtomicReference<String> state = new AtomicReference<>("not started");

  public String state() {
    return state.get();
  }

  @PostConstruct
  void gauge() {
    Supplier<Integer> ready = () -> state.get().startsWith("ready") ? 1 : 0;
    metrics.gauge(
        Metadata.builder()
            .withName("avgym_demo_history_ready")
            .withDescription("1 once the demo chain's past is written and rolled up, else 0")
            .build(),
        ready);
  }

  /** Starts writing the past in the background unless it is there already or turned off. */
  public void writeInBackground(ChainBlueprint chain) {
    if (days <= 0) {
      state.set("skipped: avgym.demo.history-days is " + days);
      return;
    }
    if (days > 366) {
      LOG.warning("avgym.demo.history-days " + days + " is more than a year; writing 366");
    }
    state.set("writing");
    executor.execute(() -> write(chain, Math.min(days, 366)));
  }

  private void write(ChainBlueprint chain, int historyDays) {
    long started = System.nanoTime();
    try {
      Instant now = Instant.now();
      HistoryPlan.Past past;
      Map<String, Long> counts;
      try (Connection db = dataSource.getConnection()) {
        if (written(db)) {
          state.set("ready (written at an earlier start)");
          LOG.info("Demo history: kept from an earlier start");
          return;
        }
        Instant seededAt = seededAt(db, now);
        LOG.info(() -> "Demo history: writing the past " + historyDays + " days in the background");
        past = HistoryPlan.generate(chain, seededAt, now, historyDays, seed);
        counts = insert(db, chain, past, now, historyDays);
      }
      long written = (System.nanoTime() - started) / 1_000_000;
      LOG.info(
          () ->
              String.format(
                  "Demo history: %,d visits and %,d refused scans written in %,d ms %s;"
                      + " rolling up %d days",
                  past.visits().size(), past.denials().size(), written, counts, historyDays));
      state.set("rolling up");
      Instant from = now.minus(Duration.ofDays(historyDays));
      int hours = rollups.backfill(Period.HOUR, from, now, Duration.ofMinutes(2));
      int daysRolled = rollups.backfill(Period.DAY, from, now, Duration.ofMinutes(2));
      long total = (System.nanoTime() - started) / 1_000_000;
      state.set("ready");
      LOG.info(
          () ->
              String.format(
                  "Demo history ready: %d hourly and %d daily roll-ups, %,d ms in all",
                  hours, daysRolled, total));
    } catch (SQLException | RuntimeException e) {
      state.set("failed: " + e.getMessage());
      LOG.log(
          Level.SEVERE,
          "Demo history could not be written; the demo runs on without a past: " + e.getMessage(),
          e);
    }
  }

  private static boolean written(Connection db) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT COUNT(*) FROM checkin WHERE client_key = ?")) {
      query.setString(1, CLIENT_KEY);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1) > 0;
      }
    }
  }

  /** When the chain was written: membership dates in the blueprint count from then. */
  private static Instant seededAt(Connection db, Instant fallback) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT MIN(created_at) FROM location WHERE code = ?")) {
      query.setString(1, "downtown");
      try (ResultSet row = query.executeQuery()) {
        Timestamp at = row.next() ? row.getTimestamp(1) : null;
        return at == null ? fallback : at.toInstant();
      }
    }
  }

  /** One transaction: check-ins, visits, events and samples. Returns the rows per table. */
  private Map<String, Long> insert(
      Connection db, ChainBlueprint chain, HistoryPlan.Past past, Instant now, int historyDays)
      throws SQLException {
    Map<String, Long> locations = ids(db, "SELECT code, id FROM location");
    Map<String, Long> devices =
        ids(
            db,
            "SELECT l.code, MIN(d.id) FROM device d JOIN location l ON l.id = d.location_id"
                + " GROUP BY l.code");
    Map<String, String> deviceCodes = new HashMap<>();
    for (Map.Entry<String, Long> d : devices.entrySet()) {
      deviceCodes.put(d.getKey(), text(db, "SELECT code FROM device WHERE id = ?", d.getValue()));
    }
    Map<String, Long> membersByEmail = ids(db, "SELECT email, id FROM member");
    Map<String, Long> memberships =
        ids(
            db,
            "SELECT CAST(member_id AS VARCHAR(32)), MAX(id) FROM membership GROUP BY member_id");
    Map<Integer, Long> members = new HashMap<>();
    for (MemberSpec member : chain.members()) {
      Long id = membersByEmail.get(member.email());
      if (id != null) {
        members.put(member.number(), id);
      }
    }
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      long checkins = insertCheckins(db, past, locations, devices, members, memberships);
      long visits = insertVisits(db, past, locations, members);
      long events = insertEvents(db, past, deviceCodes);
      long samples = insertSamples(db, chain, past, now, Math.min(historyDays, retentionDays - 1));
      db.commit();
      Map<String, Long> counts = new TreeMap<>();
      counts.put("checkins", checkins);
      counts.put("visits", visits);
      counts.put("events", events);
      counts.put("samples", samples);
      return counts;
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(autoCommit);
    }
  }

  /** A scan in time order, with the club's occupancy after it. */
  private record Scan(
      Instant at, int member, String credential, String location, boolean in, String reason) {}

  private static long insertCheckins(
      Connection db,
      HistoryPlan.Past past,
      Map<String, Long> locations,
      Map<String, Long> devices,
      Map<Integer, Long> members,
      Map<String, Long> memberships)
      throws SQLException {
    List<Scan> scans = new ArrayList<>();
    for (HistoryPlan.Visit v : past.visits()) {
      scans.add(new Scan(v.in(), v.member(), v.credential(), v.location(), true, null));
      scans.add(new Scan(v.out(), v.member(), v.credential(), v.location(), false, null));
    }
    for (HistoryPlan.Denial d : past.denials()) {
      scans.add(
          new Scan(d.at(), d.member(), d.credential(), d.location(), true, d.reason().name()));
    }
    scans.sort(java.util.Comparator.comparing(Scan::at));
    Map<String, Integer> occupancy = new HashMap<>();
    long n = 0;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO checkin (client_key, request_id, server_time, device_time, device_id,"
                + " location_id, member_id, membership_id, credential_value, method, direction,"
                + " decision, reasons, occupancy_after)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'card', ?, ?, ?, ?)")) {
      for (Scan scan : scans) {
        int inside = occupancy.getOrDefault(scan.location(), 0);
        if (scan.reason() == null) {
          inside = Math.max(0, inside + (scan.in() ? 1 : -1));
          occupancy.put(scan.location(), inside);
        }
        Long member = scan.member() == 0 ? null : members.get(scan.member());
        Long membership = member == null ? null : memberships.get(String.valueOf(member));
        Timestamp at = Timestamp.from(scan.at());
        insert.setString(1, CLIENT_KEY);
        insert.setString(2, "h-" + (++n));
        insert.setTimestamp(3, at);
        insert.setTimestamp(4, at);
        insert.setObject(5, devices.get(scan.location()));
        insert.setLong(6, locations.get(scan.location()));
        insert.setObject(7, member);
        insert.setObject(8, membership);
        insert.setString(9, scan.credential());
        insert.setString(10, scan.in() ? "IN" : "OUT");
        insert.setString(11, scan.reason() == null ? "GRANTED" : "DENIED");
        insert.setString(12, scan.reason() == null ? "" : scan.reason());
        insert.setInt(13, inside);
        insert.addBatch();
        if (n % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return n;
  }

  private static long insertVisits(
      Connection db, HistoryPlan.Past past, Map<String, Long> locations, Map<Integer, Long> members)
      throws SQLException {
    long n = 0;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO visit (member_id, location_id, in_at, out_at, closed_by)"
                + " VALUES (?, ?, ?, ?, 'CHECKOUT')")) {
      for (HistoryPlan.Visit v : past.visits()) {
        Long member = members.get(v.member());
        if (member == null) {
          continue;
        }
        insert.setLong(1, member);
        insert.setLong(2, locations.get(v.location()));
        insert.setTimestamp(3, Timestamp.from(v.in()));
        insert.setTimestamp(4, Timestamp.from(v.out()));
        insert.addBatch();
        if (++n % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return n;
  }

  /** The refusals as the tracker records them, so "events by type" has a past too. */
  private static long insertEvents(
      Connection db, HistoryPlan.Past past, Map<String, String> deviceCodes) throws SQLException {
    long n = 0;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO analytics_event (event_time, category, event_type, source, severity,"
                + " details) VALUES (?, 'USER', 'checkin.denied', ?, 'INFO', ?)")) {
      for (HistoryPlan.Denial d : past.denials()) {
        insert.setTimestamp(1, Timestamp.from(d.at()));
        insert.setString(2, deviceCodes.getOrDefault(d.location(), d.location()));
        insert.setString(3, "demo history at " + d.location() + " reasons [" + d.reason() + "]");
        insert.addBatch();
        if (++n % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return n;
  }

  /**
   * Every quarter hour of the last {@code sampleDays}: each club's occupancy (what the forecast
   * learns from) and check-ins per minute, per club and in all, as this instance's samples.
   */
  private long insertSamples(
      Connection db, ChainBlueprint chain, HistoryPlan.Past past, Instant now, int sampleDays)
      throws SQLException {
    if (sampleDays < 1) {
      return 0;
    }
    Instant first = now.minus(Duration.ofDays(sampleDays)).truncatedTo(ChronoUnit.HOURS);
    int steps = (int) (Duration.between(first, now).toMinutes() / SAMPLE_STEP.toMinutes());
    Map<String, int[]> inside = new HashMap<>();
    Map<String, int[]> arrivals = new HashMap<>();
    for (LocationSpec location : chain.locations()) {
      inside.put(location.code(), new int[steps]);
      arrivals.put(location.code(), new int[steps]);
    }
    for (HistoryPlan.Visit v : past.visits()) {
      int[] occupied = inside.get(v.location());
      for (int i = 0; i < steps; i++) {
        Instant t = first.plus(SAMPLE_STEP.multipliedBy(i));
        if (!t.isBefore(v.in()) && t.isBefore(v.out())) {
          occupied[i]++;
        }
      }
      long step = Duration.between(first, v.in()).toMinutes() / SAMPLE_STEP.toMinutes();
      if (!v.in().isBefore(first) && step < steps) {
        arrivals.get(v.location())[(int) step]++;
      }
    }
    long n = 0;
    double minutes = SAMPLE_STEP.toMinutes();
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO metric_sample (sample_time, metric, subject, metric_value, instance)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < steps; i++) {
        Timestamp at = Timestamp.from(first.plus(SAMPLE_STEP.multipliedBy(i)));
        int all = 0;
        for (LocationSpec location : chain.locations()) {
          n += sample(insert, at, "occupancy", location.code(), inside.get(location.code())[i]);
          int arrived = arrivals.get(location.code())[i];
          all += arrived;
          n += sample(insert, at, "checkinsPerMinute", location.code(), arrived / minutes);
        }
        n += sample(insert, at, "checkinsPerMinute", "", all / minutes);
        if (i % 100 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return n;
  }

  private int sample(
      PreparedStatement insert, Timestamp at, String metric, String subject, double v)
      throws SQLException {
    insert.setTimestamp(1, at);
    insert.setString(2, metric);
    insert.setString(3, subject);
    insert.setDouble(4, v);
    insert.setString(5, instance.id());
    insert.addBatch();
    return 1;
  }

  private static Map<String, Long> ids(Connection db, String sql) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        if (rows.getString(1) != null) {
          ids.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return ids;
  }

  private static String text(Connection db, String sql, long id) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
