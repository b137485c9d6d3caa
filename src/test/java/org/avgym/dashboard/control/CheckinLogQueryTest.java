package org.avgym.dashboard.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.ReasonCode;
import org.junit.jupiter.api.Test;

class CheckinLogQueryTest {

  @Test
  void readsEveryFilterFromTheAddress() {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("location", "center");
    parameters.put("device", "turnstile-1");
    parameters.put("member", "42");
    parameters.put("name", " ana ");
    parameters.put("decision", "denied");
    parameters.put("reason", "membership_expired");
    parameters.put("direction", "in");
    parameters.put("override", "yes");
    parameters.put("from", "2026-12-01T08:00");
    parameters.put("to", "2026-12-01T09:30");
    CheckinLogQuery.Parsed parsed =
        CheckinLogQuery.parse(parameters, code -> Optional.of(7L), ZoneOffset.UTC);
    assertTrue(parsed.ok());
    var filter = parsed.filter();
    assertEquals(7L, filter.locationId());
    assertEquals("turnstile-1", filter.device());
    assertEquals(42L, filter.memberId());
    assertEquals("ana", filter.memberName());
    assertEquals(Decision.DENIED, filter.decision());
    assertEquals(ReasonCode.MEMBERSHIP_EXPIRED, filter.reason());
    assertEquals(Direction.IN, filter.direction());
    assertTrue(filter.overridden());
    assertEquals(Instant.parse("2026-12-01T08:00:00Z"), filter.from());
    assertEquals(Instant.parse("2026-12-01T09:30:00Z"), filter.to());
  }

  @Test
  void namesTheParameterItCannotRead() {
    assertEquals("decision", bad(Map.of("decision", "maybe")).badParameter());
    assertEquals("from", bad(Map.of("from", "yesterday")).badParameter());
    assertEquals("override", bad(Map.of("override", "perhaps")).badParameter());
    assertEquals("member", bad(Map.of("member", "ana")).badParameter());
    CheckinLogQuery.Parsed unknown =
        CheckinLogQuery.parse(Map.of("location", "mars"), code -> Optional.empty(), ZoneOffset.UTC);
    assertFalse(unknown.ok());
    assertEquals("location", unknown.badParameter());
  }

  @Test
  void blankParametersAreNoFilterAndAreLeftOutOfTheAddress() {
    Map<String, String> values = new HashMap<>();
    values.put("decision", "");
    values.put("name", "  ");
    values.put("location", "center");
    assertEquals(Map.of("location", "center"), CheckinLogQuery.of(values));
    CheckinLogQuery.Parsed parsed =
        CheckinLogQuery.parse(values, code -> Optional.of(1L), ZoneOffset.UTC);
    assertNull(parsed.filter().decision());
    assertNull(parsed.filter().memberName());
  }

  private static CheckinLogQuery.Parsed bad(Map<String, String> parameters) {
    return CheckinLogQuery.parse(parameters, code -> Optional.of(1L), ZoneOffset.UTC);
  }
}
