package org.avgym.pools.control;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.platform.control.TyrusTimers;

/**
 * The one WebSocket client container of every pool, tuned for many long-lived connections. Two
 * Tyrus (Payara's JSR-356 implementation) settings that the standard API cannot reach, each
 * measured with 1,000 health-checked connections (docs/benchmarks.md):
 *
 * <ul>
 *   <li><b>One shared transport.</b> By default Tyrus opens a Grizzly transport per connection,
 *       with a selector thread and two workers each: 3,000 threads for 1,000 connections.
 *   <li><b>Tyrus' own scheduler for idle timers.</b> Tyrus re-arms a per-session idle timer on
 *       every frame sent or received; on Payara's managed scheduler each re-arm captures context
 *       with a ServiceLoader scan of the WAR's jars, which was most of the CPU of health checks.
 *       Tyrus uses a scheduler of its own when it found no managed one, so the container forgets
 *       it.
 * </ul>
 *
 * If a Tyrus version lays either out differently, pools still work, at the old cost, and a line in
 * the log says so. Deliveries, health checks and reconnects stay on the managed executor.
 */
public final class ClientContainer {

  private static final Logger LOG = Logger.getLogger(ClientContainer.class.getName());

  /** Tyrus' ClientProperties.SHARED_CONTAINER. */
  static final String SHARED_CONTAINER = "org.glassfish.tyrus.client.sharedContainer";

  private ClientContainer() {}

  public static WebSocketContainer create() {
    WebSocketContainer container = ContainerProvider.getWebSocketContainer();
    shareTransport(container);
    ownIdleTimers(container);
    return container;
  }

  @SuppressWarnings("unchecked")
  private static void shareTransport(WebSocketContainer container) {
    try {
      Object properties = container.getClass().getMethod("getProperties").invoke(container);
      ((Map<String, Object>) properties).put(SHARED_CONTAINER, Boolean.TRUE);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.INFO, "Pool connections get a transport each (no shared Tyrus container)", e);
    }
  }

  private static void ownIdleTimers(WebSocketContainer container) {
    TyrusTimers.unmanage(container, "avgym-ws-client-timers");
  }
}
