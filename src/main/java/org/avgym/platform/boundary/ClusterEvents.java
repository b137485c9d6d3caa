package org.avgym.platform.boundary;

import fish.payara.micro.cdi.Inbound;
import fish.payara.micro.cdi.Outbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.platform.entity.ClusterWide;

/**
 * Relays {@link ClusterWide} events between instances with Payara's clustered CDI events: after the
 * local commit, the event goes out over the data grid (not back to this instance), and each other
 * instance fires it again locally, so its own observers (closing sessions, evicting caches,
 * reloading rules) run everywhere. An instance without a grid relays nothing.
 */
@ApplicationScoped
public class ClusterEvents {

  private static final Logger LOG = Logger.getLogger(ClusterEvents.class.getName());

  static final String NAME = "avgym.cluster-wide";

  /** What travels: the event, wrapped so that receiving it is not taken for a local one. */
  public record Relayed(ClusterWide event) implements Serializable {}

  /** Set while an event received from another instance is fired here: it must not go out again. */
  private static final ThreadLocal<Boolean> RECEIVING = ThreadLocal.withInitial(() -> false);

  @Inject Grid grid;

  @Inject
  @Outbound(eventName = NAME, loopBack = false)
  Event<Relayed> outbound;

  @Inject Event<ClusterWide> local;

  public void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClusterWide event) {
    if (RECEIVING.get() || !grid.present()) {
      return;
    }
    try {
      outbound.fire(new Relayed(event));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not relay " + event + " to the other instances", e);
    }
  }

  public void receive(@Observes @Inbound(eventName = NAME) Relayed relayed) {
    RECEIVING.set(true);
    try {
      LOG.fine(() -> "From another instance: " + relayed.event());
      local.fire(relayed.event()); // observers are matched by the runtime type
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not apply " + relayed.event() + " from another instance", e);
    } finally {
      RECEIVING.set(false);
    }
  }
}
