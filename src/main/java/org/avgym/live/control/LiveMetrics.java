package org.avgym.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.avgym.live.entity.Topic;
import org.avgym.platform.control.Timers;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Live channel metrics: sessions, events per topic, batches, backlog, slow consumers, lag. */
@ApplicationScoped
public class LiveMetrics {

  static final Metadata PUBLISHED =
      Metadata.builder()
          .withName("avgym_live_events_published")
          .withDescription("Events published per topic")
          .build();
  static final Metadata PUBLISH_FAILED =
      Metadata.builder()
          .withName("avgym_live_publish_failures")
          .withDescription("Events the live stream could not take (its data grid unavailable)")
          .build();
  static final Metadata DELIVERED =
      Metadata.builder()
          .withName("avgym_live_events_delivered")
          .withDescription("Event frames delivered to live clients (one per client)")
          .build();
  static final Metadata BATCHES =
      Metadata.builder()
          .withName("avgym_live_batches")
          .withDescription("Batch frames sent")
          .build();
  static final Metadata SLOW =
      Metadata.builder()
          .withName("avgym_live_slow_consumer_closes")
          .withDescription("Live clients closed with 1013 because they could not keep up")
          .build();

  /** Names other features read these by (analytics' sampler). */
  public static final String LAG_NAME = "avgym_live_delivery_lag";

  public static final String SESSIONS_NAME = "avgym_live_sessions";

  static final Metadata LAG =
      Metadata.builder()
          .withName(LAG_NAME)
          .withDescription("Time from commit (publication) to the send that completed, per frame")
          .withUnit(Timers.UNIT)
          .build();

  @Inject MetricRegistry registry;

  public void register(Supplier<Integer> sessions, Supplier<Long> largestBacklog) {
    registry.gauge(
        Metadata.builder().withName(SESSIONS_NAME).withDescription("Open live sessions").build(),
        sessions);
    registry.gauge(
        Metadata.builder()
            .withName("avgym_live_largest_backlog")
            .withDescription("The largest number of events waiting for one live client")
            .build(),
        largestBacklog);
    for (Topic topic : Topic.values()) {
      registry.counter(PUBLISHED, tag(topic));
      registry.counter(PUBLISH_FAILED, tag(topic));
    }
    registry.counter(BATCHES);
    registry.counter(SLOW);
    registry.timer(LAG);
  }

  /** The grid stream's own counts (instances with a data grid only). */
  public void registerGrid(GridEventStream grid) {
    registry.gauge(
        Metadata.builder()
            .withName("avgym_live_grid_read_failures")
            .withDescription("Reads of the grid's live stream that failed (each retried)")
            .build(),
        grid::readFailures);
    registry.gauge(
        Metadata.builder()
            .withName("avgym_live_epoch_changes")
            .withDescription(
                "Times the grid had lost live history and the stream went on under a new epoch")
            .build(),
        grid::epochChanges);
  }

  public void published(Topic topic) {
    registry.counter(PUBLISHED, tag(topic)).inc();
  }

  public void publishFailed(Topic topic) {
    registry.counter(PUBLISH_FAILED, tag(topic)).inc();
  }

  public void sent(int events, Duration lag) {
    registry.counter(DELIVERED).inc(events);
    if (events > 1) {
      registry.counter(BATCHES).inc();
    }
    registry.timer(LAG).update(lag);
  }

  /** A live session ended, for {@code reason} (see LiveEndpoint.disconnectReason). */
  public void disconnected(String reason) {
    registry
        .counter(
            Metadata.builder()
                .withName("avgym_live_disconnects")
                .withDescription(
                    "Live sessions closed, by reason: what the server closed them for (e.g."
                        + " no_heartbeat, cannot_keep_up, revoked, too_big), client or abnormal")
                .build(),
            new Tag("reason", reason))
        .inc();
  }

  public void slowConsumerClosed() {
    registry.counter(SLOW).inc();
  }

  private static Tag tag(Topic topic) {
    return new Tag("topic", topic.wire());
  }
}
