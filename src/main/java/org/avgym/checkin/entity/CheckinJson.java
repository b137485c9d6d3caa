package org.avgym.checkin.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The one rendering of a check-in's result (PROTOCOL.md): decision, every reason, the member (null
 * for an unknown credential), location, direction, occupancy and capacity after it, and when. The
 * device's {@code checkin.result}, the live {@code checkins} topic (and the pools that carry it)
 * and the API's answer to a manual check-in each add their own fields to it.
 */
public final class CheckinJson {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private CheckinJson() {}

  /** The fields every rendering shares, after those {@code builder} holds already. */
  public static JsonObjectBuilder common(JsonObjectBuilder builder, CheckinResult result) {
    JsonArrayBuilder reasons = JSON.createArrayBuilder();
    for (ReasonCode reason : result.reasons()) {
      reasons.add(reason.name());
    }
    builder
        .add("checkinId", result.checkinId())
        .add("decision", result.decision().wire())
        .add("reasons", reasons);
    if (result.memberId() == null) {
      builder.addNull("member");
    } else {
      builder.add(
          "member",
          JSON.createObjectBuilder().add("id", result.memberId()).add("name", result.memberName()));
    }
    return builder
        .add("location", result.location())
        .add("direction", result.direction().wire())
        .add("occupancy", result.occupancy())
        .add("capacity", result.capacity())
        .add("at", result.at().toString());
  }
}
