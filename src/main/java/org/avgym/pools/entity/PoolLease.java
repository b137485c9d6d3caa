package org.avgym.pools.entity;

/**
 * Who drives a pool, as stored: the instance id ({@code null} when none), until when in database
 * milliseconds, and the definition's version, so the driver sees configuration changes.
 */
public record PoolLease(String pool, String driver, long untilMs, long version) {

  public boolean heldBy(String instance) {
    return instance.equals(driver);
  }

  /** Free to take at database time {@code nowMs}: nobody holds it, or the lease has run out. */
  public boolean free(long nowMs) {
    return driver == null || untilMs < nowMs;
  }
}
