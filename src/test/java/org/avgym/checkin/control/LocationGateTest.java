package org.avgym.checkin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocationGateTest {

  @Test
  void atMostThePermittedNumberRunAtOnceForOneLocation() throws Exception {
    LocationGate gate = new LocationGate(2, Duration.ofSeconds(5));
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      java.util.List<Future<Integer>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        all.add(
            threads.submit(
                () ->
                    gate.through(
                        7L,
                        () -> {
                          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                          sleep(2);
                          return inside.decrementAndGet();
                        })));
      }
      for (Future<Integer> one : all) {
        one.get(10, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(2, most.get());
    assertEquals(0, gate.waiting());
  }

  @Test
  void anotherLocationIsNeverHeldUp() throws Exception {
    LocationGate gate = new LocationGate(1, Duration.ofMillis(100));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread busy =
        new Thread(
            () ->
                gate.through(
                    1L,
                    () -> {
                      holding.countDown();
                      await(release);
                      return 0;
                    }));
    busy.start();
    assertTrue(holding.await(5, TimeUnit.SECONDS));
    assertEquals("other", gate.through(2L, () -> "other"));
    assertThrows(LocationGate.Busy.class, () -> gate.through(1L, () -> "late"));
    release.countDown();
    busy.join(5000);
    assertEquals("now", gate.through(1L, () -> "now"), "the permit came back");
  }

  @Test
  void aFailingCheckinGivesItsPermitBack() {
    LocationGate gate = new LocationGate(1, Duration.ofMillis(50));
    assertThrows(
        IllegalStateException.class,
        () ->
            gate.through(
                3L,
                () -> {
                  throw new IllegalStateException("rolled back");
                }));
    assertEquals(1, gate.through(3L, () -> 1));
  }

  @Test
  void refusesAGateWithoutRoom() {
    assertThrows(IllegalArgumentException.class, () -> new LocationGate(0, Duration.ZERO));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
