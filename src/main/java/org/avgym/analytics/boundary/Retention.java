package org.avgym.analytics.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.analytics.control.AnalyticsMetrics;
import org.avgym.platform.entity.Failure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deletes events and samples older than the retention period, once an hour, once per cluster. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class.getName());
  static final String LOCK = "retention";

  @Inject AnalyticsStore store;
  @Inject SchedulerLock lock;
  @Inject AnalyticsMetrics metrics;

  @Inject
  @ConfigProperty(name = "avgym.analytics.retention-days", defaultValue = "30")
  int retentionDays;

  private final String owner = "retention/" + UUID.randomUUID();

  @Schedule(minute = "17", hour = "*", persistent = false)
  public void scheduled() {
    try {
      run(Instant.now());
    } catch (RuntimeException e) {
      metrics.failed("retention");
      LOG.log(Level.WARNING, "Analytics retention failed; the next run retries", e);
      Failure.report(Failure.TIMER_FAILED, "analytics retention", Failure.describe(e));
    }
  }

  /** Returns the number of rows deleted, or -1 when another instance holds the lock. */
  public int run(Instant now) {
    if (!lock.tryAcquire(LOCK, owner, Duration.ofMinutes(10))) {
      return -1;
    }
    try {
      int deleted = store.deleteBefore(now.minus(Duration.ofDays(retentionDays)));
      LOG.info(
          () ->
              "Analytics retention deleted "
                  + deleted
                  + " rows older than "
                  + retentionDays
                  + " days");
      return deleted;
    } finally {
      lock.release(LOCK, owner);
    }
  }
}
