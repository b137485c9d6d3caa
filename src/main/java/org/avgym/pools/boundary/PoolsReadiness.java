package org.avgym.pools.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Names the pools this instance drives and those below their panic threshold, and stays UP: a
 * downstream system that fails is no reason to take this instance out of a load balancer (its pools
 * would move to the next instance, which would then go out too). Panic is alerted and on the Pools
 * tab instead.
 */
@Readiness
@ApplicationScoped
public class PoolsReadiness implements HealthCheck {

  @Inject PoolSupervisor supervisor;

  @Override
  public HealthCheckResponse call() {
    List<String> panicking = supervisor.panicking();
    var response = HealthCheckResponse.named("pools").up();
    if (!panicking.isEmpty()) {
      response.withData("panicking", String.join(",", panicking));
    }
    List<String> driven = supervisor.drivenViews().stream().map(p -> p.name()).toList();
    return response
        .withData("pools", supervisor.knownPools())
        .withData("driven", String.join(",", driven))
        .build();
  }
}
