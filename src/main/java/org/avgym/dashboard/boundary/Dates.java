package org.avgym.dashboard.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formats instants for the pages in the server's time zone; blank for none. */
@Named
@ApplicationScoped
public class Dates {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  public String at(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  public String day(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }
}
