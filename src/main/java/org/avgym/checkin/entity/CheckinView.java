package org.avgym.checkin.entity;

import java.time.Instant;
import java.util.List;

/**
 * A recorded check-in as the API lists it. {@code device} is absent for manual check-ins, which
 * carry the staff user and their reason instead; {@code member} is absent for unknown credentials.
 * {@code overridden} marks a check-in staff let through although the rules denied it.
 */
public record CheckinView(
    long id,
    String requestId,
    Instant at,
    Instant deviceTime,
    String location,
    String device,
    MemberRef member,
    String credential,
    String method,
    String direction,
    String decision,
    List<ReasonCode> reasons,
    int occupancy,
    String staffUser,
    String reason,
    boolean overridden) {

  public static CheckinView of(Checkin checkin) {
    return new CheckinView(
        checkin.getId(),
        checkin.getRequestId(),
        checkin.getServerTime(),
        checkin.getDeviceTime(),
        checkin.getLocation().getCode(),
        checkin.getDevice() == null ? null : checkin.getDevice().getCode(),
        checkin.getMember() == null
            ? null
            : new MemberRef(checkin.getMember().getId(), checkin.getMember().getName()),
        checkin.getCredentialValue(),
        checkin.getMethod(),
        checkin.getDirection().wire(),
        checkin.getDecision().wire(),
        checkin.getReasons(),
        checkin.getOccupancyAfter(),
        checkin.getStaffUser(),
        checkin.getOverrideReason(),
        checkin.isOverridden());
  }
}
