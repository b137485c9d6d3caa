package org.avgym.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.avgym.notify.entity.DeliveryState;
import org.avgym.notify.entity.DeliveryView;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The "Send test" of a channel, for the API and the admin page: queues a test notification through
 * the outbox (so it goes the way alerts go, signed and from whichever instance claims it), wakes
 * the sender, and waits a little for the outcome. No transaction is held while waiting.
 */
@ApplicationScoped
public class NotificationTests {

  static final Duration POLL = Duration.ofMillis(100);

  @Inject NotificationChannels channels;
  @Inject NotificationOutbox outbox;
  @Inject NotificationDispatcher dispatcher;

  @Inject
  @ConfigProperty(name = "avgym.notify.test-wait-ms", defaultValue = "15000")
  long waitMs;

  /** The test notification as it stands when sent, or PENDING if the wait ran out first. */
  public DeliveryView send(long channel, String user) {
    DeliveryView queued = channels.test(channel, user);
    dispatcher.kick();
    long deadline = System.nanoTime() + Duration.ofMillis(waitMs).toNanos();
    DeliveryView now = queued;
    while (now.state() == DeliveryState.PENDING && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return now;
      }
      now = outbox.delivery(queued.id()).orElse(now);
    }
    return now;
  }
}
