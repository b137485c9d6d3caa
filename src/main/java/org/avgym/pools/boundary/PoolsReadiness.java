package org.avgym.pools.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while any pool is below its panic threshold; the pools are named in {@code data}. */
@Readiness
@ApplicationScoped
public class PoolsReadiness implements HealthCheck {

  @Inject PoolSupervisor supervisor;

  @Override
  public HealthCheckResponse call() {
    List<String> panicking = supervisor.panicking();
    var response = HealthCheckResponse.named("pools").status(panicking.isEmpty());
    if (!panicking.isEmpty()) {
      response.withData("pool", String.join(",", panicking));
    }
    return response.withData("pools", supervisor.views().size()).build();
  }
}
