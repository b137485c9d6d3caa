package org.avgym.checkin.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.avgym.checkin.entity.CheckinJson;
import org.avgym.checkin.entity.CheckinResult;

/**
 * The API's answer to a manual check-in: the fields of the device channel's {@code checkin.result}
 * plus the staff user who made it and whether it replays an earlier answer. Built as JSON-P because
 * {@code member} must be present as null for an unknown credential, and JSON-B leaves nulls out.
 */
public final class CheckinAnswer {

  private CheckinAnswer() {}

  public static JsonObject of(CheckinResult result) {
    JsonObjectBuilder answer =
        CheckinJson.common(
            CheckinJson.JSON.createObjectBuilder().add("requestId", result.requestId()), result);
    if (result.staffUser() == null) {
      answer.addNull("staffUser");
    } else {
      answer.add("staffUser", result.staffUser());
    }
    return answer.add("replayed", result.replayed()).build();
  }
}
