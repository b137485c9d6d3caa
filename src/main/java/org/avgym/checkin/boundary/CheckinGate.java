package org.avgym.checkin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.avgym.checkin.control.LocationGate;
import org.avgym.checkin.entity.CheckinRequest;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.platform.entity.Failure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The doors' way to the desk: at most {@code avgym.checkin.location-concurrency} check-ins of one
 * location in their transaction at once on this instance ({@link LocationGate}); one that waits
 * longer than {@code avgym.checkin.location-wait-ms} is answered {@code UNAVAILABLE}, with nothing
 * recorded, and the device retries it with the same id. Each such answer, to a device, the API or
 * the desk, is reported as a {@link Failure} for the ERROR events.
 */
@ApplicationScoped
public class CheckinGate {

  static final Metadata WAITING =
      Metadata.builder()
          .withName("avgym_checkin_gate_waiting")
          .withDescription("Check-ins waiting for their location's turn on this instance")
          .build();
  static final Metadata TIMEOUTS =
      Metadata.builder()
          .withName("avgym_checkin_gate_timeouts")
          .withDescription(
              "Check-ins answered UNAVAILABLE after waiting too long for their location")
          .build();

  @Inject CheckinDesk desk;
  @Inject Event<Failure> failures;
  @Inject MetricRegistry registry;

  @Inject
  @ConfigProperty(name = "avgym.checkin.location-concurrency")
  int perLocation;

  @Inject
  @ConfigProperty(name = "avgym.checkin.location-wait-ms")
  long waitMs;

  private LocationGate gate;

  /**
   * Created with the application, so that a wrong setting stops the deployment with its name rather
   * than failing the first check-in.
   */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
    gate.waiting();
  }

  @PostConstruct
  void start() {
    if (perLocation < 1) {
      throw new IllegalStateException(
          "avgym.checkin.location-concurrency must be at least 1, not " + perLocation);
    }
    if (waitMs < 0) {
      throw new IllegalStateException(
          "avgym.checkin.location-wait-ms must be 0 or more, not " + waitMs);
    }
    gate = new LocationGate(perLocation, Duration.ofMillis(waitMs));
    Supplier<Integer> waiting = gate::waiting;
    registry.gauge(WAITING, waiting);
    registry.counter(TIMEOUTS);
  }

  public CheckinResult decide(CheckinRequest request) {
    try {
      return gate.through(request.locationId(), () -> desk.decide(request));
    } catch (LocationGate.Busy busy) {
      registry.counter(TIMEOUTS).inc();
      failures.fire(
          new Failure(
              Failure.CHECKIN_UNAVAILABLE,
              request.source(),
              "check-in " + request.requestId() + ": the club's check-ins are queued"));
      throw busy;
    }
  }
}
