package org.avgym.pools.boundary;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory counts of the simulated gateway, per the {@code name} its client gave in the URL:
 * frames received, acked, failed, dropped, and the distinct ids acked (bounded). Shown only through
 * the pool API, for demos and ITs.
 */
public final class GatewayStats {

  /** Distinct ids remembered per name; beyond it, {@code duplicates} is no longer exact. */
  static final int MAX_IDS = 100_000;

  public record Counts(
      long open, long received, long acked, long failed, long dropped, long duplicates) {}

  private static final class Tally {
    final AtomicLong open = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final Set<String> ids = ConcurrentHashMap.newKeySet();
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
    if (tally.ids.size() < MAX_IDS && !tally.ids.add(id)) {
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
