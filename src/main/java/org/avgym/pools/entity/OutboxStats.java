package org.avgym.pools.entity;

/** A pool's durable outbox: undelivered rows and the age of the oldest, in seconds. */
public record OutboxStats(int depth, double oldestSeconds) {

  public static final OutboxStats EMPTY = new OutboxStats(0, 0);
}
