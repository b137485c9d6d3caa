package org.avgym.checkin.entity;

/** An error frame for a device: the request had no effect and the session stays open. */
public record DeviceError(String code, String id, String field, String message) {

  public static final String BAD_JSON = "BAD_JSON";
  public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
  public static final String INVALID_FIELD = "INVALID_FIELD";
  public static final String UNSUPPORTED = "UNSUPPORTED";
  public static final String RATE_LIMITED = "RATE_LIMITED";
  public static final String UNAVAILABLE = "UNAVAILABLE";

  public static DeviceError invalid(String id, String field, String message) {
    return new DeviceError(INVALID_FIELD, id, field, message);
  }
}
