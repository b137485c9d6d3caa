package org.avgym.checkin.entity;

/**
 * Why a check-in was not simply granted. The names are the wire codes of the device protocol; the
 * declaration order is the order in which reasons are reported, so keep new codes at the end.
 */
public enum ReasonCode {
  UNKNOWN_CREDENTIAL,
  CREDENTIAL_BLOCKED,
  NO_MEMBERSHIP,
  MEMBERSHIP_NOT_STARTED,
  MEMBERSHIP_EXPIRED,
  MEMBERSHIP_FROZEN,
  MEMBERSHIP_CANCELLED,
  LOCATION_NOT_ALLOWED,
  OUTSIDE_ALLOWED_HOURS,
  LOCATION_CLOSED,
  ALREADY_INSIDE,
  CAPACITY_FULL,
  REPEAT_SCAN,
  NOT_INSIDE
}
