package org.avgym.pools.control;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Keeps one connection open: dials at once, and after a failed dial or a lost connection dials
 * again after the {@link Backoff}'s next delay (probing at its probe interval once exhausted).
 * Stops for good once the connection is no longer {@code wanted} (removed, pool destroyed) or
 * {@link #cancel}led. The dial runs on the executor, never on the caller's thread.
 */
final class Reconnector {

  /** Opens the connection; throws when it could not. */
  @FunctionalInterface
  interface Dialer {
    void dial() throws Exception;
  }

  /** What became of a dial. */
  interface Outcome {
    void connected(long nowNanos);

    /** A dial failed; {@code exhausted}: every attempt used, only probes follow. */
    void failed(Exception cause, boolean exhausted);
  }

  private final ScheduledExecutorService executor;
  private final Dialer dialer;
  private final BooleanSupplier wanted;
  private final Outcome outcome;
  private volatile Backoff backoff;
  private volatile boolean cancelled;
  private ScheduledFuture<?> next;

  Reconnector(
      ScheduledExecutorService executor,
      Dialer dialer,
      BooleanSupplier wanted,
      Outcome outcome,
      Backoff backoff) {
    this.executor = executor;
    this.dialer = dialer;
    this.wanted = wanted;
    this.outcome = outcome;
    this.backoff = backoff;
  }

  /** Dials now (on the executor). */
  void open() {
    if (live()) {
      executor.execute(this::dial);
    }
  }

  /** The connection was lost at {@code nowNanos}: dial again after the backoff's delay. */
  void closed(long nowNanos) {
    Backoff current = backoff;
    current.disconnected(nowNanos);
    schedule(current.nextDelay());
  }

  /**
   * Replaces the backoff (the pool's reconnect attempts changed); takes effect from the next dial.
   */
  void backoff(Backoff replacement) {
    backoff = replacement;
  }

  Backoff backoff() {
    return backoff;
  }

  /** Stops for good: no dial after this one. */
  synchronized void cancel() {
    cancelled = true;
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  /** Whether a dial is scheduled and has not started yet. */
  synchronized boolean pending() {
    return next != null;
  }

  private boolean live() {
    return !cancelled && wanted.getAsBoolean();
  }

  private void dial() {
    synchronized (this) {
      next = null; // this dial has started: none is pending any more
    }
    if (!live()) {
      return;
    }
    Backoff current = backoff;
    try {
      dialer.dial();
      current.connected(System.nanoTime());
      outcome.connected(System.nanoTime());
    } catch (Exception e) {
      Duration delay = current.nextDelay();
      outcome.failed(e, current.exhausted());
      schedule(delay);
    }
  }

  private synchronized void schedule(Duration delay) {
    if (!live()) {
      return;
    }
    next = executor.schedule(this::dial, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
