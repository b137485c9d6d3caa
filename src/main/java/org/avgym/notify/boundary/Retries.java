package org.avgym.notify.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.avgym.notify.control.RetrySchedule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The retry schedule of notifications, from configuration (docs/configuration.md). */
@ApplicationScoped
public class Retries {

  @Inject
  @ConfigProperty(name = "avgym.notify.retry.base-ms", defaultValue = "5000")
  long baseMs;

  @Inject
  @ConfigProperty(name = "avgym.notify.retry.factor", defaultValue = "2")
  double factor;

  @Inject
  @ConfigProperty(name = "avgym.notify.retry.cap-ms", defaultValue = "600000")
  long capMs;

  @Inject
  @ConfigProperty(name = "avgym.notify.retry.max-attempts", defaultValue = "8")
  int maxAttempts;

  private RetrySchedule schedule;

  @PostConstruct
  void start() {
    schedule =
        new RetrySchedule(Duration.ofMillis(baseMs), factor, Duration.ofMillis(capMs), maxAttempts);
  }

  public RetrySchedule schedule() {
    return schedule;
  }
}
