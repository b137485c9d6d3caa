package org.avgym.demo.entity;

/** The membership situation a demo member is in; the simulator uses it to provoke each reason. */
public enum Scenario {
  /** Within its term, not frozen. */
  ACTIVE,
  /** Starts in the future. */
  NOT_STARTED,
  /** Ended in the past. */
  EXPIRED,
  /** Inside a freeze period now. */
  FROZEN,
  /** Cancelled by staff. */
  CANCELLED,
  /** Never had a membership. */
  NONE
}
