package org.avgym.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.avgym.platform.control.DatabaseDefaults;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date from db-migrations/ before anything uses JPA. A failed migration
 * throws from start-up, so the deployment fails as a whole instead of half-starting.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "avgym.db.url")
  String url;

  private volatile String schemaVersion;

  @PostConstruct
  void migrate() {
    String database = DatabaseDefaults.databaseKind(url);
    LOG.info(() -> "AV Gym database: " + database + " at " + withoutSecrets(url));
    try {
      MigrateResult result =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .table("flyway_schema_history")
              .baselineOnMigrate(false)
              .validateOnMigrate(true)
              .load()
              .migrate();
      schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : "current";
      LOG.info(
          () ->
              "Schema migrations done: "
                  + result.migrationsExecuted
                  + " applied, schema version "
                  + schemaVersion);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Schema migration FAILED on " + database + "; AV Gym will not start: " + e.getMessage(),
          e);
      throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
    }
  }

  public boolean isComplete() {
    return schemaVersion != null;
  }

  public String schemaVersion() {
    return schemaVersion;
  }

  /** A JDBC URL as it may be logged: without query parameters that could carry a password. */
  static String withoutSecrets(String jdbcUrl) {
    if (jdbcUrl == null) {
      return "";
    }
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }
}
