package org.avgym.analytics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts what analytics could not do, so a failure is visible on /metrics and never breaks the
 * caller: {@code stage} is where it failed (track, persist-events, sample, rollup, alert, ...).
 */
@ApplicationScoped
public class AnalyticsMetrics {

  static final Metadata FAILURES =
      Metadata.builder()
          .withName("avgym_analytics_failures")
          .withDescription("Analytics operations that failed, by stage; the product went on")
          .build();
  static final Metadata DROPPED =
      Metadata.builder()
          .withName("avgym_analytics_events_dropped")
          .withDescription("Events not persisted because the write queue was full")
          .build();
  static final Metadata PERSISTED =
      Metadata.builder()
          .withName("avgym_analytics_events_persisted")
          .withDescription("Events written to the database")
          .build();

  static final Metadata FAILURES_BY_KIND =
      Metadata.builder()
          .withName("avgym_failures")
          .withDescription(
              "Failures no request answered with 500, by kind: checkin.unavailable,"
                  + " websocket.error, timer.failed")
          .build();

  @Inject MetricRegistry registry;

  public void failure(String kind) {
    registry.counter(FAILURES_BY_KIND, new Tag("kind", kind)).inc();
  }

  public void failed(String stage) {
    registry.counter(FAILURES, new Tag("stage", stage)).inc();
  }

  public void dropped(long events) {
    registry.counter(DROPPED).inc(events);
  }

  public void persisted(long events) {
    registry.counter(PERSISTED).inc(events);
  }
}
