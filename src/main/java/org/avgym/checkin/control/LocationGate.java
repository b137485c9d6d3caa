package org.avgym.checkin.control;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code perLocation} check-ins of one location in their transaction at once on this
 * instance; the others wait here, in memory, in arrival order. Each check-in locks its location's
 * row until it commits, so more of them at once only wait in the database, each holding a pooled
 * connection while it waits: a busy club could hold every connection of the instance and starve
 * everything else (other clubs, the API, the pools). Waiting here holds nothing.
 */
public final class LocationGate {

  /** A check-in that waited longer than the gate's limit: nothing was recorded. */
  public static final class Busy extends RuntimeException {
    public Busy(long locationId, Duration waited) {
      super(
          "check-ins at location "
              + locationId
              + " queued for more than "
              + waited.toMillis()
              + " ms; nothing was recorded",
          null,
          false,
          false);
    }
  }

  private final int perLocation;
  private final Duration maxWait;
  private final ConcurrentHashMap<Long, Semaphore> gates = new ConcurrentHashMap<>();

  public LocationGate(int perLocation, Duration maxWait) {
    if (perLocation < 1) {
      throw new IllegalArgumentException("perLocation must be at least 1: " + perLocation);
    }
    this.perLocation = perLocation;
    this.maxWait = maxWait;
  }

  /** Runs {@code work} once the location has room; throws {@link Busy} after the wait limit. */
  public <T> T through(long locationId, Supplier<T> work) {
    Semaphore gate = gates.computeIfAbsent(locationId, id -> new Semaphore(perLocation, true));
    boolean entered;
    try {
      entered = gate.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy(locationId, maxWait);
    }
    if (!entered) {
      throw new Busy(locationId, maxWait);
    }
    try {
      return work.get();
    } finally {
      gate.release();
    }
  }

  /** Check-ins waiting at every gate now (an estimate, for the metric). */
  public int waiting() {
    return gates.values().stream().mapToInt(Semaphore::getQueueLength).sum();
  }
}
