package org.avgym.analytics.entity;

/** The two transitions an alert goes through, each published once on the alerts topic. */
public enum AlertState {
  FIRING,
  RESOLVED
}
