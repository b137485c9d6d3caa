package org.avgym.platform.entity;

import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Something failed that no request answered with 500, fired for analytics' ERROR events: a check-in
 * answered {@code UNAVAILABLE}, an error on a WebSocket session, a timed task's run. {@code kind}
 * is the event type ({@code checkin.unavailable}, {@code websocket.error}, {@code timer.failed}),
 * {@code source} who or what met it (a device, an endpoint, a timer), {@code detail} a line for
 * people, never a stack trace.
 */
public record Failure(String kind, String source, String detail) {

  public static final String CHECKIN_UNAVAILABLE = "checkin.unavailable";
  public static final String WEBSOCKET_ERROR = "websocket.error";
  public static final String TIMER_FAILED = "timer.failed";

  /** The exception's class and message, as a detail line. */
  public static String describe(Throwable error) {
    if (error == null) {
      return "";
    }
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /**
   * Fires the event from places CDI does not inject into (WebSocket endpoints' error paths, timed
   * tasks); never throws, as the caller is already handling a failure.
   */
  public static void report(String kind, String source, String detail) {
    try {
      CDI.current()
          .getBeanManager()
          .getEvent()
          .select(Failure.class)
          .fire(new Failure(kind, source, detail));
    } catch (RuntimeException e) {
      Logger.getLogger(Failure.class.getName())
          .log(Level.FINE, "Could not report a " + kind + " to analytics", e);
    }
  }
}
