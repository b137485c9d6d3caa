package org.avgym.pools.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.avgym.platform.boundary.Database;
import org.avgym.pools.entity.PoolLease;

/**
 * Which instance drives which pool: a lease row per pool in database time (every instance reads the
 * same clock), taken only when free or expired and renewed only by its holder. A holder whose
 * renewal finds the lease gone has been fenced and must stop driving at once.
 */
@Stateless
// Single statements in autocommit on the control pool, never enlisted in a caller's transaction
// (which holds a connection of the main pool: two resources in one local transaction fail).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolLeases {

  @Resource(lookup = Database.CONTROL_JNDI_NAME)
  DataSource dataSource;

  /** Every pool's lease and the database's time in milliseconds, read together. */
  public record Snapshot(long nowMs, List<PoolLease> leases) {}

  public Snapshot read() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT name, driver, driver_until_ms, version, CURRENT_TIMESTAMP"
                    + " FROM connection_pool ORDER BY name")) {
      List<PoolLease> leases = new ArrayList<>();
      long now = 0;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          leases.add(new PoolLease(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
          now = rs.getTimestamp(5).getTime();
        }
      }
      if (leases.isEmpty()) {
        now = databaseNow(connection);
      }
      return new Snapshot(now, leases);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the pool leases", e);
    }
  }

  /** Takes a free or expired lease (or renews one's own); true when this instance holds it. */
  public boolean acquire(String pool, String instance, long nowMs, long untilMs) {
    return update(
        "UPDATE connection_pool SET driver = ?, driver_until_ms = ?"
            + " WHERE name = ? AND (driver IS NULL OR driver = ? OR driver_until_ms < ?)",
        instance,
        untilMs,
        pool,
        instance,
        nowMs);
  }

  /** Extends one's own lease; false when another instance holds it now (fenced). */
  public boolean renew(String pool, String instance, long untilMs) {
    return update(
        "UPDATE connection_pool SET driver_until_ms = ? WHERE name = ? AND driver = ?",
        null,
        untilMs,
        pool,
        instance,
        null);
  }

  /** Gives a lease up (a clean stop), so another instance takes the pool at once. */
  public void release(String pool, String instance) {
    update(
        "UPDATE connection_pool SET driver = NULL, driver_until_ms = 0 WHERE name = ? AND driver = ?",
        null,
        null,
        pool,
        instance,
        null);
  }

  private boolean update(
      String sql, String driver, Long untilMs, String pool, String instance, Long nowMs) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      int i = 1;
      if (driver != null) {
        update.setString(i++, driver);
      }
      if (untilMs != null) {
        update.setLong(i++, untilMs);
      }
      update.setString(i++, pool);
      update.setString(i++, instance);
      if (nowMs != null) {
        update.setLong(i, nowMs);
      }
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not update the lease of pool " + pool, e);
    }
  }

  private static long databaseNow(Connection connection) throws SQLException {
    try (PreparedStatement now = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
        ResultSet rs = now.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1).getTime();
    }
  }
}
