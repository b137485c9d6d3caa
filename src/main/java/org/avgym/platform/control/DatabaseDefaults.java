package org.avgym.platform.control;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the JDBC data source class from the configured URL, so that setting {@code avgym.db.url}
 * (with user and password) is all it takes to move from the embedded H2 database to PostgreSQL,
 * wherever the URL is set: environment, system property, or a Payara Server domain, config, server,
 * application or password-alias source.
 *
 * <p>The derived value is only a default: this source has the lowest ordinal of all ({@link
 * #ORDINAL}; Payara's own sources start at 90, the properties file is 100), so {@code
 * avgym.db.datasource-class} set in any source wins. The URL is read through the Config API of the
 * application asking, so it is the same URL the data source is defined with.
 */
public class DatabaseDefaults implements ConfigSource {

  public static final String DATASOURCE_CLASS = "avgym.db.datasource-class";
  static final String URL = "avgym.db.url";
  static final String H2 = "org.h2.jdbcx.JdbcDataSource";
  static final String POSTGRESQL = "org.postgresql.ds.PGSimpleDataSource";

  /** Below every other source, so that any explicit setting outranks the derived default. */
  public static final int ORDINAL = 1;

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
    return ORDINAL;
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

  /**
   * The URL as the application's configuration resolves it. This source answers only for {@link
   * #DATASOURCE_CLASS}, so asking the configuration for the URL from here does not come back to it.
   * The thread's context class loader is the application's whenever Payara resolves the data source
   * definition or injects a value; outside an application (a unit test without a configuration)
   * there is no URL and the embedded default applies.
   */
  private static Optional<String> configuredUrl() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = DatabaseDefaults.class.getClassLoader();
    }
    try {
      return ConfigProvider.getConfig(loader)
          .getOptionalValue(URL, String.class)
          .filter(url -> !url.isBlank());
    } catch (IllegalStateException noConfiguration) {
      return Optional.empty();
    }
  }
}
