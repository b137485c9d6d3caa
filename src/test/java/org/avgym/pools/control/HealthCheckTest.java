package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

  /** A connection as the check sees it. */
  static final class FakeProbe implements HealthCheck.Probe {
    final String name;
    boolean open = true;
    boolean pingOutstanding;
    long pingSent;
    long lastHeard;
    boolean pingFails;
    int pings;

    FakeProbe(String name) {
      this.name = name;
    }

    @Override
    public boolean open() {
      return open;
    }

    @Override
    public boolean pingOutstanding() {
      return pingOutstanding;
    }

    @Override
    public long pingSentNanos() {
      return pingSent;
    }

    @Override
    public long lastHeardNanos() {
      return lastHeard;
    }

    @Override
    public void ping(long nowNanos) throws IOException {
      if (pingFails) {
        throw new IOException("broken pipe");
      }
      pings++;
      pingSent = nowNanos;
      pingOutstanding = true;
    }

    void heard(long nowNanos) {
      lastHeard = nowNanos;
    }

    void pong(long nowNanos) {
      lastHeard = nowNanos;
      pingOutstanding = false;
    }
  }

  private final List<String> failed = new ArrayList<>();

  private void run(long now, FakeProbe... probes) {
    HealthCheck.run(List.of(probes), now, p -> failed.add(p.name));
  }

  @Test
  void aConnectionThatAnsweredItsPingPasses() {
    FakeProbe probe = new FakeProbe("a");
    run(100, probe);
    probe.pong(150);
    run(200, probe);
    assertEquals(List.of(), failed);
    assertEquals(2, probe.pings);
  }

  @Test
  void aConnectionSilentSinceItsPingFailsAndIsPingedAgain() {
    FakeProbe probe = new FakeProbe("a");
    probe.heard(50);
    run(100, probe);
    run(200, probe);
    assertEquals(List.of("a"), failed);
    assertEquals(2, probe.pings, "pinged again, so an answer can bring it back");
  }

  @Test
  void anyFrameAfterThePingCountsAsLife() {
    FakeProbe busy = new FakeProbe("busy");
    run(100, busy);
    busy.heard(120); // an ack arrived; the pong is still queued behind the deliveries
    run(200, busy);
    assertEquals(List.of(), failed);
  }

  @Test
  void aPingThatCannotBeSentFailsTheCheckAndClosedConnectionsAreLeftAlone() {
    FakeProbe broken = new FakeProbe("broken");
    broken.pingFails = true;
    FakeProbe closed = new FakeProbe("closed");
    closed.open = false;
    closed.pingOutstanding = true;
    closed.pingSent = 10;
    run(100, broken, closed);
    assertEquals(List.of("broken"), failed);
    assertEquals(0, closed.pings);
  }

  @Test
  void roundsAreSpreadWithinTheJitter() {
    SplittableRandom random = new SplittableRandom(3);
    Duration interval = Duration.ofSeconds(5);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 1_000; i++) {
      long delay = HealthCheck.nextDelayNanos(interval, random);
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }
    assertTrue(min >= interval.toNanos() * (1 - HealthCheck.JITTER), "below the jitter");
    assertTrue(max <= interval.toNanos() * (1 + HealthCheck.JITTER), "above the jitter");
    assertTrue(max - min > interval.toNanos() * HealthCheck.JITTER, "not spread");
  }
}
