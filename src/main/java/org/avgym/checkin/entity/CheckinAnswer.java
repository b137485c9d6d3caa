package org.avgym.checkin.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * The answer to a manual check-in: the fields of the device channel's {@code checkin.result}, plus
 * the staff user who made it. {@code member} is null for an unknown credential; {@code replayed} is
 * true when a retry with the same request id got the original answer.
 */
@JsonbNillable
public record CheckinAnswer(
    String requestId,
    long checkinId,
    String decision,
    List<ReasonCode> reasons,
    MemberRef member,
    String location,
    String direction,
    int occupancy,
    int capacity,
    Instant at,
    String staffUser,
    boolean replayed) {

  public static CheckinAnswer of(CheckinResult result) {
    return new CheckinAnswer(
        result.requestId(),
        result.checkinId(),
        result.decision().wire(),
        result.reasons(),
        result.memberId() == null ? null : new MemberRef(result.memberId(), result.memberName()),
        result.location(),
        result.direction().wire(),
        result.occupancy(),
        result.capacity(),
        result.at(),
        result.staffUser(),
        result.replayed());
  }
}
