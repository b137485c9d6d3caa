package org.avgym.pools.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a pool's driver reads its outbox from. Row ids are taken when a transaction inserts but
 * become visible when it commits, so a row can appear behind one already read. The cursor therefore
 * reads from the newest id it had seen {@code lookbackNanos} ago (not the newest now), from the
 * very start every {@code rescanNanos}, and skips the ids it already holds (in flight, or
 * acknowledged and not yet deleted).
 */
public final class OutboxCursor {

  /** Marks closer together than this are merged: the deque stays short at any rate. */
  static final long MARK_STEP_NANOS = 10_000_000;

  private static final class Mark {
    final long nanos;
    long id;

    Mark(long nanos, long id) {
      this.nanos = nanos;
      this.id = id;
    }
  }

  private final long lookbackNanos;
  private final long rescanNanos;
  private final Set<Long> held = new HashSet<>();
  private final Deque<Mark> marks = new ArrayDeque<>();
  private long newest;
  private long base;
  private long lastRescanNanos;

  public OutboxCursor(long lookbackNanos, long rescanNanos, long nowNanos) {
    this.lookbackNanos = lookbackNanos;
    this.rescanNanos = rescanNanos;
    this.lastRescanNanos = nowNanos;
  }

  /** The id after which the next read starts. */
  public synchronized long readFrom(long nowNanos) {
    if (nowNanos - lastRescanNanos >= rescanNanos) {
      lastRescanNanos = nowNanos;
      return 0;
    }
    while (!marks.isEmpty() && nowNanos - marks.peekFirst().nanos >= lookbackNanos) {
      base = Math.max(base, marks.pollFirst().id);
    }
    return base;
  }

  /** True when the row is new to this cursor (it then counts as held until {@link #done}). */
  public synchronized boolean take(long id, long nowNanos) {
    if (!held.add(id)) {
      return false;
    }
    if (id > newest) {
      newest = id;
      Mark last = marks.peekLast();
      if (last != null && nowNanos - last.nanos < MARK_STEP_NANOS) {
        last.id = id;
      } else {
        marks.addLast(new Mark(nowNanos, id));
      }
    }
    return true;
  }

  /** The row is gone from the outbox (acknowledged and deleted): it cannot be read again. */
  public synchronized void done(long id) {
    held.remove(id);
  }

  /** Rows held: in flight or waiting for their deletion. */
  public synchronized int held() {
    return held.size();
  }
}
