package org.avgym.checkin.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A recorded decision as devices, dashboards and downstream systems see it. {@code replayed} is
 * true when it answers a retry of a request that was already recorded.
 */
public record CheckinResult(
    String requestId,
    long checkinId,
    Decision decision,
    List<ReasonCode> reasons,
    Long memberId,
    String memberName,
    String location,
    String device,
    Direction direction,
    int occupancy,
    int capacity,
    Instant at,
    String staffUser,
    boolean replayed)
    implements Serializable {

  public CheckinResult asReplay() {
    return new CheckinResult(
        requestId,
        checkinId,
        decision,
        reasons,
        memberId,
        memberName,
        location,
        device,
        direction,
        occupancy,
        capacity,
        at,
        staffUser,
        true);
  }
}
