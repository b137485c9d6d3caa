package org.avgym.checkin.entity;

/** What a failed rule does to the decision: each gym chooses how strict each rule is. */
public enum RuleAction {
  DENY,
  WARN
}
