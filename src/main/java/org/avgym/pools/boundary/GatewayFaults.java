package org.avgym.pools.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Faults of the simulated gateway changed at run time, per the {@code name} its clients gave: an
 * endpoint can be taken down (open sessions closed, new handshakes answered 503) and brought back,
 * or made to fail, drop or lag from now on. The URL's own knobs apply where no override is set. A
 * demo and test aid, for proving failover and recovery without restarting anything.
 */
public final class GatewayFaults {

  private static final Logger LOG = Logger.getLogger(GatewayFaults.class.getName());

  /** Overrides of one name; a null field keeps the URL's knob. */
  public record Fault(Boolean down, Double failRate, Double dropRate, Long latencyMs) {

    boolean isDown() {
      return Boolean.TRUE.equals(down);
    }
  }

  private static final Map<String, Fault> OVERRIDES = new ConcurrentHashMap<>();
  private static final Map<String, Set<Session>> SESSIONS = new ConcurrentHashMap<>();

  private GatewayFaults() {}

  /** Sets the overrides of a name, closing its open sessions when it goes down. */
  static void set(String name, Fault fault) {
    OVERRIDES.put(name, fault);
    if (fault.isDown()) {
      for (Session session : SESSIONS.getOrDefault(name, Set.of())) {
        try {
          session.close(
              new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "simulated endpoint down"));
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.FINE, "Could not close a simulated session", e);
        }
      }
    }
  }

  /** Clears every override of a name: it behaves as its URL says again. */
  static void clear(String name) {
    OVERRIDES.remove(name);
  }

  static Map<String, Fault> snapshot() {
    return new TreeMap<>(OVERRIDES);
  }

  static boolean down(String name) {
    Fault fault = OVERRIDES.get(name == null ? "" : name);
    return fault != null && fault.isDown();
  }

  /** The knobs a frame is handled with: the URL's, with the overrides of its name applied. */
  static SimulatedGateway.Knobs effective(SimulatedGateway.Knobs knobs) {
    Fault fault = OVERRIDES.get(knobs.name());
    if (fault == null) {
      return knobs;
    }
    return new SimulatedGateway.Knobs(
        knobs.name(),
        fault.latencyMs() == null ? knobs.latencyMs() : fault.latencyMs(),
        knobs.jitterMs(),
        fault.failRate() == null ? knobs.failRate() : fault.failRate(),
        fault.dropRate() == null ? knobs.dropRate() : fault.dropRate(),
        knobs.closeAfter());
  }

  static void opened(String name, Session session) {
    SESSIONS.compute(
        name,
        (n, sessions) -> {
          Set<Session> set = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
          set.add(session);
          return set;
        });
  }

  static void closed(String name, Session session) {
    SESSIONS.computeIfPresent(
        name,
        (n, sessions) -> {
          sessions.remove(session);
          return sessions.isEmpty() ? null : sessions;
        });
  }
}
