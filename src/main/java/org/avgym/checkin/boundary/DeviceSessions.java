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
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.avgym.devices.entity.DeviceRevoked;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The open device sessions: server heartbeats (a WebSocket ping every heartbeat period; a session
 * that answered none for two periods is closed), and closing a device's sessions when it is
 * disabled or its token rotated.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeviceSessions {

  private static final Logger LOG = Logger.getLogger(DeviceSessions.class.getName());
  static final String LAST_PONG = "avgym.lastPong";

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "avgym.devices.heartbeat-seconds", defaultValue = "25")
  int heartbeatSeconds;

  private final Map<Long, Set<Session>> byDevice = new ConcurrentHashMap<>();
  private ScheduledFuture<?> heartbeat;

  @PostConstruct
  void start() {
    metrics.gauge(
        Metadata.builder()
            .withName("avgym_device_sessions")
            .withDescription("Open device sessions")
            .build(),
        this::count);
    heartbeat =
        scheduler.scheduleAtFixedRate(
            this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
  }

  public int heartbeatSeconds() {
    return heartbeatSeconds;
  }

  public void opened(long deviceId, Session session) {
    session.getUserProperties().put(LAST_PONG, System.nanoTime());
    byDevice.computeIfAbsent(deviceId, id -> ConcurrentHashMap.newKeySet()).add(session);
  }

  public void closed(long deviceId, Session session) {
    Set<Session> sessions = byDevice.get(deviceId);
    if (sessions != null) {
      sessions.remove(session);
      if (sessions.isEmpty()) {
        byDevice.remove(deviceId, sessions);
      }
    }
  }

  public void ponged(Session session) {
    session.getUserProperties().put(LAST_PONG, System.nanoTime());
  }

  public int count() {
    return byDevice.values().stream().mapToInt(Set::size).sum();
  }

  public boolean online(long deviceId) {
    Set<Session> sessions = byDevice.get(deviceId);
    return sessions != null && !sessions.isEmpty();
  }

  public void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceRevoked revoked) {
    Set<Session> sessions = byDevice.getOrDefault(revoked.deviceId(), Set.of());
    for (Session session : Set.copyOf(sessions)) {
      LOG.info(() -> "Closing the session of device " + revoked.code() + ": " + revoked.why());
      close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "revoked"));
    }
  }

  private void beat() {
    long silentLimit = TimeUnit.SECONDS.toNanos(2L * heartbeatSeconds);
    long now = System.nanoTime();
    for (Set<Session> sessions : byDevice.values()) {
      for (Session session : sessions) {
        Object last = session.getUserProperties().get(LAST_PONG);
        if (last instanceof Long pong && now - pong > silentLimit) {
          close(session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no heartbeat"));
          continue;
        }
        try {
          session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | IllegalStateException e) {
          close(session, new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "ping failed"));
        }
      }
    }
  }

  private static void close(Session session, CloseReason reason) {
    try {
      if (session.isOpen()) {
        session.close(reason);
      }
    } catch (IOException | IllegalStateException e) {
      LOG.fine(() -> "Closing a device session failed: " + e.getMessage());
    }
  }
}
