package org.avgym.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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

  /** Registers every series at start-up so that dashboards see zeros, not gaps. */
  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (String outcome : new String[] {"success", "failure"}) {
      for (String channel : new String[] {"form", "basic"}) {
        registry.counter(LOGINS, new Tag("outcome", outcome), new Tag("channel", channel));
      }
    }
  }

  public void succeeded(String channel) {
    registry.counter(LOGINS, new Tag("outcome", "success"), new Tag("channel", channel)).inc();
  }

  public void failed(String channel) {
    registry.counter(LOGINS, new Tag("outcome", "failure"), new Tag("channel", channel)).inc();
  }
}
