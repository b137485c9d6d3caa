package org.avgym.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile WebSocket input for {@link AbuseIT}: random and mutated frames of every kind a fuzzer
 * sends, each already encoded for the wire (masked, or deliberately broken), so one code path sends
 * them all. Random from a seed, so a failing run can be repeated.
 */
final class HostileFrames {

  /** What a shot tries; its name is what the suite counts by. */
  enum Kind {
    VALID,
    BAD_JSON,
    DEEP_NESTING,
    HUGE_NUMBER,
    WRONG_TYPES,
    UNICODE,
    CONTROL_CHARS,
    DUPLICATED_FIELDS,
    BYTE_FLIPS,
    TRUNCATED,
    BINARY,
    INVALID_UTF8,
    BROKEN_FRAGMENTS,
    OVERSIZE,
    OVERSIZE_FRAGMENTED,
    FLOOD
  }

  /**
   * One shot: the bytes to write, how many frames they hold, and whether the server must end the
   * session for it ({@code mustClose}, with {@code closeCode} when the protocol names one, else 0).
   */
  record Shot(Kind kind, byte[] bytes, int frames, boolean mustClose, int closeCode) {}

  private static final int TEXT = 1;
  private static final int BINARY = 2;
  private static final int CONTINUATION = 0;
  private static final int PING = 9;

  private final Random random;
  private final boolean device;
  private final int maxFrameBytes;

  /**
   * Frames for {@code /ws/devices} ({@code device}) or {@code /ws/live}, whose size limit is {@code
   * maxFrameBytes}.
   */
  HostileFrames(Random random, boolean device, int maxFrameBytes) {
    this.random = random;
    this.device = device;
    this.maxFrameBytes = maxFrameBytes;
  }

  /** A random shot; floods and oversize frames are rarer than the rest, as they end the session. */
  Shot next() {
    int roll = random.nextInt(1000);
    if (roll < 1) {
      return flood();
    }
    if (roll < 12) {
      return oversize();
    }
    if (roll < 18) {
      return oversizeFragmented();
    }
    if (roll < 30) {
      return invalidUtf8();
    }
    if (roll < 42) {
      return brokenFragments();
    }
    Kind[] answered = {
      Kind.VALID,
      Kind.BAD_JSON,
      Kind.DEEP_NESTING,
      Kind.HUGE_NUMBER,
      Kind.WRONG_TYPES,
      Kind.UNICODE,
      Kind.CONTROL_CHARS,
      Kind.DUPLICATED_FIELDS,
      Kind.BYTE_FLIPS,
      Kind.TRUNCATED,
      Kind.BINARY
    };
    Kind kind = answered[random.nextInt(answered.length)];
    return switch (kind) {
      case VALID -> text(kind, valid());
      case BAD_JSON -> text(kind, badJson());
      case DEEP_NESTING -> text(kind, deepNesting());
      case HUGE_NUMBER -> text(kind, hugeNumber());
      case WRONG_TYPES -> text(kind, wrongTypes());
      case UNICODE -> text(kind, withValue(unicode()));
      case CONTROL_CHARS -> text(kind, withValue(controlChars()));
      case DUPLICATED_FIELDS -> text(kind, duplicatedFields());
      case BYTE_FLIPS -> byteFlips();
      case TRUNCATED -> text(kind, truncated());
      default ->
          new Shot(kind, frame(true, BINARY, randomBytes(1 + random.nextInt(512))), 1, false, 0);
    };
  }

  // ------------------------------------------------------------------ valid frames and fields

  String valid() {
    if (!device) {
      return subscribe(topics());
    }
    return switch (random.nextInt(4)) {
      case 0 -> "{\"type\":\"ping\",\"id\":\"" + id() + "\"}";
      case 1 -> "{\"type\":\"sync\",\"id\":\"" + id() + "\",\"since\":null}";
      default ->
          "{\"type\":\"checkin\",\"id\":\""
              + id()
              + "\",\"credential\":\"FUZZ-"
              + random.nextInt(1_000_000)
              + "\",\"direction\":\""
              + (random.nextBoolean() ? "in" : "out")
              + "\",\"method\":\"card\",\"at\":\""
              + Instant.now()
              + "\"}";
    };
  }

  private String subscribe(String topics) {
    return "{\"type\":\"subscribe\",\"topics\":" + topics + "}";
  }

  private String topics() {
    String[] known = {"checkins", "occupancy", "alerts", "pools", "metrics", "nope", ""};
    List<String> picked = new ArrayList<>();
    for (int i = 0; i <= random.nextInt(3); i++) {
      picked.add("\"" + known[random.nextInt(known.length)] + "\"");
    }
    return "[" + String.join(",", picked) + "]";
  }

  private String id() {
    return "fz-" + Long.toHexString(random.nextLong());
  }

  /** A valid frame with one field's value replaced by {@code value} (a JSON string literal). */
  private String withValue(String value) {
    String literal = "\"" + value + "\"";
    if (!device) {
      return random.nextBoolean() ? subscribe("[" + literal + "]") : "{\"type\":" + literal + "}";
    }
    return switch (random.nextInt(3)) {
      case 0 -> "{\"type\":\"ping\",\"id\":" + literal + "}";
      case 1 -> "{\"type\":" + literal + ",\"id\":\"" + id() + "\"}";
      default -> "{\"type\":\"checkin\",\"id\":\"" + id() + "\",\"credential\":" + literal + "}";
    };
  }

  // ------------------------------------------------------------------ text that is not right

  private String badJson() {
    String[] shapes = {
      "",
      " ",
      "null",
      "[]",
      "42",
      "\"type\"",
      "{",
      "}",
      "{\"type\":}",
      "{\"type\":\"ping\",}",
      "{'type':'ping'}",
      "{\"type\":\"ping\"\"id\":\"x\"}",
      "{\"type\":\"ping\",\"id\":\"x\"}}",
      "{\"type\":\"ping\",\"id\":\"x\"} trailing",
      "{\"type\":NaN}",
      "{\"type\":Infinity}",
      "{\"type\":undefined}",
      "{\"type\":\"ping\",\"id\":\"\\uZZZZ\"}",
      "{\"type\":\"ping\",\"id\":\"\\x41\"}",
      "{\"type\":\"ping\",\"id\":\"unterminated}",
      "/* comment */{\"type\":\"ping\"}",
      "\uFEFF{\"type\":\"ping\",\"id\":\"bom\"}",
    };
    if (random.nextInt(3) == 0) {
      return randomPrintable(1 + random.nextInt(200));
    }
    return shapes[random.nextInt(shapes.length)];
  }

  private String deepNesting() {
    // Up to the size limit: a parser that recurses per level must not fall over.
    boolean arrays = random.nextBoolean();
    int depth = 10 + random.nextInt((maxFrameBytes - 128) / (arrays ? 2 : 6));
    StringBuilder json =
        new StringBuilder(
            device
                ? "{\"type\":\"checkin\",\"id\":\"deep\",\"credential\":"
                : "{\"type\":\"subscribe\",\"topics\":");
    for (int i = 0; i < depth; i++) {
      json.append(arrays ? "[" : "{\"a\":");
    }
    json.append("1");
    for (int i = 0; i < depth; i++) {
      json.append(arrays ? "]" : "}");
    }
    if (random.nextInt(4) == 0) {
      json.setLength(json.length() - depth / 2); // unbalanced as well
    }
    return json.append('}').toString();
  }

  private String hugeNumber() {
    String[] numbers = {
      "1e999999999",
      "-1e-999999999",
      "9".repeat(1 + random.nextInt(Math.min(8000, maxFrameBytes - 100))),
      "123456789012345678901234567890",
      "9223372036854775808",
      "-9223372036854775809",
      "1.7976931348623157e309",
      "0." + "0".repeat(2000) + "1",
      "1E+2147483648",
      "-0",
      "0e0"
    };
    String number = numbers[random.nextInt(numbers.length)];
    if (!device) {
      return "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":{\"epoch\":\"e\",\"seq\":{\"checkins\":"
          + number
          + "}}}";
    }
    String[] fields = {"id", "credential", "at", "since", "direction", "type"};
    String field = fields[random.nextInt(fields.length)];
    return "{\"type\":\""
        + (field.equals("since") ? "sync" : "checkin")
        + "\",\"id\":\""
        + id()
        + "\",\"credential\":\"FUZZ-1\",\""
        + field
        + "\":"
        + number
        + "}";
  }

  private String wrongTypes() {
    String[] values = {
      "null", "true", "false", "0", "-1", "3.14", "[]", "{}", "[\"a\",1]", "{\"nested\":{}}", "\"\""
    };
    String value = values[random.nextInt(values.length)];
    if (!device) {
      String[] shapes = {
        "{\"type\":\"subscribe\",\"topics\":" + value + "}",
        "{\"type\":" + value + ",\"topics\":[\"checkins\"]}",
        "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":" + value + "}",
        "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":{\"epoch\":"
            + value
            + ",\"seq\":"
            + value
            + "}}",
        "{\"type\":\"subscribe\",\"topics\":[" + value + "]}"
      };
      return shapes[random.nextInt(shapes.length)];
    }
    String[] fields = {"type", "id", "credential", "direction", "method", "at", "offline", "since"};
    String field = fields[random.nextInt(fields.length)];
    StringBuilder json = new StringBuilder("{");
    for (String f : List.of("type", "id", "credential", "direction", "method", "at", "offline")) {
      String v =
          switch (f) {
            case "type" -> "\"checkin\"";
            case "id" -> "\"" + id() + "\"";
            case "credential" -> "\"FUZZ-2\"";
            case "direction" -> "\"in\"";
            case "method" -> "\"card\"";
            case "at" -> "\"" + Instant.now() + "\"";
            default -> "{\"decision\":\"granted\"}";
          };
      json.append(json.length() > 1 ? "," : "")
          .append('"')
          .append(f)
          .append("\":")
          .append(f.equals(field) ? value : v);
    }
    return json.append('}').toString();
  }

  private String unicode() {
    String[] pieces = {
      "\uD83D\uDE00", // an emoji (surrogate pair)
      "\\ud800", // a lone high surrogate, escaped
      "\\udc00x", // a lone low surrogate, escaped
      "\\u0000", // NUL
      "\u202Eevil\u202C", // right-to-left override
      "\u200B\u200D\uFEFF", // zero-width and BOM
      "\uFFFF\uFFFE",
      "e\u0301\u0301\u0301\u0301", // stacked combining marks
      "\u0130\u0131ß", // case-mapping oddities
      "\uD834\uDD1E", // outside the BMP
      "Ａｎａ", // full-width
      "\\uD83D\\uDE00", // an escaped pair
      "日本語のカード",
    };
    StringBuilder value = new StringBuilder();
    for (int i = 0; i <= random.nextInt(6); i++) {
      value.append(pieces[random.nextInt(pieces.length)]);
    }
    if (random.nextInt(5) == 0) {
      value.append("\uD83D\uDE00".repeat(random.nextInt(40))); // ids past 64 characters
    }
    return value.toString();
  }

  private String controlChars() {
    String[] pieces = {
      "\\r\\n",
      "\\n",
      "\\r",
      "\\t",
      "\\u0007",
      "\\u001b[31m",
      "\\u0008",
      "\\u007f",
      "\\u0085",
      "\\u2028",
      "id\\r\\nX-Injected: 1",
      "\\r\\n2026-01-01 INFO forged log line"
    };
    StringBuilder value = new StringBuilder("fz");
    for (int i = 0; i <= random.nextInt(4); i++) {
      value.append(pieces[random.nextInt(pieces.length)]);
    }
    return value.toString();
  }

  private String duplicatedFields() {
    if (!device) {
      return "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"topics\":"
          + (random.nextBoolean() ? "[\"alerts\"]" : "7")
          + ",\"type\":\"subscribe\"}";
    }
    String[] shapes = {
      "{\"type\":\"ping\",\"type\":\"checkin\",\"id\":\"" + id() + "\"}",
      "{\"type\":\"checkin\",\"id\":\""
          + id()
          + "\",\"id\":\""
          + id()
          + "\",\"credential\":\"FUZZ-3\"}",
      "{\"type\":\"checkin\",\"id\":\"" + id() + "\",\"credential\":\"FUZZ-3\",\"credential\":[]}",
      "{\"type\":\"checkin\",\"id\":\""
          + id()
          + "\",\"credential\":\"FUZZ-3\",\"direction\":\"in\",\"direction\":\"sideways\"}"
    };
    return shapes[random.nextInt(shapes.length)];
  }

  private String truncated() {
    String valid = valid();
    return valid.substring(0, random.nextInt(valid.length()));
  }

  private Shot byteFlips() {
    byte[] bytes = valid().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i <= random.nextInt(4); i++) {
      int at = random.nextInt(bytes.length);
      bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(7))); // 7 bits: stays ASCII
    }
    return new Shot(Kind.BYTE_FLIPS, frame(true, TEXT, bytes), 1, false, 0);
  }

  // ------------------------------------------------------------------ frames that end a session

  private Shot invalidUtf8() {
    byte[][] bad = {
      {(byte) 0xC3, 0x28},
      {(byte) 0xFF},
      {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
      {(byte) 0xE2, (byte) 0x82} // cut short
    };
    byte[] prefix = "{\"type\":\"ping\",\"id\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
    byte[] middle = bad[random.nextInt(bad.length)];
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.writeBytes(prefix);
    payload.writeBytes(middle);
    payload.writeBytes(suffix);
    return new Shot(Kind.INVALID_UTF8, frame(true, TEXT, payload.toByteArray()), 1, true, 1007);
  }

  private Shot brokenFragments() {
    byte[] half = "{\"type\":\"pi".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int frames = 2;
    switch (random.nextInt(6)) {
      case 0 -> out.writeBytes(frame(true, CONTINUATION, half)); // a continuation of nothing
      case 1 -> { // a new message before the last one ended
        out.writeBytes(frame(false, TEXT, half));
        out.writeBytes(frame(true, TEXT, half));
      }
      case 2 -> out.writeBytes(encode(true, 3 + random.nextInt(5), half, 0, true)); // reserved
      case 3 -> out.writeBytes(encode(true, TEXT, half, 0x40, true)); // RSV1 without extension
      case 4 -> out.writeBytes(encode(true, TEXT, half, 0, false)); // unmasked
      default -> { // a fragmented control frame
        out.writeBytes(frame(false, PING, half));
        out.writeBytes(frame(true, CONTINUATION, half));
      }
    }
    return new Shot(Kind.BROKEN_FRAGMENTS, out.toByteArray(), frames, true, 1002);
  }

  private Shot oversize() {
    int size = maxFrameBytes + 1 + random.nextInt(4 * maxFrameBytes);
    return new Shot(Kind.OVERSIZE, frame(true, TEXT, padded(size)), 1, true, 1009);
  }

  private Shot oversizeFragmented() {
    byte[] payload = padded(maxFrameBytes + 1 + random.nextInt(2 * maxFrameBytes));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = 2 + random.nextInt(20);
    int step = payload.length / pieces + 1;
    int count = 0;
    for (int offset = 0; offset < payload.length; offset += step, count++) {
      byte[] piece = Arrays.copyOfRange(payload, offset, Math.min(payload.length, offset + step));
      out.writeBytes(
          frame(offset + step >= payload.length, offset == 0 ? TEXT : CONTINUATION, piece));
    }
    return new Shot(Kind.OVERSIZE_FRAGMENTED, out.toByteArray(), count, true, 1009);
  }

  /** Far more valid pings than the rate allows, back to back: rate-limited, then closed. */
  private Shot flood() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int count = 500;
    for (int i = 0; i < count; i++) {
      out.writeBytes(frame(true, TEXT, ("{\"type\":\"ping\",\"id\":\"fl" + i + "\"}").getBytes()));
    }
    // PROTOCOL §1: a flooding device "may be closed": counted, not required.
    return new Shot(Kind.FLOOD, out.toByteArray(), count, false, 0);
  }

  private byte[] padded(int size) {
    String start =
        device ? "{\"type\":\"ping\",\"id\":\"" : "{\"type\":\"subscribe\",\"topics\":[\"";
    StringBuilder json = new StringBuilder(start);
    json.append("x".repeat(Math.max(0, size - start.length() - 4)));
    return json.append(device ? "\"}" : "\"]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ encoding

  private Shot text(Kind kind, String json) {
    return new Shot(kind, frame(true, TEXT, json.getBytes(StandardCharsets.UTF_8)), 1, false, 0);
  }

  private String randomPrintable(int length) {
    StringBuilder text = new StringBuilder();
    String alphabet = "{}[]:,\"\\ abcxyz0123456789.-+eE\ttrue false null";
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] frame(boolean fin, int opcode, byte[] payload) {
    return encode(fin, opcode, payload, 0, true);
  }

  /** One frame as a client sends it (RFC 6455 §5.2), masked unless {@code masked} is false. */
  private byte[] encode(boolean fin, int opcode, byte[] payload, int rsv, boolean masked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
    out.write((fin ? 0x80 : 0) | rsv | opcode);
    int mask = masked ? 0x80 : 0;
    int length = payload.length;
    if (length < 126) {
      out.write(mask | length);
    } else if (length < 65536) {
      out.write(mask | 126);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(mask | 127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) (((long) length) >> (8 * i)));
      }
    }
    if (!masked) {
      out.writeBytes(payload);
      return out.toByteArray();
    }
    byte[] key = randomBytes(4);
    out.writeBytes(key);
    byte[] masked2 = new byte[length];
    for (int i = 0; i < length; i++) {
      masked2[i] = (byte) (payload[i] ^ key[i & 3]);
    }
    out.writeBytes(masked2);
    return out.toByteArray();
  }
}
