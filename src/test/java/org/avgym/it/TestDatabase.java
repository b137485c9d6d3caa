package org.avgym.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The database an IT deployment uses: PostgreSQL when {@code avgym.test.db.url} is set (CI sets
 * it), otherwise a fresh embedded H2 database in a temporary folder.
 */
public final class TestDatabase {

  private TestDatabase() {}

  public static Optional<String> postgresUrl() {
    return setting("avgym.test.db.url");
  }

  /** A test setting, absent when blank or left as an unresolved Maven expression. */
  static Optional<String> setting(String key) {
    String value = System.getProperty(key, "");
    return value.isBlank() || value.startsWith("${") ? Optional.empty() : Optional.of(value);
  }

  /** Settings for the configured database (PostgreSQL, else a fresh H2), in a map to add to. */
  public static Map<String, String> configured() {
    return postgresUrl().isEmpty() ? h2() : postgres(postgresPort());
  }

  /**
   * The configured database; PostgreSQL is reached through a {@link TcpProxy} that a test can cut
   * to take the database away ({@code proxy} is null on H2).
   */
  public record Proxied(Map<String, String> settings, TcpProxy proxy) {}

  public static Proxied proxied() {
    if (postgresUrl().isEmpty()) {
      return new Proxied(h2(), null);
    }
    TcpProxy proxy = new TcpProxy(postgresHost(), postgresPort()).start();
    return new Proxied(postgres(proxy.port()), proxy);
  }

  /** Settings for a fresh embedded H2 database. */
  public static Map<String, String> h2() {
    try {
      Path dir = Files.createTempDirectory("avgym-it-h2");
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("avgym.data.dir", dir.toString());
      settings.put(
          "avgym.db.url",
          "jdbc:h2:file:"
              + dir
              + "/avgym;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
      settings.put("avgym.db.user", "avgym");
      settings.put("avgym.db.password", "avgym");
      settings.put("avgym.db.datasource-class", "org.h2.jdbcx.JdbcDataSource");
      return settings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Settings for the configured PostgreSQL database, reached through {@code port} on loopback. */
  public static Map<String, String> postgres(int port) {
    String url = postgresUrl().orElseThrow();
    URI uri = URI.create(url.substring("jdbc:".length()));
    String throughPort =
        "jdbc:postgresql://127.0.0.1:"
            + port
            + uri.getRawPath()
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("avgym.db.url", throughPort);
    settings.put("avgym.db.user", setting("avgym.test.db.user").orElse("avgym"));
    settings.put("avgym.db.password", setting("avgym.test.db.password").orElse("avgym"));
    settings.put("avgym.db.datasource-class", "org.postgresql.ds.PGSimpleDataSource");
    return settings;
  }

  /** The real PostgreSQL host and port behind the configured URL. */
  public static int postgresPort() {
    URI uri = URI.create(postgresUrl().orElseThrow().substring("jdbc:".length()));
    return uri.getPort() > 0 ? uri.getPort() : 5432;
  }

  public static String postgresHost() {
    URI uri = URI.create(postgresUrl().orElseThrow().substring("jdbc:".length()));
    return uri.getHost();
  }

  /**
   * Runs one statement on the configured PostgreSQL database, for a state the API cannot make (the
   * first administrator's generated password, for one); the rows it changed.
   */
  public static int update(String sql, Object... parameters) {
    String url = postgresUrl().orElseThrow();
    try (java.sql.Connection connection =
            java.sql.DriverManager.getConnection(
                url,
                setting("avgym.test.db.user").orElse("avgym"),
                setting("avgym.test.db.password").orElse("avgym"));
        java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
