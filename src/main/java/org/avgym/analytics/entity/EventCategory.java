package org.avgym.analytics.entity;

/** What an event is about; the Analytics tab filters by it. */
public enum EventCategory {
  CONNECTION,
  PERFORMANCE,
  ERROR,
  POOL,
  USER
}
