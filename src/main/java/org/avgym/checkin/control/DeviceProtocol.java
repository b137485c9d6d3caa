package org.avgym.checkin.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.avgym.checkin.entity.CheckinJson;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.DeviceError;
import org.avgym.checkin.entity.DeviceMessage;
import org.avgym.checkin.entity.Direction;

/**
 * Reads and writes the device channel's frames (PROTOCOL.md §1). Reading either yields a valid
 * message or throws {@link Rejected} with the error frame to send; nothing in between.
 */
public final class DeviceProtocol {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final int MAX_ID = 64;
  public static final int MAX_CREDENTIAL = 128;
  public static final Set<String> METHODS = Set.of("card", "qr", "nfc", "manual", "app");

  /** Device clocks may run ahead; a scan further in the future than this is refused. */
  static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);

  private DeviceProtocol() {}

  public static final class Rejected extends Exception {
    private final DeviceError error;

    public Rejected(DeviceError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }

    public DeviceError error() {
      return error;
    }
  }

  public static DeviceMessage read(String frame, Instant now) throws Rejected {
    JsonObject json;
    try (JsonReader reader = JSON.createReader(new StringReader(frame))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Rejected(
            new DeviceError(DeviceError.BAD_JSON, null, null, "a frame must be one JSON object"));
      }
      json = value.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw new Rejected(
          new DeviceError(DeviceError.BAD_JSON, null, null, "the frame is not valid JSON"));
    }
    String id = readId(json);
    String type = optionalString(json, "type", id);
    if (type == null) {
      throw new Rejected(DeviceError.invalid(id, "type", "type is required"));
    }
    return switch (type) {
      case "checkin" -> scan(json, id, now);
      case "ping" -> new DeviceMessage.Ping(required(id, "id"));
      default ->
          throw new Rejected(
              new DeviceError(DeviceError.UNKNOWN_TYPE, id, "type", "unknown message type"));
    };
  }

  private static DeviceMessage scan(JsonObject json, String id, Instant now) throws Rejected {
    required(id, "id");
    String credential = optionalString(json, "credential", id);
    if (credential == null
        || credential.isEmpty()
        || credential.length() > MAX_CREDENTIAL
        || credential.chars().anyMatch(Character::isISOControl)) {
      throw new Rejected(
          DeviceError.invalid(
              id,
              "credential",
              "credential must be 1 to " + MAX_CREDENTIAL + " printable characters"));
    }
    Direction direction;
    try {
      direction = Direction.parse(optionalString(json, "direction", id));
    } catch (IllegalArgumentException e) {
      throw new Rejected(DeviceError.invalid(id, "direction", "direction must be in or out"));
    }
    String method = optionalString(json, "method", id);
    if (method != null && !METHODS.contains(method)) {
      throw new Rejected(
          DeviceError.invalid(id, "method", "method must be one of card, qr, nfc, manual, app"));
    }
    Instant at = null;
    String atText = optionalString(json, "at", id);
    if (atText != null) {
      try {
        at = Instant.parse(atText);
      } catch (DateTimeParseException e) {
        throw new Rejected(
            DeviceError.invalid(
                id, "at", "at must be an ISO-8601 instant such as 2026-11-28T11:59:58Z"));
      }
      if (at.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
        throw new Rejected(DeviceError.invalid(id, "at", "at lies in the future"));
      }
    }
    return new DeviceMessage.Scan(id, credential, direction, method, at);
  }

  /** The request id if it is valid; null when absent; a rejection when malformed. */
  private static String readId(JsonObject json) throws Rejected {
    JsonValue value = json.get("id");
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    // Control characters (CR, LF, …) are refused: ids are written to logs and stored.
    if (!(value instanceof JsonString string)
        || string.getString().isEmpty()
        || string.getString().length() > MAX_ID
        || string.getString().chars().anyMatch(Character::isISOControl)) {
      throw new Rejected(
          DeviceError.invalid(
              null, "id", "id must be a string of 1 to " + MAX_ID + " printable characters"));
    }
    return string.getString();
  }

  private static String required(String id, String field) throws Rejected {
    if (id == null) {
      throw new Rejected(DeviceError.invalid(null, field, "id is required"));
    }
    return id;
  }

  private static String optionalString(JsonObject json, String field, String id) throws Rejected {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw new Rejected(DeviceError.invalid(id, field, field + " must be a string"));
    }
    return string.getString();
  }

  public static String welcome(String device, String location, Instant now, int heartbeatSeconds) {
    return JSON.createObjectBuilder()
        .add("type", "welcome")
        .add("device", device)
        .add("location", location)
        .add("serverTime", now.toString())
        .add("heartbeatSeconds", heartbeatSeconds)
        .build()
        .toString();
  }

  public static String pong(String id, Instant now) {
    return JSON.createObjectBuilder()
        .add("type", "pong")
        .add("id", id)
        .add("serverTime", now.toString())
        .build()
        .toString();
  }

  public static String error(DeviceError error) {
    JsonObjectBuilder builder = JSON.createObjectBuilder().add("type", "error");
    nullable(builder, "id", error.id());
    builder.add("code", error.code());
    if (error.field() != null) {
      builder.add("field", error.field());
    }
    return builder.add("message", error.message()).build().toString();
  }

  public static String result(CheckinResult result) {
    return CheckinJson.common(
            JSON.createObjectBuilder().add("type", "checkin.result").add("id", result.requestId()),
            result)
        .build()
        .toString();
  }

  private static void nullable(JsonObjectBuilder builder, String key, String value) {
    if (value == null) {
      builder.addNull(key);
    } else {
      builder.add(key, value);
    }
  }
}
