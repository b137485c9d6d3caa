package org.avgym.pools.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.avgym.analytics.control.PoolHealthSource;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.PoolView;

/**
 * Reports the health of each pool this instance drives to the analytics sampler: the mean score of
 * its connections, 0 when it has none connected, so a dead pool shows as 0 rather than vanishing
 * from the series; and how many of its connections have failed (reconnects ran out).
 */
@ApplicationScoped
public class PoolHealthReport implements PoolHealthSource {

  @Inject PoolSupervisor supervisor;

  @Override
  public Map<String, Double> poolHealth() {
    Map<String, Double> health = new LinkedHashMap<>();
    for (PoolView pool : supervisor.drivenViews()) {
      health.put(pool.name(), (double) pool.health());
    }
    return health;
  }

  @Override
  public Map<String, Integer> failedConnections() {
    Map<String, Integer> failed = new LinkedHashMap<>();
    String state = ConnectionState.FAILED.name().toLowerCase(Locale.ROOT);
    for (PoolView pool : supervisor.drivenViews()) {
      failed.put(pool.name(), pool.states().getOrDefault(state, 0));
    }
    return failed;
  }
}
