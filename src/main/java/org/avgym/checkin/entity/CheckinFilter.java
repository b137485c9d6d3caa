package org.avgym.checkin.entity;

import java.time.Instant;

/**
 * Which check-ins the log shows; every part is optional. {@code device} is a device code, or {@link
 * #MANUAL} for check-ins staff entered; {@code memberName} matches part of the name, any case;
 * {@code overridden} true lists only overrides, false none; {@code from} is inclusive, {@code to}
 * exclusive.
 */
public record CheckinFilter(
    Long locationId,
    String device,
    Long memberId,
    String memberName,
    Decision decision,
    ReasonCode reason,
    Direction direction,
    Boolean overridden,
    Instant from,
    Instant to) {

  /** The device filter for check-ins entered by staff, which have no device. */
  public static final String MANUAL = "manual";

  public static CheckinFilter none() {
    return new CheckinFilter(null, null, null, null, null, null, null, null, null, null);
  }

  /** Where the log stands: the last row shown, newest first by (time, id). */
  public record Cursor(Instant at, long id) {}

  /** One page of the log and whether older rows follow. */
  public record Slice(java.util.List<CheckinView> items, boolean more) {}
}
