package org.avgym.checkin.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.ReasonCode;

/**
 * The API's answer to a manual check-in: the fields of the device channel's {@code checkin.result}
 * plus the staff user who made it and whether it replays an earlier answer. Built as JSON-P because
 * {@code member} must be present as null for an unknown credential, and JSON-B leaves nulls out.
 */
public final class CheckinAnswer {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private CheckinAnswer() {}

  public static JsonObject of(CheckinResult result) {
    JsonArrayBuilder reasons = JSON.createArrayBuilder();
    for (ReasonCode reason : result.reasons()) {
      reasons.add(reason.name());
    }
    JsonObjectBuilder answer =
        JSON.createObjectBuilder()
            .add("requestId", result.requestId())
            .add("checkinId", result.checkinId())
            .add("decision", result.decision().wire())
            .add("reasons", reasons);
    if (result.memberId() == null) {
      answer.addNull("member");
    } else {
      answer.add(
          "member",
          JSON.createObjectBuilder().add("id", result.memberId()).add("name", result.memberName()));
    }
    answer
        .add("location", result.location())
        .add("direction", result.direction().wire())
        .add("occupancy", result.occupancy())
        .add("capacity", result.capacity())
        .add("at", result.at().toString());
    if (result.staffUser() == null) {
      answer.addNull("staffUser");
    } else {
      answer.add("staffUser", result.staffUser());
    }
    return answer.add("replayed", result.replayed()).build();
  }
}
