package org.avgym.live.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.avgym.devices.entity.DeviceRevoked;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.security.entity.StaffAccessChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who holds which live session (PROTOCOL.md §2): a staff user or a device (signage). Bounds the
 * sessions one of them may hold at once, and closes their sessions with 1008 when the user is
 * disabled, demoted or given a new password, or the device is disabled or its token rotated.
 */
@ApplicationScoped
public class LiveSessions {

  private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

  /** The holder of a live session: a staff user by name, or a device by id. */
  public record Owner(String name, Long deviceId) {
    static Owner staff(String name) {
      return new Owner(name, null);
    }

    static Owner device(String code, long id) {
      return new Owner(code, id);
    }

    boolean isDevice() {
      return deviceId != null;
    }

    String key() {
      return isDevice() ? "device:" + deviceId : "staff:" + name.toLowerCase(Locale.ROOT);
    }
  }

  private record Held(Session session, Owner owner) {}

  @Resource(lookup = AppExecutors.WORK)
  ManagedExecutorService closer;

  @Inject
  @ConfigProperty(name = "avgym.live.max-sessions-per-user", defaultValue = "20")
  int maxPerOwner;

  private final Map<String, Held> sessions = new ConcurrentHashMap<>();

  /** Records the session; false (and nothing recorded) when its owner already holds the most. */
  public synchronized boolean admit(Session session, Owner owner) {
    long held = sessions.values().stream().filter(h -> h.owner().key().equals(owner.key())).count();
    if (held >= maxPerOwner) {
      return false;
    }
    sessions.put(session.getId(), new Held(session, owner));
    return true;
  }

  public void remove(Session session) {
    sessions.remove(session.getId());
  }

  void staffChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffAccessChanged change) {
    closeWhere(
        o -> !o.isDevice() && o.name().equalsIgnoreCase(change.username()),
        "access changed",
        change.why());
  }

  void deviceRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceRevoked revoked) {
    closeWhere(o -> o.isDevice() && o.deviceId() == revoked.deviceId(), "revoked", revoked.why());
  }

  private void closeWhere(Predicate<Owner> whose, String reason, String why) {
    for (Held held : sessions.values()) {
      if (whose.test(held.owner())) {
        sessions.remove(held.session().getId());
        LOG.info(() -> "Closing the live session of " + held.owner().name() + ": " + why);
        // A client that stopped reading can block a close: never on the committing thread.
        closer.execute(() -> close(held.session(), reason));
      }
    }
  }

  private static void close(Session session, String reason) {
    LiveEndpoint.closing(session, reason);
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
      }
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "Could not close a live session: " + e.getMessage());
    }
  }
}
