package org.avgym.dashboard.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** How the desk's date fields become instants: today means now, any other day its midnight. */
final class DeskDates {

  private DeskDates() {}

  static Instant startOf(LocalDate day) {
    if (day == null || day.equals(LocalDate.now())) {
      return Instant.now();
    }
    return day.atStartOfDay(ZoneId.systemDefault()).toInstant();
  }
}
