package org.avgym.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts logins by outcome and channel (form login page or HTTP Basic on the API). */
@ApplicationScoped
public class LoginMetrics {

  private static final Metadata LOGINS =
      Metadata.builder()
          .withName("avgym_logins")
          .withDescription("Staff authentication attempts by outcome and channel")
          .build();

  @Inject MetricRegistry registry;

  public void succeeded(String channel) {
    registry.counter(LOGINS, new Tag("outcome", "success"), new Tag("channel", channel)).inc();
  }

  public void failed(String channel) {
    registry.counter(LOGINS, new Tag("outcome", "failure"), new Tag("channel", channel)).inc();
  }
}
