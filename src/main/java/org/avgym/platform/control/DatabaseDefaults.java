package org.avgym.platform.control;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the JDBC data source class from the configured URL, so that setting {@code AVGYM_DB_URL}
 * (with user and password) is all it takes to move from the embedded H2 database to PostgreSQL. Its
 * ordinal sits between the properties file (100) and environment variables (300): an explicit
 * {@code AVGYM_DB_DATASOURCE_CLASS} still wins.
 */
public class DatabaseDefaults implements ConfigSource {

  public static final String DATASOURCE_CLASS = "avgym.db.datasource-class";
  static final String H2 = "org.h2.jdbcx.JdbcDataSource";
  static final String POSTGRESQL = "org.postgresql.ds.PGSimpleDataSource";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(DATASOURCE_CLASS);
  }

  @Override
  public String getValue(String propertyName) {
    if (!DATASOURCE_CLASS.equals(propertyName)) {
      return null;
    }
    return dataSourceClassFor(configuredUrl().orElse(null));
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(DATASOURCE_CLASS, getValue(DATASOURCE_CLASS));
  }

  @Override
  public String getName() {
    return "avgym-database-defaults";
  }

  @Override
  public int getOrdinal() {
    return 250;
  }

  /** The data source class for a JDBC URL; H2 when the URL is absent or not PostgreSQL. */
  public static String dataSourceClassFor(String jdbcUrl) {
    if (jdbcUrl != null && jdbcUrl.trim().startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    return H2;
  }

  /** A human name for the database behind a URL, for logs and health data. */
  public static String databaseKind(String jdbcUrl) {
    return POSTGRESQL.equals(dataSourceClassFor(jdbcUrl)) ? "PostgreSQL" : "H2 (embedded)";
  }

  private static Optional<String> configuredUrl() {
    String fromProperty = System.getProperty("avgym.db.url");
    if (notBlank(fromProperty)) {
      return Optional.of(fromProperty);
    }
    String fromEnvironment = System.getenv("AVGYM_DB_URL");
    return notBlank(fromEnvironment) ? Optional.of(fromEnvironment) : Optional.empty();
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
