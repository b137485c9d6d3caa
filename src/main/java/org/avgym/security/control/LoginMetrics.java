package org.avgym.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts logins by outcome and channel (form login page, HTTP Basic or an API token on the API),
 * and requests refused by a token's scopes.
 */
@ApplicationScoped
public class LoginMetrics {

  private static final Metadata LOGINS =
      Metadata.builder()
          .withName("avgym_logins")
          .withDescription("Staff authentication attempts by outcome and channel")
          .build();

  private static final Metadata THROTTLED =
      Metadata.builder()
          .withName("avgym_login_throttled")
          .withDescription(
              "Login attempts refused without a password check: too many failures for the user"
                  + " name or the address, or the password checks are all busy")
          .build();

  private static final Metadata LOCKOUTS =
      Metadata.builder()
          .withName("avgym_login_lockouts")
          .withDescription("User names or client addresses locked after too many failed logins")
          .build();

  private static final Metadata SCOPE_REFUSALS =
      Metadata.builder()
          .withName("avgym_token_scope_refusals")
          .withDescription(
              "API requests and live subscriptions refused because the token's scopes do not"
                  + " allow them")
          .build();

  @Inject MetricRegistry registry;

  /** Registers every series at start-up so that dashboards see zeros, not gaps. */
  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (String outcome : new String[] {"success", "failure"}) {
      for (String channel : new String[] {"form", "basic", "token"}) {
        registry.counter(LOGINS, new Tag("outcome", outcome), new Tag("channel", channel));
      }
    }
    for (String channel : new String[] {"form", "basic", "token"}) {
      for (String reason : new String[] {"failures", "busy"}) {
        registry.counter(THROTTLED, new Tag("channel", channel), new Tag("reason", reason));
      }
    }
    for (String kind : new String[] {"user", "address"}) {
      registry.counter(LOCKOUTS, new Tag("kind", kind));
    }
    registry.counter(SCOPE_REFUSALS);
  }

  public void scopeRefused() {
    registry.counter(SCOPE_REFUSALS).inc();
  }

  /** A login refused without a password check: too many failures for the name or address. */
  public void throttled(String channel) {
    registry.counter(THROTTLED, new Tag("channel", channel), new Tag("reason", "failures")).inc();
  }

  /** A login refused because every password check was busy. */
  public void busy(String channel) {
    registry.counter(THROTTLED, new Tag("channel", channel), new Tag("reason", "busy")).inc();
  }

  public void locked(String kind) {
    registry.counter(LOCKOUTS, new Tag("kind", kind)).inc();
  }

  public void succeeded(String channel) {
    registry.counter(LOGINS, new Tag("outcome", "success"), new Tag("channel", channel)).inc();
  }

  public void failed(String channel) {
    registry.counter(LOGINS, new Tag("outcome", "failure"), new Tag("channel", channel)).inc();
  }
}
