package org.avgym.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.platform.boundary.Database;
import org.avgym.platform.control.DatabaseDefaults;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers a query within the configured time. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = Database.CONTROL_JNDI_NAME)
  DataSource dataSource;

  @Resource(lookup = AppExecutors.PROBES)
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "avgym.health.db-timeout-ms", defaultValue = "2000")
  long timeoutMs;

  @Inject
  @ConfigProperty(name = "avgym.db.url")
  String url;

  private volatile boolean lastUp = true;

  @Override
  public HealthCheckResponse call() {
    String database = DatabaseDefaults.databaseKind(url);
    long start = System.nanoTime();
    String error = null;
    Future<Boolean> probe = executor.submit(this::answers);
    try {
      if (!probe.get(timeoutMs, TimeUnit.MILLISECONDS)) {
        error = "the database did not answer the probe query";
      }
    } catch (TimeoutException e) {
      probe.cancel(true);
      error = "no answer within " + timeoutMs + " ms";
    } catch (ExecutionException e) {
      // Health data is public: it says what is down, never the exception's text (host names,
      // users, driver details). The operator finds the exception in the log.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      error = "the connection or the probe query failed";
      if (lastUp) {
        LOG.log(java.util.logging.Level.WARNING, "The database probe failed", cause);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    boolean up = error == null;
    if (up != lastUp) {
      String reason = error;
      LOG.warning(
          () -> "Database " + database + (up ? " is reachable again" : " is DOWN: " + reason));
      lastUp = up;
    }
    var response =
        HealthCheckResponse.named("database")
            .status(up)
            .withData("database", database)
            .withData("responseTimeMs", elapsedMs);
    if (!up) {
      response.withData("error", error);
    }
    return response.build();
  }

  private boolean answers() throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
      statement.setQueryTimeout((int) Math.max(1, timeoutMs / 1000));
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }
}
