package org.avgym.analytics.entity;

/** How urgently an alert needs an operator. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL
}
