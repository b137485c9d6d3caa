package org.avgym.checkin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.avgym.checkin.entity.DeviceError;
import org.avgym.checkin.entity.DeviceMessage;
import org.avgym.checkin.entity.Direction;
import org.junit.jupiter.api.Test;

class DeviceProtocolTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void readsACheckinWithItsDefaults() throws Exception {
    DeviceMessage.Scan scan =
        assertInstanceOf(
            DeviceMessage.Scan.class,
            DeviceProtocol.read(
                "{\"type\":\"checkin\",\"id\":\"a1\",\"credential\":\"CARD-1\"}", NOW));
    assertEquals("a1", scan.id());
    assertEquals(Direction.IN, scan.direction());
    assertNull(scan.method());
    assertNull(scan.at());
  }

  @Test
  void rejectsEveryMalformedFieldWithItsCodeAndField() {
    assertRejected("{nope", DeviceError.BAD_JSON, null, null);
    assertRejected("[1]", DeviceError.BAD_JSON, null, null);
    assertRejected("{\"id\":\"x\"}", DeviceError.INVALID_FIELD, "type", "x");
    assertRejected("{\"type\":\"dance\",\"id\":\"x\"}", DeviceError.UNKNOWN_TYPE, "type", "x");
    assertRejected("{\"type\":\"ping\"}", DeviceError.INVALID_FIELD, "id", null);
    assertRejected("{\"type\":\"ping\",\"id\":\"\"}", DeviceError.INVALID_FIELD, "id", null);
    assertRejected("{\"type\":\"ping\",\"id\":7}", DeviceError.INVALID_FIELD, "id", null);
    // A CR/LF in an id would forge log lines.
    assertRejected(
        "{\"type\":\"ping\",\"id\":\"a\\r\\nSEVERE forged\"}",
        DeviceError.INVALID_FIELD,
        "id",
        null);
    assertRejected(
        "{\"type\":\"checkin\",\"id\":\"" + "x".repeat(65) + "\",\"credential\":\"A\"}",
        DeviceError.INVALID_FIELD,
        "id",
        null);
    assertRejected(
        "{\"type\":\"checkin\",\"id\":\"c\"}", DeviceError.INVALID_FIELD, "credential", "c");
    assertRejected(
        "{\"type\":\"checkin\",\"id\":\"c\",\"credential\":\"" + "A".repeat(129) + "\"}",
        DeviceError.INVALID_FIELD,
        "credential",
        "c");
    assertRejected(
        "{\"type\":\"checkin\",\"id\":\"c\",\"credential\":\"A\\u0000B\"}",
        DeviceError.INVALID_FIELD,
        "credential",
        "c");
    assertRejected(
        "{\"type\":\"checkin\",\"id\":\"c\",\"credential\":\"A\",\"direction\":\"up\"}",
        DeviceError.INVALID_FIELD,
        "direction",
        "c");
    assertRejected(
        "{\"type\":\"checkin\",\"id\":\"c\",\"credential\":\"A\",\"method\":\"x\"}",
        DeviceError.INVALID_FIELD,
        "method",
        "c");
    assertRejected(
        "{\"type\":\"checkin\",\"id\":\"c\",\"credential\":\"A\",\"at\":\"soon\"}",
        DeviceError.INVALID_FIELD,
        "at",
        "c");
    assertRejected(
        "{\"type\":\"checkin\",\"id\":\"c\",\"credential\":\"A\",\"at\":\"2026-11-28T12:06:00Z\"}",
        DeviceError.INVALID_FIELD,
        "at",
        "c");
  }

  @Test
  void acceptsADeviceClockALittleAhead() throws Exception {
    DeviceMessage.Scan scan =
        (DeviceMessage.Scan)
            DeviceProtocol.read(
                "{\"type\":\"checkin\",\"id\":\"c\",\"credential\":\"A\",\"at\":\"2026-11-28T12:04:00Z\"}",
                NOW);
    assertEquals(Instant.parse("2026-11-28T12:04:00Z"), scan.at());
  }

  @Test
  void errorFramesCarryANullIdWhenItCouldNotBeRead() {
    String frame =
        DeviceProtocol.error(new DeviceError(DeviceError.BAD_JSON, null, null, "not JSON"));
    assertEquals(
        "{\"type\":\"error\",\"id\":null,\"code\":\"BAD_JSON\",\"message\":\"not JSON\"}", frame);
  }

  private static void assertRejected(String frame, String code, String field, String id) {
    DeviceProtocol.Rejected rejected =
        assertThrows(DeviceProtocol.Rejected.class, () -> DeviceProtocol.read(frame, NOW), frame);
    assertEquals(code, rejected.error().code(), frame);
    assertEquals(field, rejected.error().field(), frame);
    assertEquals(id, rejected.error().id(), frame);
  }
}
