package org.avgym.pools.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.avgym.platform.boundary.AppExecutors;

/**
 * When the simulated gateway answers a delayed frame: on the managed scheduler, so that a lagging
 * simulated endpoint holds no container thread while it waits.
 */
@ApplicationScoped
public class GatewayClock {

  @Resource(lookup = AppExecutors.SCHEDULED)
  ManagedScheduledExecutorService scheduler;

  void after(long nanos, Runnable answer) {
    scheduler.schedule(answer, nanos, TimeUnit.NANOSECONDS);
  }
}
