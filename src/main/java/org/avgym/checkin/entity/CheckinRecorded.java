package org.avgym.checkin.entity;

import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;

/**
 * Fired inside the check-in transaction; observers use {@code during = AFTER_SUCCESS}, so they see
 * only committed check-ins. They run on the device's thread before its answer goes out, so the
 * check-in's JSON document is rendered once here, on first use, for every observer (the live
 * channel and the pools carry the same document).
 */
public final class CheckinRecorded implements Serializable {

  private static final long serialVersionUID = 1L;

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
    JsonObjectBuilder data = CheckinJson.common(CheckinJson.JSON.createObjectBuilder(), result);
    if (result.device() != null) {
      data.add("device", result.device());
    } else {
      data.addNull("device");
    }
    if (result.staffUser() != null) {
      data.add("staffUser", result.staffUser());
    }
    return data.build().toString();
  }
}
