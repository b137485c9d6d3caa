package org.avgym.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a burst of one failure from flooding the event log: the first failure of a kind and source
 * in a window is recorded, the others of that window only counted, and the next one recorded after
 * the window says how many came in between. A database outage that answers ten thousand check-ins
 * {@code UNAVAILABLE} is so a handful of events per device, not ten thousand. At most {@code
 * maxKeys} kinds and sources are remembered; past that all are forgotten (and the next of each is
 * recorded), so memory stays bounded whatever fails.
 */
public final class FailureDigest {

  /** Record this failure, after {@code suppressed} of its kind that were only counted. */
  public record Verdict(boolean record, long suppressed) {}

  private record Window(Instant start, long suppressed) {}

  private final Duration window;
  private final int maxKeys;
  private final Map<String, Window> windows = new HashMap<>();

  public FailureDigest(Duration window, int maxKeys) {
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException("failure window must not be negative, was " + window);
    }
    if (maxKeys < 1) {
      throw new IllegalArgumentException("failure keys must be at least 1, was " + maxKeys);
    }
    this.window = window;
    this.maxKeys = maxKeys;
  }

  public synchronized Verdict offer(String kind, String source, Instant at) {
    Inputs.required(at, "failure time");
    String key = kind + "\u0000" + source;
    Window current = windows.get(key);
    if (current != null && at.isBefore(current.start().plus(window))) {
      windows.put(key, new Window(current.start(), current.suppressed() + 1));
      return new Verdict(false, 0);
    }
    if (current == null && windows.size() >= maxKeys) {
      windows.clear();
    }
    windows.put(key, new Window(at, 0));
    return new Verdict(true, current == null ? 0 : current.suppressed());
  }
}
