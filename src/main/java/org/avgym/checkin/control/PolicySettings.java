package org.avgym.checkin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the rule policy ({@code avgym.checkin.action.<REASON>=deny|warn}, {@code
 * avgym.checkin.repeat-window-seconds}) from MicroProfile Config once; a bad value stops the
 * deployment with the key named rather than deciding check-ins with a policy nobody chose.
 */
@ApplicationScoped
public class PolicySettings {

  private volatile CheckinRules rules;

  /** One rules instance for the application (it is immutable); dependent so it needs no proxy. */
  @Produces
  CheckinRules rules() {
    if (rules == null) {
      rules = new CheckinRules(RulePolicy.fromSettings(settings()));
    }
    return rules;
  }

  static Map<String, String> settings() {
    Config config = ConfigProvider.getConfig();
    Map<String, String> settings = new HashMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("avgym.checkin.")) {
        config.getOptionalValue(name, String.class).ifPresent(v -> settings.put(name, v));
      }
    }
    return settings;
  }
}
