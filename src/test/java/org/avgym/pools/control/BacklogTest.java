package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.avgym.pools.entity.OutboxStats;
import org.junit.jupiter.api.Test;

class BacklogTest {

  private final Backlog backlog = new Backlog(0.5, 60);

  @Test
  void behindAtHalfTheLimitOrAMinuteOfWaitingWellBeforeTheOutboxIsFull() {
    assertFalse(backlog.behind(new OutboxStats(4_999, 59), 10_000, false));
    assertTrue(backlog.behind(new OutboxStats(5_000, 0), 10_000, false));
    assertTrue(backlog.behind(new OutboxStats(3, 60), 10_000, false), "few rows, but old");
  }

  @Test
  void caughtUpOnlyBelowHalfOfBothSoABacklogAtTheLineDoesNotFlap() {
    assertTrue(backlog.behind(new OutboxStats(4_000, 10), 10_000, true));
    assertTrue(backlog.behind(new OutboxStats(10, 45), 10_000, true));
    assertFalse(backlog.behind(new OutboxStats(2_499, 29), 10_000, true));
  }

  @Test
  void aTinyLimitStillNeedsOneRow() {
    assertFalse(backlog.behind(OutboxStats.EMPTY, 1, false));
    assertTrue(backlog.behind(new OutboxStats(1, 0), 1, false));
  }

  @Test
  void refusesSettingsThatMakeNoSense() {
    assertThrows(IllegalArgumentException.class, () -> new Backlog(0, 60));
    assertThrows(IllegalArgumentException.class, () -> new Backlog(1.5, 60));
    assertThrows(IllegalArgumentException.class, () -> new Backlog(0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new Backlog(0.5, Double.NaN));
  }
}
