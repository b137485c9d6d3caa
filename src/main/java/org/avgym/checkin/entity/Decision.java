package org.avgym.checkin.entity;

import java.util.Locale;

/** The outcome of a scan; WARNED lets the member through but asks staff to look. */
public enum Decision {
  GRANTED,
  WARNED,
  DENIED;

  /** The protocol spells decisions in lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
