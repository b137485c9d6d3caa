package org.avgym.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.avgym.live.entity.LiveEvent;
import org.avgym.live.entity.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real Hazelcast members in this JVM, joined on loopback as one grid of their own. */
class GridEventStreamTest {

  private final String cluster = "avgym-test-" + UUID.randomUUID();
  private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<GridEventStream> streams = new ArrayList<>();
  private final AtomicInteger notified = new AtomicInteger();
  private final AtomicInteger newEpochs = new AtomicInteger();

  @AfterEach
  void stop() {
    streams.forEach(GridEventStream::close);
    members.forEach(HazelcastInstance::shutdown);
    executor.shutdownNow();
  }

  private HazelcastInstance member() {
    Config config = new Config().setClusterName(cluster);
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getNetworkConfig().setPort(5801).setPortAutoIncrement(true).setPortCount(50);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    members.add(member);
    return member;
  }

  private GridEventStream stream(HazelcastInstance member, int maxEvents) {
    GridEventStream stream =
        new GridEventStream(
            member,
            maxEvents,
            Duration.ofMinutes(10),
            System::nanoTime,
            executor,
            notified::incrementAndGet,
            newEpochs::incrementAndGet);
    streams.add(stream);
    return stream;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "condition not met within 20 s");
      Thread.sleep(10);
    }
  }

  private static List<Long> seqs(List<LiveEvent> events) {
    return events.stream().map(LiveEvent::seq).toList();
  }

  @Test
  void twoInstancesShareOneSequenceAndEpochAndAnyResumesFromTheOthersPosition() throws Exception {
    HazelcastInstance a = member();
    HazelcastInstance b = member();
    GridEventStream onA = stream(a, 100);
    GridEventStream onB = stream(b, 100);
    assertEquals(onA.epoch(), onB.epoch());

    assertEquals(1, onA.publish(Topic.CHECKINS, "{\"n\":1}").seq());
    assertEquals(2, onB.publish(Topic.CHECKINS, "{\"n\":2}").seq());
    assertEquals(3, onA.publish(Topic.CHECKINS, "{\"n\":3}").seq());
    assertEquals(1, onB.publish(Topic.ALERTS, "{}").seq());
    assertEquals(3, onB.head(Topic.CHECKINS));

    await(() -> onB.after(Topic.CHECKINS, 0, 10).size() == 3);
    await(() -> onA.after(Topic.CHECKINS, 0, 10).size() == 3);
    List<LiveEvent> onBAfter1 = onB.after(Topic.CHECKINS, 1, 10);
    assertEquals(List.of(2L, 3L), seqs(onBAfter1));
    assertEquals(
        "{\"type\":\"event\",\"topic\":\"checkins\",\"epoch\":\""
            + onA.epoch()
            + "\",\"seq\":3,\"data\":{\"n\":3}}",
        onBAfter1.get(1).frame());
    assertEquals(seqs(onA.after(Topic.CHECKINS, 1, 10)), seqs(onBAfter1));
    assertTrue(notified.get() > 0, "subscribers are told about events from the other instance");
  }

  @Test
  void anInstanceThatJoinsLaterServesOlderEventsFromTheGrid() throws Exception {
    HazelcastInstance a = member();
    GridEventStream onA = stream(a, 100);
    for (int i = 1; i <= 5; i++) {
      onA.publish(Topic.OCCUPANCY, "{\"n\":" + i + "}");
    }
    GridEventStream onB = stream(member(), 100);
    assertEquals(onA.epoch(), onB.epoch());
    assertEquals(5, onB.head(Topic.OCCUPANCY));
    assertEquals(List.of(3L, 4L, 5L), seqs(onB.after(Topic.OCCUPANCY, 2, 10)));
    onA.publish(Topic.OCCUPANCY, "{\"n\":6}");
    await(() -> onB.after(Topic.OCCUPANCY, 5, 10).size() == 1);
    assertTrue(onB.after(Topic.OCCUPANCY, 2, 10).size() >= 3);
  }

  @Test
  void historySurvivesTheLossOfTheInstanceThatWroteIt() throws Exception {
    HazelcastInstance a = member();
    HazelcastInstance b = member();
    GridEventStream onA = stream(a, 100);
    GridEventStream onB = stream(b, 100);
    String epoch = onA.epoch();
    for (int i = 1; i <= 10; i++) {
      onA.publish(Topic.CHECKINS, "{\"n\":" + i + "}");
    }
    a.getLifecycleService().terminate();
    members.remove(a);
    // A third instance joining after the loss still finds the whole history and the same epoch.
    GridEventStream onC = stream(member(), 100);
    assertEquals(epoch, onC.epoch());
    assertEquals(seqs(onC.after(Topic.CHECKINS, 0, 100)).size(), 10);
    assertEquals(11, onB.publish(Topic.CHECKINS, "{}").seq());
  }

  @Test
  void aPositionOlderThanTheGridKeepsIsAGapAndANewGridIsANewEpoch() throws Exception {
    HazelcastInstance a = member();
    GridEventStream onA = stream(a, 5);
    for (int i = 0; i < 12; i++) {
      onA.publish(Topic.ALERTS, "{}");
    }
    GridEventStream late = stream(member(), 5);
    assertEquals(List.of(8L, 9L, 10L, 11L, 12L), seqs(late.after(Topic.ALERTS, 7, 100)));
    assertThrows(EventStream.GapException.class, () -> late.after(Topic.ALERTS, 6, 100));
    String epoch = onA.epoch();
    stop();
    members.clear();
    streams.clear();
    GridEventStream fresh =
        new GridEventStream(
            member(),
            5,
            Duration.ofMinutes(10),
            System::nanoTime,
            Executors.newSingleThreadScheduledExecutor(),
            () -> {},
            () -> {});
    streams.add(fresh);
    assertNotEquals(epoch, fresh.epoch());
    assertEquals(0, fresh.head(Topic.ALERTS));
  }

  @Test
  void whenTheGridLosesATopicsHistoryTheStreamGoesOnUnderANewEpoch() throws Exception {
    HazelcastInstance a = member();
    GridEventStream onA = stream(a, 100);
    GridEventStream onB = stream(member(), 100);
    for (int i = 1; i <= 30; i++) {
      onA.publish(Topic.ALERTS, "{\"n\":" + i + "}");
    }
    onA.publish(Topic.CHECKINS, "{}");
    await(() -> onB.after(Topic.ALERTS, 0, 100).size() == 30);
    String epoch = onA.epoch();

    // Both copies gone at once (as when the members holding them die together): the ringbuffer
    // starts again from sequence 0, behind where every follower stands.
    a.getRingbuffer(GridEventStream.PREFIX + Topic.ALERTS.wire()).destroy();
    await(() -> newEpochs.get() == 2);
    assertNotEquals(epoch, onA.epoch());
    assertEquals(onA.epoch(), onB.epoch(), "every instance goes on under the same new epoch");

    // Events published after the loss reach every instance's copy (before: never again).
    LiveEvent next = onA.publish(Topic.ALERTS, "{\"after\":true}");
    assertEquals(1, next.seq());
    await(() -> onB.after(Topic.ALERTS, 0, 100).size() == 1);
    assertTrue(onB.after(Topic.ALERTS, 0, 100).get(0).frame().contains(onA.epoch()));
    assertEquals(2, onB.publish(Topic.CHECKINS, "{}").seq(), "other topics keep their sequence");
    await(() -> onA.after(Topic.CHECKINS, 1, 100).size() == 1);
  }
}
