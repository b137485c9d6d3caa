package org.avgym.checkin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.ReasonCode;
import org.junit.jupiter.api.Test;

class CheckinAnswerTest {

  private static final Instant AT = Instant.parse("2026-11-28T12:00:00.012Z");

  @Test
  void carriesTheDeviceResultFieldsInLowerCaseWithTheStaffUser() {
    JsonObject answer =
        CheckinAnswer.of(
            new CheckinResult(
                "r-1",
                1234,
                Decision.WARNED,
                List.of(ReasonCode.MEMBERSHIP_EXPIRED, ReasonCode.OUTSIDE_ALLOWED_HOURS),
                42L,
                "Ana Novak",
                "downtown",
                null,
                Direction.IN,
                57,
                120,
                AT,
                "desk-1",
                false));
    assertEquals("r-1", answer.getString("requestId"));
    assertEquals(1234, answer.getInt("checkinId"));
    assertEquals("warned", answer.getString("decision"));
    assertEquals(
        "[\"MEMBERSHIP_EXPIRED\",\"OUTSIDE_ALLOWED_HOURS\"]", answer.get("reasons").toString());
    assertEquals(42, answer.getJsonObject("member").getInt("id"));
    assertEquals("Ana Novak", answer.getJsonObject("member").getString("name"));
    assertEquals("downtown", answer.getString("location"));
    assertEquals("in", answer.getString("direction"));
    assertEquals(57, answer.getInt("occupancy"));
    assertEquals(120, answer.getInt("capacity"));
    assertEquals("2026-11-28T12:00:00.012Z", answer.getString("at"));
    assertEquals("desk-1", answer.getString("staffUser"));
    assertFalse(answer.getBoolean("replayed"));
  }

  @Test
  void showsAnUnknownMemberAsNull() {
    JsonObject answer =
        CheckinAnswer.of(
            new CheckinResult(
                "r-2",
                7,
                Decision.DENIED,
                List.of(ReasonCode.UNKNOWN_CREDENTIAL),
                null,
                null,
                "downtown",
                null,
                Direction.OUT,
                0,
                10,
                AT,
                "desk-1",
                true));
    assertEquals(JsonValue.NULL, answer.get("member"));
    assertEquals("out", answer.getString("direction"));
    assertTrue(answer.getBoolean("replayed"));
  }
}
