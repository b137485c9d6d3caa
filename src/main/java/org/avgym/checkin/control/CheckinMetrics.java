package org.avgym.checkin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.ReasonCode;
import org.avgym.platform.control.Timers;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** Check-in counters by decision and reason, decision latency, and device channel rejections. */
@ApplicationScoped
public class CheckinMetrics {

  static final Metadata CHECKINS =
      Metadata.builder()
          .withName("avgym_checkins")
          .withDescription("Recorded check-ins and check-outs by decision")
          .build();
  static final Metadata REASONS =
      Metadata.builder()
          .withName("avgym_checkin_reasons")
          .withDescription("Reasons reported with check-in decisions")
          .build();

  /** Names other features read these by (analytics' sampler). */
  public static final String DECISION_TIME_NAME = "avgym_checkin_decision";

  public static final String REJECTED_NAME = "avgym_device_frames_rejected";

  static final Metadata DECISION_TIME =
      Metadata.builder()
          .withName(DECISION_TIME_NAME)
          .withDescription("Time to decide and commit a check-in")
          .withUnit(Timers.UNIT)
          .build();
  static final Metadata REJECTED =
      Metadata.builder()
          .withName(REJECTED_NAME)
          .withDescription("Device frames answered with an error, by error code")
          .build();
  static final Metadata RATE_LIMITED =
      Metadata.builder()
          .withName("avgym_device_rate_limited")
          .withDescription("Device messages refused by the per-device rate limit")
          .build();

  @Inject MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (Decision decision : Decision.values()) {
      registry.counter(CHECKINS, new Tag("decision", decision.wire()));
    }
    registry.timer(DECISION_TIME);
    registry.counter(RATE_LIMITED);
  }

  public void recorded(Decision decision, Iterable<ReasonCode> reasons, Duration took) {
    registry.counter(CHECKINS, new Tag("decision", decision.wire())).inc();
    for (ReasonCode reason : reasons) {
      registry.counter(REASONS, new Tag("reason", reason.name())).inc();
    }
    Timer timer = registry.timer(DECISION_TIME);
    timer.update(took);
  }

  public void rejected(String code) {
    registry.counter(REJECTED, new Tag("code", code)).inc();
  }

  public void rateLimited() {
    registry.counter(RATE_LIMITED).inc();
  }
}
