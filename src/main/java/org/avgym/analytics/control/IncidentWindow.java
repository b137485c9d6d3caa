package org.avgym.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many incidents (a request answered 500, a pool connection whose reconnects ran out) happened
 * within a trailing window. An alert on this count fires at the first incident and resolves only
 * once the window has passed without one, so a burst or a flapping connection is one alert, not one
 * per incident. At most {@code capacity} times are kept: past that the count saturates, which still
 * fires the alert, and memory stays bounded however bad the burst.
 */
public final class IncidentWindow {

  private final Duration window;
  private final int capacity;
  private final Deque<Instant> times = new ArrayDeque<>();

  public IncidentWindow(Duration window, int capacity) {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("incident window must be positive, was " + window);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("incident capacity must be at least 1, was " + capacity);
    }
    this.window = window;
    this.capacity = capacity;
  }

  public synchronized void add(Instant at) {
    Inputs.required(at, "incident time");
    times.addLast(at);
    while (times.size() > capacity) {
      times.removeFirst();
    }
  }

  /** Incidents after {@code now} minus the window (at most the capacity). */
  public synchronized int count(Instant now) {
    Instant from = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
      times.removeFirst();
    }
    return times.size();
  }
}
