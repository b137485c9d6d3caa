package org.avgym.pools.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.avgym.checkin.entity.CheckinRecorded;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.OccupancyChanged;
import org.avgym.live.entity.Publication;
import org.avgym.live.entity.Topic;
import org.avgym.platform.boundary.Database;
import org.avgym.pools.entity.OutboxRow;
import org.avgym.pools.entity.OutboxStats;

/**
 * The pools' durable outbox (PROTOCOL.md §3): every event a pool carries becomes a row in the
 * transaction that commits the event, so what is committed reaches the pool's endpoints whatever
 * instance dies. Rows leave when the endpoint acknowledged them. A pool whose outbox reached its
 * limit is marked full by its driver; writers then count the refusal instead of adding to it.
 */
@Stateless
public class Outbox {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  /** Figures and marks the supervisor needs on time, whatever check-ins hold (Database). */
  @Resource(lookup = Database.CONTROL_JNDI_NAME)
  DataSource control;

  @Inject PoolSupervisor supervisor;

  /** In the check-in's transaction: the check-in and, when it moved occupancy, the occupancy. */
  public void onCheckin(@Observes CheckinRecorded event) {
    write(Topic.CHECKINS.wire(), event.data());
    CheckinResult result = event.result();
    if (result.decision() != Decision.DENIED) {
      write(Topic.OCCUPANCY.wire(), OccupancyChanged.of(result).data());
    }
  }

  /** In the transaction that closed visits after the longest stay: their new occupancy. */
  public void onOccupancy(@Observes OccupancyChanged occupancy) {
    write(Topic.OCCUPANCY.wire(), occupancy.data());
  }

  /**
   * In the publishing transaction, or in one of its own when published outside any. A failure is
   * logged and counted, never passed on: the live channel's observer of the same publication must
   * still run (publications are notices about something already decided).
   */
  public void onPublication(@Observes Publication publication) {
    try {
      write(publication.topic().wire(), publication.dataJson());
    } catch (RuntimeException e) {
      supervisor.writeFailed(publication.topic().wire(), e);
    }
  }

  /** Adds the event for every pool that carries its topic; returns how many pools took it. */
  public int write(String topic, String data) {
    try (Connection connection = dataSource.getConnection()) {
      List<String> carrying = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT name, outbox_full FROM connection_pool"
                  + " WHERE (',' || topics || ',') LIKE ?")) {
        select.setString(1, "%," + topic + ",%");
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            if (rs.getBoolean(2)) {
              supervisor.overflowed(rs.getString(1));
            } else {
              carrying.add(rs.getString(1));
            }
          }
        }
      }
      insert(connection, carrying, topic, data);
      return carrying.size();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the pool outbox", e);
    }
  }

  /**
   * Adds test deliveries to one pool up to its outbox limit, counting the rest as refused; -1 when
   * there is no such pool.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int test(String pool, List<String> data) {
    try (Connection connection = dataSource.getConnection()) {
      int room;
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT p.outbox_limit - (SELECT COUNT(*) FROM pool_outbox o WHERE o.pool = p.name)"
                  + " FROM connection_pool p WHERE p.name = ?")) {
        select.setString(1, pool);
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            return -1;
          }
          room = Math.max(0, rs.getInt(1));
        }
      }
      int accepted = Math.min(room, data.size());
      for (String one : data.subList(0, accepted)) {
        insert(connection, List.of(pool), PoolSupervisor.TEST_TOPIC, one);
      }
      for (int i = accepted; i < data.size(); i++) {
        supervisor.overflowed(pool);
      }
      return accepted;
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the pool outbox", e);
    }
  }

  private static void insert(Connection connection, List<String> pools, String topic, String data)
      throws SQLException {
    if (pools.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO pool_outbox (pool, topic, data) VALUES (?, ?, ?)")) {
      for (String pool : pools) {
        insert.setString(1, pool);
        insert.setString(2, topic);
        insert.setString(3, data);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The next rows of a pool after {@code afterId}, oldest first. */
  public List<OutboxRow> after(String pool, long afterId, int max) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, topic, data FROM pool_outbox WHERE pool = ? AND id > ?"
                    + " ORDER BY id LIMIT ?")) {
      select.setString(1, pool);
      select.setLong(2, afterId);
      select.setInt(3, max);
      List<OutboxRow> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the outbox of pool " + pool, e);
    }
  }

  /** Removes acknowledged deliveries. */
  public void delete(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM pool_outbox WHERE id = ?")) {
      for (long id : ids) {
        delete.setLong(1, id);
        delete.addBatch();
      }
      delete.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not remove acknowledged deliveries", e);
    }
  }

  /** Every pool's outbox depth and the age of its oldest row, in database time. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the control pool, autocommit
  public Map<String, OutboxStats> stats() {
    try (Connection connection = control.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT pool, COUNT(*), MIN(created_at), CURRENT_TIMESTAMP FROM pool_outbox"
                    + " GROUP BY pool")) {
      Map<String, OutboxStats> stats = new HashMap<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Instant oldest = rs.getTimestamp(3).toInstant();
          Instant now = rs.getTimestamp(4).toInstant();
          double age = Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
          stats.put(rs.getString(1), new OutboxStats(rs.getInt(2), age));
        }
      }
      return stats;
    } catch (SQLException e) {
      throw new IllegalStateException("could not measure the pool outboxes", e);
    }
  }

  /** Marks a pool's outbox full (writers refuse) or not. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the control pool, autocommit
  public void full(String pool, boolean full) {
    try (Connection connection = control.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE connection_pool SET outbox_full = ? WHERE name = ? AND outbox_full <> ?")) {
      update.setBoolean(1, full);
      update.setString(2, pool);
      update.setBoolean(3, full);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not mark the outbox of pool " + pool, e);
    }
  }
}
