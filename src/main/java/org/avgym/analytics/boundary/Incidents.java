package org.avgym.analytics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.avgym.analytics.control.IncidentWindow;
import org.avgym.platform.entity.ServerError;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.PoolConnectionChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts this instance's incidents over the incident window for the sampler: requests answered 500
 * and, per pool, connections whose reconnects ran out. The sampler turns them into the {@code
 * serverErrors} and {@code poolConnectionsFailed} metrics, on which the built-in rules alert.
 */
@ApplicationScoped
public class Incidents {

  /** Enough to saturate any sensible alert; memory stays a few kilobytes per pool. */
  static final int CAPACITY = 1_000;

  @Inject
  @ConfigProperty(name = "avgym.analytics.incident-window-seconds", defaultValue = "300")
  long windowSeconds;

  private volatile IncidentWindow serverErrors;
  private final Map<String, IncidentWindow> poolFailures = new ConcurrentHashMap<>();

  public void onServerError(@Observes ServerError error) {
    serverErrors().add(error.at());
  }

  public void onPoolConnection(@Observes PoolConnectionChanged change) {
    if (change.to() == ConnectionState.FAILED && change.from() != ConnectionState.FAILED) {
      poolFailures.computeIfAbsent(change.pool(), p -> window()).add(Instant.now());
    }
  }

  public int serverErrors(Instant now) {
    return serverErrors().count(now);
  }

  /** Connections of {@code pool} that failed within the window. */
  public int poolFailures(String pool, Instant now) {
    IncidentWindow failures = poolFailures.get(pool);
    return failures == null ? 0 : failures.count(now);
  }

  /** Forgets pools without failures in the window (a deleted pool's entry goes this way). */
  public void forgetQuiet(Instant now) {
    poolFailures.values().removeIf(w -> w.count(now) == 0);
  }

  private IncidentWindow serverErrors() {
    IncidentWindow window = serverErrors;
    if (window == null) {
      synchronized (this) {
        if (serverErrors == null) {
          serverErrors = window();
        }
        window = serverErrors;
      }
    }
    return window;
  }

  private IncidentWindow window() {
    return new IncidentWindow(Duration.ofSeconds(windowSeconds), CAPACITY);
  }
}
