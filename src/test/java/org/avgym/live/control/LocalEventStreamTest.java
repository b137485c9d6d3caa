package org.avgym.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.avgym.live.entity.LiveEvent;
import org.avgym.live.entity.Topic;
import org.junit.jupiter.api.Test;

class LocalEventStreamTest {

  private final AtomicLong clock = new AtomicLong();

  private LocalEventStream stream(int maxEvents, Duration maxAge) {
    return new LocalEventStream(maxEvents, maxAge, clock::get);
  }

  @Test
  void sequenceGrowsByOnePerTopicIndependently() {
    LocalEventStream stream = stream(100, Duration.ofMinutes(10));
    assertEquals(1, stream.publish(Topic.CHECKINS, "{}").seq());
    assertEquals(2, stream.publish(Topic.CHECKINS, "{}").seq());
    assertEquals(1, stream.publish(Topic.ALERTS, "{}").seq());
    assertEquals(2, stream.head(Topic.CHECKINS));
    assertEquals(0, stream.head(Topic.POOLS));
  }

  @Test
  void framesCarryTopicEpochSeqAndData() {
    LocalEventStream stream = stream(100, Duration.ofMinutes(10));
    LiveEvent event = stream.publish(Topic.OCCUPANCY, "{\"location\":\"downtown\"}");
    assertEquals(
        "{\"type\":\"event\",\"topic\":\"occupancy\",\"epoch\":\""
            + stream.epoch()
            + "\",\"seq\":1,\"data\":{\"location\":\"downtown\"}}",
        event.frame());
  }

  @Test
  void readsExactlyTheEventsAfterAPosition() {
    LocalEventStream stream = stream(100, Duration.ofMinutes(10));
    for (int i = 0; i < 10; i++) {
      stream.publish(Topic.CHECKINS, "{\"n\":" + i + "}");
    }
    List<LiveEvent> after = stream.after(Topic.CHECKINS, 6, 100);
    assertEquals(List.of(7L, 8L, 9L, 10L), after.stream().map(LiveEvent::seq).toList());
    assertEquals(2, stream.after(Topic.CHECKINS, 6, 2).size());
    assertTrue(stream.after(Topic.CHECKINS, 10, 100).isEmpty());
  }

  @Test
  void historyIsBoundedByCountAndSaysWhenEventsAreGone() {
    LocalEventStream stream = stream(5, Duration.ofMinutes(10));
    for (int i = 0; i < 12; i++) {
      stream.publish(Topic.CHECKINS, "{}");
    }
    assertEquals(List.of(8L, 9L, 10L, 11L, 12L), seqs(stream.after(Topic.CHECKINS, 7, 100)));
    assertThrows(EventStream.GapException.class, () -> stream.after(Topic.CHECKINS, 6, 100));
  }

  @Test
  void historyIsBoundedByAge() {
    LocalEventStream stream = stream(100, Duration.ofSeconds(10));
    stream.publish(Topic.ALERTS, "{}");
    clock.addAndGet(Duration.ofSeconds(5).toNanos());
    stream.publish(Topic.ALERTS, "{}");
    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    assertEquals(List.of(2L), seqs(stream.after(Topic.ALERTS, 1, 100)));
    assertThrows(EventStream.GapException.class, () -> stream.after(Topic.ALERTS, 0, 100));
  }

  @Test
  void refusesAnEmptyHistory() {
    assertThrows(IllegalArgumentException.class, () -> stream(0, Duration.ofMinutes(1)));
  }

  private static List<Long> seqs(List<LiveEvent> events) {
    return events.stream().map(LiveEvent::seq).toList();
  }
}
