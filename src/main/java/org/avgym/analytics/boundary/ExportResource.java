package org.avgym.analytics.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.avgym.analytics.control.Csv;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Severity;
import org.avgym.platform.boundary.Database;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;
import org.avgym.security.entity.Role;

/**
 * Exports events, samples or roll-ups in a time range as CSV (RFC 4180) or JSON, streamed: rows are
 * read in pages of {@link #PAGE} by id (keyset paging, one short query each) and written as they
 * come, so neither the server nor the database holds the whole export.
 */
@Path("analytics/export")
@RequestScoped
@RolesAllowed({Role.ADMIN_NAME, Role.STAFF_NAME})
public class ExportResource {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int PAGE = 1000;

  /** One exportable table: its columns as exported, and the SQL column each comes from. */
  enum Kind {
    EVENTS(
        "analytics_event",
        "event_time",
        List.of("id", "time", "category", "type", "source", "severity", "details"),
        "id, event_time, category, event_type, source, severity, details"),
    SAMPLES(
        "metric_sample",
        "sample_time",
        List.of("id", "time", "metric", "subject", "value", "instance"),
        "id, sample_time, metric, subject, metric_value, instance"),
    ROLLUPS(
        "rollup",
        "period_start",
        List.of(
            "id", "period", "start", "metric", "subject", "count", "sum", "min", "max", "avg",
            "p95"),
        "id, period, period_start, metric, subject, value_count, value_sum, value_min, value_max,"
            + " value_avg, value_p95");

    final String table;
    final String timeColumn;
    final List<String> headers;
    final String columns;

    Kind(String table, String timeColumn, List<String> headers, String columns) {
      this.table = table;
      this.timeColumn = timeColumn;
      this.headers = headers;
      this.columns = columns;
    }
  }

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  @Inject EventTracker events;

  @GET
  public Response export(
      @QueryParam("kind") String kindText,
      @QueryParam("from") String fromText,
      @QueryParam("to") String toText,
      @QueryParam("format") String formatText,
      @Context SecurityContext caller) {
    Kind kind = choose("kind", kindText, Kind.class, null);
    String format =
        formatText == null || formatText.isBlank()
            ? "csv"
            : formatText.trim().toLowerCase(Locale.ROOT);
    if (!format.equals("csv") && !format.equals("json")) {
      throw Refusal.invalid("format", "format must be csv or json");
    }
    Instant to = Fields.instant("to", toText, Instant.now());
    Instant from = Fields.instant("from", fromText, to.minus(Duration.ofDays(1)));
    if (!from.isBefore(to)) {
      throw Refusal.invalid("from", "from must be before to");
    }
    events.record(
        EventCategory.USER,
        "export",
        caller.getUserPrincipal().getName(),
        Severity.INFO,
        kind.name().toLowerCase(Locale.ROOT) + " " + format + " " + from + " to " + to);
    boolean csv = format.equals("csv");
    StreamingOutput body =
        output -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
          if (csv) {
            writer.write(Csv.record(kind.headers));
            pages(kind, from, to, row -> writer.write(Csv.record(row)));
            writer.flush();
          } else {
            JsonGenerator json = JSON.createGenerator(writer);
            json.writeStartArray();
            pages(kind, from, to, row -> writeJson(json, kind, row));
            json.writeEnd();
            json.flush();
          }
        };
    String file = "avgym-" + kind.name().toLowerCase(Locale.ROOT) + "." + format;
    return Response.ok(body)
        .type(csv ? "text/csv; charset=UTF-8" : "application/json; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  interface RowSink {
    void accept(List<String> row) throws java.io.IOException;
  }

  private void pages(Kind kind, Instant from, Instant to, RowSink sink) throws java.io.IOException {
    String sql =
        "SELECT "
            + kind.columns
            + " FROM "
            + kind.table
            + " WHERE "
            + kind.timeColumn
            + " >= ? AND "
            + kind.timeColumn
            + " < ? AND id > ? ORDER BY id LIMIT "
            + PAGE;
    long after = 0;
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      while (true) {
        statement.setObject(1, from.atOffset(ZoneOffset.UTC));
        statement.setObject(2, to.atOffset(ZoneOffset.UTC));
        statement.setLong(3, after);
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            List<String> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
              int type = result.getMetaData().getColumnType(i);
              if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
                OffsetDateTime time = result.getObject(i, OffsetDateTime.class);
                row.add(time == null ? null : time.toInstant().toString());
              } else {
                row.add(result.getString(i));
              }
            }
            after = result.getLong(1);
            sink.accept(row);
            rows++;
          }
        }
        if (rows < PAGE) {
          return;
        }
      }
    } catch (SQLException e) {
      throw new UncheckedIOException(new java.io.IOException("export failed", e));
    }
  }

  private static void writeJson(JsonGenerator json, Kind kind, List<String> row) {
    json.writeStartObject();
    for (int i = 0; i < row.size(); i++) {
      String name = kind.headers.get(i);
      String value = row.get(i);
      if (value == null) {
        json.writeNull(name);
      } else if (isNumber(kind, name)) {
        json.write(name, new java.math.BigDecimal(value));
      } else {
        json.write(name, value);
      }
    }
    json.writeEnd();
  }

  private static boolean isNumber(Kind kind, String column) {
    return switch (column) {
      case "id", "value", "count", "sum", "min", "max", "avg", "p95" -> true;
      default -> false;
    };
  }

  static <E extends Enum<E>> E choose(String field, String text, Class<E> type, E fallback) {
    if (text == null || text.isBlank()) {
      if (fallback != null) {
        return fallback;
      }
      throw Refusal.invalid(field, field + " is required");
    }
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          field,
          field
              + " must be one of "
              + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }
}
