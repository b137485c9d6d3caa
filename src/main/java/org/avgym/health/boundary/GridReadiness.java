package org.avgym.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.avgym.platform.boundary.Grid;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while this instance is a running member of its data grid (always, for an instance that
 * works alone). An instance whose grid stopped cannot share its live stream, so HAProxy should send
 * its clients elsewhere.
 */
@Readiness
@ApplicationScoped
public class GridReadiness implements HealthCheck {

  @Inject Grid grid;

  @Override
  public HealthCheckResponse call() {
    if (!grid.present()) {
      return HealthCheckResponse.named("grid").up().withData("mode", "single instance").build();
    }
    int members = grid.members();
    var response =
        HealthCheckResponse.named("grid").status(members > 0).withData("members", members);
    grid.address().ifPresent(address -> response.withData("address", address));
    if (members == 0) {
      response.withData("error", "this instance is no longer a member of its data grid");
    }
    return response.build();
  }
}
