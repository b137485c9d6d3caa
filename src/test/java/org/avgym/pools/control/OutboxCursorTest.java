package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutboxCursorTest {

  static final long MS = 1_000_000;

  @Test
  void readsFromTheNewestIdSeenALookbackAgoSoLateCommitsAreStillFound() {
    OutboxCursor cursor = new OutboxCursor(2000 * MS, 60_000 * MS, 0);
    assertEquals(0, cursor.readFrom(0));
    assertTrue(cursor.take(5, 0));
    assertTrue(cursor.take(7, 0)); // 6 is not committed yet
    assertEquals(0, cursor.readFrom(1000 * MS), "within the lookback, read from the start");
    assertTrue(cursor.take(6, 1000 * MS), "the late commit is found");
    assertFalse(cursor.take(7, 1000 * MS), "what is held is not taken twice");
    assertTrue(cursor.take(9, 1500 * MS));
    assertEquals(7, cursor.readFrom(2100 * MS), "7 was the newest seen 2 s ago");
    assertEquals(9, cursor.readFrom(3600 * MS));
  }

  @Test
  void aRowIsHeldUntilDoneAndTheWholeOutboxIsReadAgainNowAndThen() {
    OutboxCursor cursor = new OutboxCursor(2000 * MS, 10_000 * MS, 0);
    cursor.take(1, 0);
    cursor.take(2, 0);
    assertEquals(2, cursor.held());
    cursor.done(1);
    assertEquals(1, cursor.held());
    assertEquals(2, cursor.readFrom(5000 * MS));
    assertEquals(0, cursor.readFrom(10_000 * MS), "a rescan from the start");
    assertEquals(2, cursor.readFrom(10_001 * MS));
  }

  @Test
  void marksCloseTogetherAreMerged() {
    OutboxCursor cursor = new OutboxCursor(2000 * MS, 60_000 * MS, 0);
    for (long id = 1; id <= 1000; id++) {
      cursor.take(id, id * 1000); // a thousand rows within one millisecond
    }
    assertEquals(1000, cursor.readFrom(3000 * MS));
  }
}
