package org.avgym.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.avgym.analytics.control.ClusterAggregator;
import org.avgym.analytics.control.EventsByType;
import org.avgym.analytics.entity.Aggregate;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Period;
import org.flywaydb.core.Flyway;

/**
 * Seeds a PostgreSQL database (migrated by Flyway) with 1,000,000 events in one hour, 30 days of
 * 10-second samples and 7 days of check-ins, then times the hourly roll-up and the Analytics tab's
 * 7-day queries, issuing the same SQL as {@code RollupRunner}, {@code AnalyticsStore} (events by
 * type, with the other hours of the week rolled up as the timer would have) and {@code
 * GymAnalytics} over plain JDBC (so without JPA's overhead). Prints the results and writes them to
 * target/analytics-bench.txt.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) org.avgym.bench.AnalyticsBench \
 *   jdbc:postgresql://127.0.0.1:5432/avgym_bench avgym avgym
 * </pre>
 */
public final class AnalyticsBench {

  private static final int EVENTS = 1_000_000;
  private static final int SAMPLE_DAYS = 30;
  private static final int RUNS = 5;
  private static final long SAMPLE_INTERVAL_MS = 10_000;

  private AnalyticsBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/avgym_bench";
    String user = args.length > 1 ? args[1] : "avgym";
    String password = args.length > 2 ? args[2] : "avgym";
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .table("flyway_schema_history")
        .load()
        .migrate();
    List<String> report = new ArrayList<>();
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
    try (Connection db = DriverManager.getConnection(url, user, password)) {
      long seedStart = System.nanoTime();
      seed(db, hour);
      report.add(
          String.format(
              "seeded %,d events in one hour, %,d samples over %d days, %,d check-ins over 7 days in %.1f s",
              count(db, "analytics_event"),
              count(db, "metric_sample"),
              SAMPLE_DAYS,
              count(db, "checkin"),
              (System.nanoTime() - seedStart) / 1e9));
      db.setAutoCommit(false);
      double[] rollup = new double[RUNS];
      int rows = 0;
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        rows = rollup(db, hour);
        db.commit();
        rollup[i] = (System.nanoTime() - start) / 1e6;
      }
      db.setAutoCommit(true);
      report.add(
          String.format(
              "hourly roll-up (%d rows): %s ms, median %.0f ms",
              rows, Arrays.toString(round(rollup)), median(rollup)));
      Instant to = Instant.now();
      Instant from = to.minus(7, ChronoUnit.DAYS);
      db.setAutoCommit(false);
      long windowStart = System.nanoTime();
      rollUpWindow(db, from, hour);
      db.setAutoCommit(true);
      report.add(
          String.format(
              "rolled up the other hours of the 7 days in %.1f s",
              (System.nanoTime() - windowStart) / 1e9));
      report.add(
          time(
              db,
              "events by type, 7 d, one raw count as before V5",
              "SELECT event_type, COUNT(*) FROM analytics_event WHERE event_time >= ? AND event_time < ? GROUP BY event_type ORDER BY COUNT(*) DESC LIMIT 20",
              from,
              to));
      report.add(
          timeEventsByType(
              db, "events by type, 7 d, roll-ups + raw edges (AnalyticsStore)", from, to));
      completed(db, hour.minus(1, ChronoUnit.HOURS));
      report.add(
          timeEventsByType(
              db,
              "events by type, 7 d, the busy hour not rolled up yet (its first minutes after)",
              from,
              to));
      completed(db, Period.HOUR.startOf(Instant.now()).minus(1, ChronoUnit.HOURS));
      report.add(
          time(
              db,
              "check-ins per hour, 7 d",
              "SELECT DATE_TRUNC('hour', c.server_time), COUNT(*) FROM checkin c JOIN location l ON l.id = c.location_id WHERE c.server_time >= ? AND c.server_time < ? AND c.direction = 'IN' AND c.decision <> 'DENIED' GROUP BY DATE_TRUNC('hour', c.server_time)",
              from,
              to));
      report.add(
          time(
              db,
              "denials by reason, 7 d",
              "SELECT c.reasons, COUNT(*) FROM checkin c JOIN location l ON l.id = c.location_id WHERE c.decision = 'DENIED' AND c.server_time >= ? AND c.server_time < ? GROUP BY c.reasons",
              from,
              to));
      report.add(
          time(
              db,
              "one metric's samples, 7 d (newest 5,000)",
              "SELECT sample_time, metric_value FROM metric_sample WHERE metric = 'avgLatency' AND subject = '' AND sample_time >= ? AND sample_time < ? ORDER BY sample_time DESC LIMIT 5000",
              from,
              to));
      report.add(
          time(
              db,
              "hourly roll-ups of one metric, 7 d",
              "SELECT * FROM rollup WHERE period = 'HOUR' AND metric = 'avgLatency' AND period_start >= ? AND period_start < ? ORDER BY period_start",
              from,
              to));
    }
    String text = String.join(System.lineSeparator(), report) + System.lineSeparator();
    System.out.print(text);
    write(text);
  }

  private static void seed(Connection db, Instant hour) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(
          "TRUNCATE analytics_event, metric_sample, rollup, checkin, visit RESTART IDENTITY CASCADE");
      s.execute("DELETE FROM device");
      s.execute("DELETE FROM location");
      s.execute(
          "INSERT INTO location (code, name, time_zone, capacity, opening_hours, created_at)"
              + " SELECT 'bench-' || g, 'Bench ' || g, 'Europe/Ljubljana', 200, '*', now()"
              + " FROM generate_series(1, 3) g");
    }
    try (PreparedStatement events =
        db.prepareStatement(
            "INSERT INTO analytics_event (event_time, category, event_type, source, severity, details)"
                + " SELECT ?::timestamptz + (g % 3600) * interval '1 second',"
                + " (ARRAY['CONNECTION','PERFORMANCE','ERROR','POOL','USER'])[1 + g % 5],"
                + " 'type-' || (g % 17), 'source-' || (g % 200), 'INFO', 'details ' || g"
                + " FROM generate_series(1, ?) g")) {
      events.setObject(1, hour.atOffset(ZoneOffset.UTC));
      events.setInt(2, EVENTS);
      events.executeUpdate();
    }
    String[] metrics = {
      "connectionCount",
      "avgLatency",
      "avgThroughput",
      "errorRate",
      "memoryUsage",
      "cpuUsage",
      "poolHealth"
    };
    try (PreparedStatement samples =
        db.prepareStatement(
            "INSERT INTO metric_sample (sample_time, metric, subject, metric_value)"
                + " SELECT now() - (g * interval '10 second'), m, s, random() * 100"
                + " FROM generate_series(0, ?) g,"
                + " unnest(?::varchar[]) m, unnest(ARRAY['']::varchar[]) s")) {
      samples.setInt(1, SAMPLE_DAYS * 8640);
      samples.setArray(2, db.createArrayOf("varchar", metrics));
      samples.executeUpdate();
    }
    try (Statement s = db.createStatement()) {
      s.execute(
          "INSERT INTO metric_sample (sample_time, metric, subject, metric_value)"
              + " SELECT now() - (g * interval '10 second'), m, l.code, random() * 50"
              + " FROM generate_series(0, "
              + SAMPLE_DAYS * 8640
              + ") g,"
              + " unnest(ARRAY['checkinsPerMinute','occupancy','occupancyRatio']) m, location l");
      s.execute(
          "INSERT INTO checkin (client_key, request_id, server_time, location_id, direction, decision,"
              + " reasons, occupancy_after)"
              + " SELECT 'bench', 'r' || g, now() - (g * interval '6 second'),"
              + " (SELECT MIN(id) FROM location) + g % 3, 'IN',"
              + " CASE WHEN g % 10 = 0 THEN 'DENIED' ELSE 'GRANTED' END,"
              + " CASE WHEN g % 10 = 0 THEN 'MEMBERSHIP_EXPIRED,OUTSIDE_ALLOWED_HOURS' ELSE '' END, 1"
              + " FROM generate_series(1, 100800) g");
      s.execute("ANALYZE");
    }
  }

  /** The statements of RollupRunner.run, in one transaction. */
  private static int rollup(Connection db, Instant start) throws SQLException {
    Instant end = start.plus(1, ChronoUnit.HOURS);
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement delete =
        db.prepareStatement("DELETE FROM rollup WHERE period = 'HOUR' AND period_start = ?")) {
      delete.setObject(1, start.atOffset(ZoneOffset.UTC));
      delete.executeUpdate();
    }
    try (PreparedStatement samples =
        db.prepareStatement(
            "SELECT metric, subject, instance, sample_time, metric_value FROM metric_sample"
                + " WHERE sample_time >= ? AND sample_time < ? ORDER BY metric, subject")) {
      samples.setFetchSize(1000);
      samples.setObject(1, start.atOffset(ZoneOffset.UTC));
      samples.setObject(2, end.atOffset(ZoneOffset.UTC));
      try (ResultSet r = samples.executeQuery()) {
        String metric = null;
        String subject = null;
        ClusterAggregator aggregator = null;
        while (r.next()) {
          if (!Objects.equals(r.getString(1), metric) || !Objects.equals(r.getString(2), subject)) {
            if (aggregator != null) {
              rows.add(new Object[] {metric, subject, aggregator.result()});
            }
            metric = r.getString(1);
            subject = r.getString(2);
            aggregator = new ClusterAggregator(metric, SAMPLE_INTERVAL_MS);
          }
          aggregator.add(
              r.getString(3), r.getObject(4, OffsetDateTime.class).toInstant(), r.getDouble(5));
        }
        if (aggregator != null) {
          rows.add(new Object[] {metric, subject, aggregator.result()});
        }
      }
    }
    try (PreparedStatement events =
        db.prepareStatement(
            "SELECT category, event_type, COUNT(*) FROM analytics_event WHERE event_time >= ?"
                + " AND event_time < ? GROUP BY category, event_type")) {
      events.setObject(1, start.atOffset(ZoneOffset.UTC));
      events.setObject(2, end.atOffset(ZoneOffset.UTC));
      Map<String, Long> perCategory = new TreeMap<>();
      long total = 0;
      try (ResultSet r = events.executeQuery()) {
        while (r.next()) {
          long n = r.getLong(3);
          rows.add(
              new Object[] {
                EventsByType.typeMetric(EventCategory.valueOf(r.getString(1))),
                r.getString(2),
                count(n)
              });
          perCategory.merge(r.getString(1), n, Long::sum);
          total += n;
        }
      }
      perCategory.forEach((c, n) -> rows.add(new Object[] {EventsByType.EVENTS, c, count(n)}));
      rows.add(new Object[] {EventsByType.EVENTS, EventsByType.TOTAL_SUBJECT, count(total)});
    }
    try (PreparedStatement counts =
        db.prepareStatement(
            "SELECT l.code, COUNT(*) FROM checkin c JOIN location l ON l.id = c.location_id"
                + " WHERE c.server_time >= ? AND c.server_time < ? AND c.direction = 'IN'"
                + " GROUP BY l.code")) {
      counts.setObject(1, start.atOffset(ZoneOffset.UTC));
      counts.setObject(2, end.atOffset(ZoneOffset.UTC));
      try (ResultSet r = counts.executeQuery()) {
        while (r.next()) {
          rows.add(new Object[] {"checkins", r.getString(1), count(r.getLong(2))});
        }
      }
    }
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO rollup (period, period_start, metric, subject, value_count, value_sum,"
                + " value_min, value_max, value_avg, value_p95) VALUES ('HOUR', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Object[] row : rows) {
        Aggregate a = (Aggregate) row[2];
        insert.setObject(1, start.atOffset(ZoneOffset.UTC));
        insert.setString(2, (String) row[0]);
        insert.setString(3, (String) row[1]);
        insert.setLong(4, a.count());
        insert.setDouble(5, a.sum());
        insert.setDouble(6, a.min());
        insert.setDouble(7, a.max());
        insert.setDouble(8, a.mean());
        insert.setDouble(9, a.p95());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return rows.size();
  }

  private static Aggregate count(long n) {
    return new Aggregate(n, n, n, n, n, n);
  }

  /** As the timer does: every hour of the window rolled up, the newest recorded as completed. */
  private static void rollUpWindow(Connection db, Instant from, Instant busyHour)
      throws SQLException {
    Instant current = Period.HOUR.startOf(Instant.now());
    for (Instant h = Period.HOUR.startOf(from); h.isBefore(current); h = Period.HOUR.next(h)) {
      if (!h.equals(busyHour)) {
        rollup(db, h);
      }
    }
    completed(db, current.minus(1, ChronoUnit.HOURS));
    db.commit();
  }

  private static void completed(Connection db, Instant hour) throws SQLException {
    try (PreparedStatement update =
        db.prepareStatement(
            "UPDATE scheduler_lock SET last_completed = ? WHERE name = 'rollup-HOUR'")) {
      update.setObject(1, hour.atOffset(ZoneOffset.UTC));
      update.executeUpdate();
    }
  }

  /** What AnalyticsStore.eventsByType runs: the covered hours, then roll-up and raw counts. */
  private static Map<String, Long> eventsByType(Connection db, Instant from, Instant to)
      throws SQLException {
    List<Instant> covered = new ArrayList<>();
    try (PreparedStatement query = db.prepareStatement(jdbc(EventsByType.COVERED_HOURS_SQL))) {
      query.setObject(1, EventsByType.firstWholeHour(from).atOffset(ZoneOffset.UTC));
      query.setObject(2, EventsByType.wholeHoursEnd(to).atOffset(ZoneOffset.UTC));
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          covered.add(r.getObject(1, OffsetDateTime.class).toInstant());
        }
      }
    }
    EventsByType.Plan plan = EventsByType.plan(from, to, covered);
    List<Map<String, Long>> parts = new ArrayList<>();
    for (EventsByType.Span span : plan.rollups()) {
      parts.add(counts(db, EventsByType.ROLLUP_SQL, span, EventsByType.metrics(null)));
    }
    for (EventsByType.Span span : plan.events()) {
      parts.add(counts(db, EventsByType.EVENTS_SQL, span, EventsByType.categories(null)));
    }
    return EventsByType.top(parts, EventsByType.TOP);
  }

  private static Map<String, Long> counts(
      Connection db, String sql, EventsByType.Span span, String pattern) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement query = db.prepareStatement(jdbc(sql))) {
      query.setObject(1, span.from().atOffset(ZoneOffset.UTC));
      query.setObject(2, span.to().atOffset(ZoneOffset.UTC));
      query.setString(3, pattern);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          counts.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return counts;
  }

  /** The old single statement, for comparison; it must give the same answer. */
  private static Map<String, Long> eventsByTypeRaw(Connection db, Instant from, Instant to)
      throws SQLException {
    return EventsByType.top(
        List.of(counts(db, EventsByType.EVENTS_SQL, new EventsByType.Span(from, to), "%")),
        EventsByType.TOP);
  }

  /** JPA's numbered parameters (?1, ?2, ?3), written in that order, as JDBC's plain ones. */
  private static String jdbc(String sql) {
    String numbers = sql.replaceAll("[^?]*\\?([0-9])[^?]*", "$1");
    if (!numbers.equals("123".substring(0, numbers.length()))) {
      throw new IllegalArgumentException("parameters out of order in " + sql);
    }
    return sql.replaceAll("\\?[0-9]", "?");
  }

  private static String timeEventsByType(Connection db, String what, Instant from, Instant to)
      throws SQLException {
    double[] ms = new double[RUNS];
    Map<String, Long> answer = null;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      answer = eventsByType(db, from, to);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Map<String, Long> expected = eventsByTypeRaw(db, from, to);
    if (!expected.equals(answer)) {
      throw new IllegalStateException(what + ": " + answer + " differs from the raw " + expected);
    }
    return String.format(
        "%s: %s ms, median %.1f ms (%,d events, equal to the raw count)",
        what,
        Arrays.toString(round(ms)),
        median(ms),
        answer.values().stream().mapToLong(Long::longValue).sum());
  }

  private static String time(Connection db, String what, String sql, Instant from, Instant to)
      throws SQLException {
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      try (PreparedStatement query = db.prepareStatement(sql)) {
        query.setObject(1, from.atOffset(ZoneOffset.UTC));
        query.setObject(2, to.atOffset(ZoneOffset.UTC));
        try (ResultSet r = query.executeQuery()) {
          while (r.next()) {
            r.getObject(1);
          }
        }
      }
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return String.format("%s: %s ms, median %.1f ms", what, Arrays.toString(round(ms)), median(ms));
  }

  private static long count(Connection db, String table) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long[] round(double[] values) {
    return Arrays.stream(values).mapToLong(Math::round).toArray();
  }

  private static void write(String text) throws IOException {
    Path out = Path.of("target", "analytics-bench.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }
}
