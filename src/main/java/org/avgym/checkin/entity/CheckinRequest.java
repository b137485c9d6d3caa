package org.avgym.checkin.entity;

import java.time.Instant;

/**
 * A scan to decide: from a device ({@code deviceId} set) or entered by staff ({@code staffUser}
 * set, with a reason). {@code override} lets staff admit someone the rules would deny; the reasons
 * are still recorded.
 */
public record CheckinRequest(
    String clientKey,
    String requestId,
    Long deviceId,
    long locationId,
    String credential,
    Direction direction,
    String method,
    Instant deviceTime,
    String staffUser,
    String staffReason,
    boolean override) {

  /** Who asked, as logs and events name them: "device CODE" or "staff USER". */
  public String source() {
    return clientKey.replaceFirst(":", " ");
  }

  public static CheckinRequest fromDevice(
      String deviceCode,
      long deviceId,
      long locationId,
      String requestId,
      String credential,
      Direction direction,
      String method,
      Instant deviceTime) {
    return new CheckinRequest(
        "device:" + deviceCode,
        requestId,
        deviceId,
        locationId,
        credential,
        direction,
        method,
        deviceTime,
        null,
        null,
        false);
  }

  public static CheckinRequest byStaff(
      String staffUser,
      long locationId,
      String requestId,
      String credential,
      Direction direction,
      String reason,
      boolean override) {
    return new CheckinRequest(
        "staff:" + staffUser,
        requestId,
        null,
        locationId,
        credential,
        direction,
        "manual",
        null,
        staffUser,
        reason,
        override);
  }
}
