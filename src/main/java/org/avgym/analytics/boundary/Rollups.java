package org.avgym.analytics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.analytics.control.AnalyticsMetrics;
import org.avgym.analytics.control.CatchUp;
import org.avgym.analytics.entity.Period;
import org.avgym.platform.entity.Failure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The roll-up timers: every few minutes each instance tries the period's lock row; the one that
 * wins rolls up every complete period since the last completed one (catching up after downtime),
 * each in its own transaction, and records it as completed. The others skip. A period counts as
 * complete once it ended {@code avgym.analytics.rollup.settle-seconds} ago.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Rollups {

  private static final Logger LOG = Logger.getLogger(Rollups.class.getName());

  /** What a run did: whether this instance ran it, how many periods and rows, who held the lock. */
  public record Outcome(boolean ran, int periods, int rows, String lockedBy) {}

  @Inject SchedulerLock lock;
  @Inject RollupRunner runner;
  @Inject AnalyticsMetrics metrics;

  @Inject
  @ConfigProperty(name = "avgym.analytics.lock.lease-seconds", defaultValue = "300")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "avgym.analytics.rollup.max-catch-up-hours", defaultValue = "168")
  int maxCatchUpHours;

  /**
   * How long after its end a period is first rolled up: events reach the table in batches (every
   * second by default), and a complete period's roll-up must hold all of them, because events by
   * type reads completed hours from it instead of the events.
   */
  @Inject
  @ConfigProperty(name = "avgym.analytics.rollup.settle-seconds", defaultValue = "60")
  long settleSeconds;

  private final String owner = instanceName();

  @PostConstruct
  void check() {
    if (settleSeconds < 0) {
      throw new IllegalStateException(
          "avgym.analytics.rollup.settle-seconds must be 0 or more, was " + settleSeconds);
    }
  }

  @Schedule(minute = "*/5", hour = "*", persistent = false)
  public void scheduled() {
    for (Period period : Period.values()) {
      try {
        catchUp(period, Instant.now());
      } catch (RuntimeException e) {
        metrics.failed("rollup");
        LOG.log(Level.WARNING, "Roll-up of " + period + " failed; the next run retries", e);
        Failure.report(Failure.TIMER_FAILED, "roll-up " + period, Failure.describe(e));
      }
    }
  }

  /** Rolls up every due period of this kind, if this instance wins the lock. */
  public Outcome catchUp(Period period, Instant now) {
    String name = period.lockName();
    if (!lock.tryAcquire(name, owner, Duration.ofSeconds(leaseSeconds))) {
      return new Outcome(false, 0, 0, lock.holder(name).orElse(null));
    }
    try {
      int max = period == Period.HOUR ? maxCatchUpHours : Math.max(1, maxCatchUpHours / 24);
      int periods = 0;
      int rows = 0;
      Instant settled = now.minusSeconds(settleSeconds);
      for (Instant start :
          CatchUp.due(period, lock.lastCompleted(name).orElse(null), settled, max)) {
        rows += runner.run(period, start);
        lock.completed(name, start);
        periods++;
      }
      return new Outcome(true, periods, rows, owner);
    } finally {
      lock.release(name, owner);
    }
  }

  /**
   * Rolls up every period that starts in {@code [from, to)} and has settled, oldest first, under
   * the period's lock (waiting up to {@code wait} for it): for history written after the fact, such
   * as the demo's past. Records the newest as completed unless a later one already is, so the timer
   * carries on from there. Returns the periods rolled up, or -1 when the lock stayed taken.
   */
  public int backfill(Period period, Instant from, Instant to, Duration wait) {
    String name = period.lockName();
    long deadline = System.nanoTime() + wait.toNanos();
    while (!lock.tryAcquire(name, owner, Duration.ofSeconds(leaseSeconds))) {
      if (System.nanoTime() > deadline) {
        return -1;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    try {
      Instant settled = Instant.now().minusSeconds(settleSeconds);
      int periods = 0;
      Instant last = null;
      for (Instant start = period.startOf(from);
          start.isBefore(to) && !period.next(start).isAfter(settled);
          start = period.next(start)) {
        runner.run(period, start);
        lock.hold(name, owner, Duration.ofSeconds(leaseSeconds));
        last = start;
        periods++;
      }
      Instant completed = lock.lastCompleted(name).orElse(null);
      if (last != null && (completed == null || completed.isBefore(last))) {
        lock.completed(name, last);
      }
      return periods;
    } finally {
      lock.release(name, owner);
    }
  }

  /** Re-runs one given period (an admin's or a test's request), under the same lock. */
  public Outcome runOnce(Period period, Instant start) {
    String name = period.lockName();
    if (!lock.tryAcquire(name, owner, Duration.ofSeconds(leaseSeconds))) {
      return new Outcome(false, 0, 0, lock.holder(name).orElse(null));
    }
    try {
      return new Outcome(true, 1, runner.run(period, period.startOf(start)), owner);
    } finally {
      lock.release(name, owner);
    }
  }

  private static String instanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return host + "/" + UUID.randomUUID().toString().substring(0, 8);
  }
}
