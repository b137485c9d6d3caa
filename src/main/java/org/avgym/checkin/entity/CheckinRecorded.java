package org.avgym.checkin.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;

/**
 * Fired inside the check-in transaction; observers use {@code during = AFTER_SUCCESS}, so they see
 * only committed check-ins. They run on the device's thread before its answer goes out, so the
 * check-in's JSON document is rendered once here, on first use, for every observer (the live
 * channel and the pools carry the same document).
 */
public final class CheckinRecorded implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final CheckinResult result;
  private transient volatile String data;

  public CheckinRecorded(CheckinResult result) {
    this.result = result;
  }

  public CheckinResult result() {
    return result;
  }

  /** The check-in as the live {@code checkins} topic and downstream pools carry it. */
  public String data() {
    String rendered = data;
    if (rendered == null) {
      rendered = render(result);
      data = rendered;
    }
    return rendered;
  }

  private static String render(CheckinResult result) {
    JsonArrayBuilder reasons = JSON.createArrayBuilder();
    for (ReasonCode reason : result.reasons()) {
      reasons.add(reason.name());
    }
    JsonObjectBuilder data =
        JSON.createObjectBuilder()
            .add("checkinId", result.checkinId())
            .add("decision", result.decision().wire())
            .add("reasons", reasons);
    if (result.memberId() != null) {
      data.add(
          "member",
          JSON.createObjectBuilder().add("id", result.memberId()).add("name", result.memberName()));
    } else {
      data.addNull("member");
    }
    data.add("location", result.location());
    if (result.device() != null) {
      data.add("device", result.device());
    } else {
      data.addNull("device");
    }
    if (result.staffUser() != null) {
      data.add("staffUser", result.staffUser());
    }
    return data.add("direction", result.direction().wire())
        .add("occupancy", result.occupancy())
        .add("capacity", result.capacity())
        .add("at", result.at().toString())
        .build()
        .toString();
  }
}
