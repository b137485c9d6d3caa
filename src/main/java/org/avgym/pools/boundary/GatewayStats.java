package org.avgym.pools.boundary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory counts of the simulated gateway, per the {@code name} its client gave in the URL:
 * frames received, acked, failed, dropped, and duplicates among the most recent ids acked (a
 * redelivery follows its first delivery closely). Shown only through the pool API, for demos and
 * ITs.
 */
public final class GatewayStats {

  /**
   * Recent ids remembered per name, to count duplicates. It was 100,000 distinct ids per name for
   * ever: with the demo's five endpoints, half a million ids and some 55 MB of heap after an hour
   * of the soak, all of it demo bookkeeping.
   */
  static final int RECENT_IDS = 10_000;

  public record Counts(
      long open, long received, long acked, long failed, long dropped, long duplicates) {}

  private static final class Tally {
    final AtomicLong open = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    private final Set<String> recent =
        Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, false) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RECENT_IDS;
              }
            });

    /** Whether {@code id} was not among the recent ids; remembers it. */
    synchronized boolean firstRecent(String id) {
      return recent.add(id);
    }
  }

  private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();

  private GatewayStats() {}

  private static Tally of(String name) {
    return TALLIES.computeIfAbsent(name == null ? "" : name, n -> new Tally());
  }

  static void opened(String name) {
    of(name).open.incrementAndGet();
  }

  static void closed(String name) {
    of(name).open.decrementAndGet();
  }

  static void received(String name) {
    of(name).received.incrementAndGet();
  }

  static void acked(String name, String id) {
    Tally tally = of(name);
    tally.acked.incrementAndGet();
    if (!tally.firstRecent(id)) {
      tally.duplicates.incrementAndGet();
    }
  }

  static void failed(String name) {
    of(name).failed.incrementAndGet();
  }

  static void dropped(String name) {
    of(name).dropped.incrementAndGet();
  }

  static Map<String, Counts> snapshot() {
    Map<String, Counts> snapshot = new TreeMap<>();
    TALLIES.forEach(
        (name, t) ->
            snapshot.put(
                name,
                new Counts(
                    t.open.get(),
                    t.received.get(),
                    t.acked.get(),
                    t.failed.get(),
                    t.dropped.get(),
                    t.duplicates.get())));
    return snapshot;
  }
}
