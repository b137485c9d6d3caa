package org.avgym.pools.control;

import java.time.Duration;
import org.avgym.pools.entity.StateChange;

/** What a live pool reports to the container side: metrics, live events, alerts and logs. */
public interface PoolListener {

  void stateChanged(String pool, String url, StateChange change);

  void delivered(String pool);

  void acked(String pool, Duration roundTrip);

  void redelivered(String pool);

  /** An open connection of the pool closed (it is reconnected with backoff). */
  void disconnected(String pool);

  void timedOut(String pool);

  void pong(String pool, Duration roundTrip);

  /** A failed delivery was acked through another connection {@code took} after its first send. */
  void failedOver(String pool, Duration took);
}
