package org.avgym.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.avgym.live.entity.Topic;
import org.junit.jupiter.api.Test;

class LiveProtocolTest {

  @Test
  void readsTopicsAndSince() throws Exception {
    LiveProtocol.Subscribe subscribe =
        LiveProtocol.read(
            "{\"type\":\"subscribe\",\"topics\":[\"checkins\",\"alerts\"],"
                + "\"since\":{\"epoch\":\"e1\",\"seq\":{\"checkins\":1200,\"alerts\":17}}}");
    assertEquals(Set.of(Topic.CHECKINS, Topic.ALERTS), subscribe.topics());
    assertEquals("e1", subscribe.sinceEpoch());
    assertEquals(Map.of(Topic.CHECKINS, 1200L, Topic.ALERTS, 17L), subscribe.sinceSeq());
  }

  @Test
  void sinceIsOptional() throws Exception {
    LiveProtocol.Subscribe subscribe =
        LiveProtocol.read("{\"type\":\"subscribe\",\"topics\":[\"occupancy\"]}");
    assertNull(subscribe.sinceEpoch());
  }

  @Test
  void rejectsBadInputWithACode() {
    assertCode("BAD_JSON", "{nope");
    assertCode("BAD_JSON", "[1,2]");
    assertCode("INVALID_FIELD", "{\"topics\":[\"checkins\"]}");
    assertCode("UNKNOWN_TYPE", "{\"type\":\"publish\",\"topics\":[\"checkins\"]}");
    assertCode("UNKNOWN_TOPIC", "{\"type\":\"subscribe\",\"topics\":[\"gossip\"]}");
    assertCode("INVALID_FIELD", "{\"type\":\"subscribe\",\"topics\":[]}");
    assertCode("INVALID_FIELD", "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":5}");
    assertCode(
        "INVALID_FIELD",
        "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":{\"epoch\":\"e\",\"seq\":{\"checkins\":-1}}}");
  }

  @Test
  void writesSubscribedWithEpochSeqAndRecovered() {
    String frame =
        LiveProtocol.subscribed(Set.of(Topic.CHECKINS), "e1", Map.of(Topic.CHECKINS, 9L), true);
    assertTrue(frame.contains("\"type\":\"subscribed\""));
    assertTrue(frame.contains("\"seq\":{\"checkins\":9}"));
    assertTrue(frame.contains("\"recovered\":true"));
  }

  private static void assertCode(String code, String frame) {
    LiveProtocol.Rejected rejected =
        assertThrows(LiveProtocol.Rejected.class, () -> LiveProtocol.read(frame));
    assertEquals(code, rejected.code(), frame);
  }
}
