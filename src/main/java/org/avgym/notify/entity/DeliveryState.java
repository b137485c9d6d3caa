package org.avgym.notify.entity;

/** Where a notification is: still to be sent (maybe after a failed attempt), sent, or given up. */
public enum DeliveryState {
  PENDING,
  DELIVERED,
  FAILED
}
