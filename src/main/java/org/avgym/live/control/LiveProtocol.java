package org.avgym.live.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.avgym.live.entity.Topic;

/** Reads subscribe requests and writes the live channel's control frames (PROTOCOL.md §2). */
public final class LiveProtocol {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private LiveProtocol() {}

  /** A valid subscribe request; {@code sinceEpoch} is null without {@code since}. */
  public record Subscribe(Set<Topic> topics, String sinceEpoch, Map<Topic, Long> sinceSeq) {}

  public static final class Rejected extends Exception {
    private final String code;
    private final String field;

    Rejected(String code, String field, String message) {
      super(message, null, false, false);
      this.code = code;
      this.field = field;
    }

    public String code() {
      return code;
    }

    public String field() {
      return field;
    }
  }

  public static Subscribe read(String frame) throws Rejected {
    JsonObject json;
    try (JsonReader reader = JSON.createReader(new StringReader(frame))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new Rejected("BAD_JSON", null, "a frame must be one JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonException | IllegalStateException e) {
      throw new Rejected("BAD_JSON", null, "the frame is not valid JSON");
    }
    JsonValue type = json.get("type");
    if (!(type instanceof JsonString typeName)) {
      throw new Rejected("INVALID_FIELD", "type", "type is required");
    }
    if (!"subscribe".equals(typeName.getString())) {
      throw new Rejected("UNKNOWN_TYPE", "type", "unknown message type");
    }
    JsonValue topicsValue = json.get("topics");
    if (!(topicsValue instanceof JsonArray array) || array.isEmpty()) {
      throw new Rejected("INVALID_FIELD", "topics", "topics must be a non-empty list");
    }
    Set<Topic> topics = new LinkedHashSet<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString name)) {
        throw new Rejected("INVALID_FIELD", "topics", "topics must be strings");
      }
      topics.add(
          Topic.parse(name.getString())
              .orElseThrow(
                  () ->
                      new Rejected(
                          "UNKNOWN_TOPIC",
                          "topics",
                          "unknown topic: " + shorten(name.getString()))));
    }
    JsonValue since = json.get("since");
    if (since == null || since == JsonValue.NULL) {
      return new Subscribe(EnumSet.copyOf(topics), null, Map.of());
    }
    if (!(since instanceof JsonObject sinceObject)
        || !(sinceObject.get("epoch") instanceof JsonString epoch)) {
      throw new Rejected("INVALID_FIELD", "since", "since needs an epoch and seq numbers");
    }
    Map<Topic, Long> seqs = new EnumMap<>(Topic.class);
    JsonValue seqValue = sinceObject.get("seq");
    if (seqValue != null && seqValue != JsonValue.NULL) {
      if (!(seqValue instanceof JsonObject seqObject)) {
        throw new Rejected("INVALID_FIELD", "since.seq", "since.seq must map topics to numbers");
      }
      for (Map.Entry<String, JsonValue> entry : seqObject.entrySet()) {
        Topic topic =
            Topic.parse(entry.getKey())
                .orElseThrow(
                    () ->
                        new Rejected(
                            "UNKNOWN_TOPIC",
                            "since.seq",
                            "unknown topic: " + shorten(entry.getKey())));
        if (!(entry.getValue() instanceof JsonNumber number)
            || !number.isIntegral()
            || number.longValue() < 0) {
          throw new Rejected(
              "INVALID_FIELD", "since.seq", "sequence numbers are whole numbers ≥ 0");
        }
        seqs.put(topic, number.longValue());
      }
    }
    return new Subscribe(EnumSet.copyOf(topics), epoch.getString(), seqs);
  }

  public static String subscribed(
      Set<Topic> topics, String epoch, Map<Topic, Long> seq, boolean recovered) {
    var names = JSON.createArrayBuilder();
    JsonObjectBuilder seqs = JSON.createObjectBuilder();
    for (Topic topic : topics) {
      names.add(topic.wire());
      seqs.add(topic.wire(), seq.getOrDefault(topic, 0L));
    }
    return JSON.createObjectBuilder()
        .add("type", "subscribed")
        .add("topics", names)
        .add("epoch", epoch)
        .add("seq", seqs)
        .add("recovered", recovered)
        .build()
        .toString();
  }

  public static String error(String code, String field, String message) {
    JsonObjectBuilder builder =
        JSON.createObjectBuilder().add("type", "error").addNull("id").add("code", code);
    if (field != null) {
      builder.add("field", field);
    }
    return builder.add("message", message).build().toString();
  }

  private static String shorten(String text) {
    return text.length() > 32 ? text.substring(0, 32) + "…" : text;
  }
}
