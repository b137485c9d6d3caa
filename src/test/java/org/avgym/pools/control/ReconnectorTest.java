package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectorTest {

  private static final Backoff.Settings FAST =
      new Backoff.Settings(
          Duration.ofMillis(1),
          2,
          Duration.ofMillis(4),
          3,
          Duration.ofSeconds(60),
          Duration.ofMillis(20));

  private final ScheduledExecutorService executor = new ScheduledThreadPoolExecutor(1);
  private final AtomicInteger dials = new AtomicInteger();
  private final List<String> outcomes = new CopyOnWriteArrayList<>();
  private final AtomicBoolean wanted = new AtomicBoolean(true);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private Reconnector reconnector(int failuresFirst, CountDownLatch done) {
    return new Reconnector(
        executor,
        () -> {
          if (dials.incrementAndGet() <= failuresFirst) {
            throw new IOException("refused");
          }
        },
        wanted::get,
        new Reconnector.Outcome() {
          @Override
          public void connected(long nowNanos) {
            outcomes.add("connected");
            done.countDown();
          }

          @Override
          public void failed(Exception cause, boolean exhausted) {
            outcomes.add(exhausted ? "exhausted" : "failed");
            done.countDown();
          }
        },
        new Backoff(FAST, new SplittableRandom(1)));
  }

  @Test
  void triesAgainAfterEachFailureUntilItConnects() throws Exception {
    CountDownLatch done = new CountDownLatch(3);
    Reconnector reconnector = reconnector(2, done);
    reconnector.open();
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals(List.of("failed", "failed", "connected"), outcomes);
    assertEquals(3, dials.get());
    assertFalse(reconnector.pending(), "nothing more scheduled once connected");
  }

  @Test
  void reportsExhaustionAndThenOnlyProbes() throws Exception {
    CountDownLatch done = new CountDownLatch(5);
    reconnector(100, done).open();
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals(
        List.of("failed", "failed", "exhausted", "exhausted", "exhausted"), outcomes.subList(0, 5));
  }

  @Test
  void dialsAgainAfterALostConnection() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    Reconnector reconnector =
        new Reconnector(
            executor,
            dials::incrementAndGet,
            wanted::get,
            new Reconnector.Outcome() {
              @Override
              public void connected(long nowNanos) {
                (first.getCount() > 0 ? first : second).countDown();
              }

              @Override
              public void failed(Exception cause, boolean exhausted) {}
            },
            new Backoff(FAST, new SplittableRandom(1)));
    reconnector.open();
    assertTrue(first.await(5, TimeUnit.SECONDS));
    reconnector.closed(System.nanoTime());
    assertTrue(second.await(5, TimeUnit.SECONDS));
    assertEquals(2, dials.get());
  }

  @Test
  void stopsForGoodWhenCancelledOrNoLongerWanted() throws Exception {
    CountDownLatch never = new CountDownLatch(100);
    Reconnector cancelled = reconnector(100, never);
    cancelled.open();
    Thread.sleep(10);
    cancelled.cancel();
    Thread.sleep(20); // a dial already under way when cancelled ends
    int dialled = dials.get();
    Thread.sleep(100);
    assertEquals(dialled, dials.get(), "no dial after cancel");
    assertFalse(cancelled.pending());

    dials.set(0);
    wanted.set(false);
    reconnector(0, never).open();
    Thread.sleep(50);
    assertEquals(0, dials.get(), "a connection nobody wants is not dialled");
  }
}
