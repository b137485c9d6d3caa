package org.avgym.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Names the notification channels whose recent notifications all failed, and stays UP: a chat
 * service or mail server that is down is no reason to take AV Gym out of its load balancer. The
 * figures come from the sender's last look at the outbox, so the probe never waits on a query.
 */
@Readiness
@ApplicationScoped
public class NotificationsReadiness implements HealthCheck {

  @Inject NotificationDispatcher dispatcher;

  @Override
  public HealthCheckResponse call() {
    Map<String, Long> failing = dispatcher.failing();
    var response =
        HealthCheckResponse.named("notifications")
            .up()
            .withData("pending", dispatcher.backlog().pending());
    if (!failing.isEmpty()) {
      response.withData("failing", String.join(",", failing.keySet()));
    }
    return response.build();
  }
}
