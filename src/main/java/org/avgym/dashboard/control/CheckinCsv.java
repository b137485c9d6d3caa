package org.avgym.dashboard.control;

import java.util.List;
import java.util.stream.Collectors;
import org.avgym.analytics.control.Csv;
import org.avgym.checkin.entity.CheckinView;

/** The check-in log as CSV (RFC 4180): one header, then one record per check-in. */
public final class CheckinCsv {

  public static final String HEADER =
      Csv.record(
          List.of(
              "id",
              "time",
              "location",
              "device",
              "member_id",
              "member",
              "credential",
              "direction",
              "decision",
              "reasons",
              "overridden",
              "staff_user",
              "staff_reason"));

  private CheckinCsv() {}

  public static String record(CheckinView c) {
    return Csv.record(
        java.util.Arrays.asList(
            String.valueOf(c.id()),
            c.at().toString(),
            c.location(),
            c.device(),
            c.member() == null ? null : String.valueOf(c.member().id()),
            c.member() == null ? null : c.member().name(),
            c.credential(),
            c.direction(),
            c.decision(),
            c.reasons().stream().map(Enum::name).collect(Collectors.joining(" ")),
            String.valueOf(c.overridden()),
            c.staffUser(),
            c.reason()));
  }
}
