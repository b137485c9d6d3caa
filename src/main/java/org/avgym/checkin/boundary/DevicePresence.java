package org.avgym.checkin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.avgym.devices.entity.DeviceConnectivity;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.platform.boundary.Database;
import org.avgym.platform.boundary.ThisInstance;
import org.avgym.platform.entity.Failure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Device presence in the database, for every instance to see: the instance holding a device's
 * session renews {@code present_until} every {@code renew} interval while the session lasts, and
 * sets it to now when the session closes. A device whose presence ran out is offline, whether its
 * session closed, its instance died, or it did not come back after a restart.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DevicePresence {

  private static final Logger LOG = Logger.getLogger(DevicePresence.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Resource(lookup = AppExecutors.SCHEDULED)
  ManagedScheduledExecutorService scheduler;

  @Inject DeviceSessions sessions;
  @Inject ThisInstance instance;

  @Inject
  @ConfigProperty(name = "avgym.devices.presence-seconds", defaultValue = "30")
  long presenceSeconds;

  private ScheduledFuture<?> renewal;
  private volatile boolean troubleLogged;

  @PostConstruct
  void start() {
    long every = Math.max(1, presenceSeconds / 3);
    renewal = scheduler.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (renewal != null) {
      renewal.cancel(false);
    }
  }

  public void onDevice(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceConnectivity connectivity) {
    try (Connection connection = dataSource.getConnection()) {
      if (connectivity.online()) {
        try (PreparedStatement present =
            connection.prepareStatement(
                "UPDATE device SET present_on = ?, present_until = ? WHERE code = ?")) {
          present.setString(1, instance.id());
          present.setTimestamp(2, until());
          present.setString(3, connectivity.device());
          present.executeUpdate();
        }
      } else {
        // Only if no other instance holds the device's session by now.
        try (PreparedStatement gone =
            connection.prepareStatement(
                "UPDATE device SET present_until = ? WHERE code = ? AND present_on = ?")) {
          gone.setTimestamp(1, Timestamp.from(connectivity.at()));
          gone.setString(2, connectivity.device());
          gone.setString(3, instance.id());
          gone.executeUpdate();
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record the presence of device " + connectivity.device(), e);
    }
  }

  /** Renews the presence of every device connected here. */
  void renew() {
    Set<Long> connected = sessions.connectedDevices();
    if (connected.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement present =
            connection.prepareStatement(
                "UPDATE device SET present_on = ?, present_until = ? WHERE id = ?")) {
      Timestamp until = until();
      for (long id : connected) {
        present.setString(1, instance.id());
        present.setTimestamp(2, until);
        present.setLong(3, id);
        present.addBatch();
      }
      present.executeBatch();
      if (troubleLogged) {
        troubleLogged = false;
        LOG.info("Device presence: renewed again");
      }
    } catch (SQLException | RuntimeException e) {
      if (!troubleLogged) {
        troubleLogged = true;
        LOG.log(Level.WARNING, "Device presence: could not renew; retrying", e);
      }
      Failure.report(Failure.TIMER_FAILED, "device presence", Failure.describe(e));
    }
  }

  private Timestamp until() {
    return Timestamp.from(Instant.now().plus(Duration.ofSeconds(presenceSeconds)));
  }
}
