package org.avgym.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.avgym.live.entity.Topic;
import org.junit.jupiter.api.Test;

class SubscriberTest {

  /** A client whose sends complete only when the test says so. */
  static final class FakeChannel implements Subscriber.Channel {
    final List<String> frames = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    final List<Long> probes = new ArrayList<>();
    int closedWith;

    @Override
    public void probe(long id) {
      probes.add(id);
    }

    @Override
    public void send(String frame, Consumer<Throwable> done) {
      frames.add(frame);
      pending.add(done);
    }

    @Override
    public void close(int code, String reason) {
      closedWith = code;
    }

    @Override
    public String id() {
      return "fake";
    }

    void completeAll() {
      while (!pending.isEmpty()) {
        pending.remove(0).accept(null);
      }
    }
  }

  static final class Counting implements Subscriber.Listener {
    int events;
    int slow;

    @Override
    public void sent(int count, long oldestPublishedNanos) {
      events += count;
    }

    @Override
    public void slowConsumerClosed(long backlog) {
      slow++;
    }
  }

  /**
   * A stream like the grid's: its head (the grid's) runs ahead of what this instance's copy can
   * hand out yet.
   */
  static final class LaggingStream implements EventStream {
    final LocalEventStream copy =
        new LocalEventStream(1000, Duration.ofMinutes(10), System::nanoTime);
    long gridHead;

    @Override
    public String epoch() {
      return copy.epoch();
    }

    @Override
    public org.avgym.live.entity.LiveEvent publish(Topic topic, String data) {
      return copy.publish(topic, data);
    }

    @Override
    public long head(Topic topic) {
      return Math.max(gridHead, copy.head(topic));
    }

    @Override
    public long available(Topic topic) {
      return copy.head(topic);
    }

    @Override
    public Map<Topic, Long> heads(Iterable<Topic> topics) {
      return copy.heads(topics);
    }

    @Override
    public List<org.avgym.live.entity.LiveEvent> after(Topic topic, long afterSeq, int max) {
      return copy.after(topic, afterSeq, max);
    }
  }

  @Test
  void aCopyLaggingTheGridHeadNeitherSpinsNorStallsTheSubscriber() {
    LaggingStream lagging = new LaggingStream();
    FakeChannel channel = new FakeChannel();
    Subscriber subscriber = new Subscriber(channel, lagging, Map.of(Topic.CHECKINS, 0L));
    Counting listener = new Counting();
    lagging.publish(Topic.CHECKINS, "{\"n\":1}");
    subscriber.pump(100, 10, listener);
    lagging.gridHead = 5; // four more events in the grid, not yet in this instance's copy
    channel.completeAll(); // the send completes and pumps again: nothing to send yet
    assertEquals(1, channel.frames.size());
    assertEquals(0, subscriber.sendingForNanos(System.nanoTime()), "no send left hanging");
    lagging.publish(Topic.CHECKINS, "{\"n\":2}"); // the copy grows: the fan-out pumps
    subscriber.pump(100, 10, listener);
    channel.completeAll();
    assertEquals(2, channel.frames.size());
    assertEquals(2, listener.events);
    assertEquals(0, channel.closedWith);
  }

  private final LocalEventStream stream =
      new LocalEventStream(1000, Duration.ofMinutes(10), System::nanoTime);

  @Test
  void confirmationGoesOutBeforeEventsAndEventsArriveInOrder() {
    FakeChannel channel = new FakeChannel();
    Subscriber subscriber = new Subscriber(channel, stream, Map.of());
    Counting listener = new Counting();
    subscriber.subscribe(Map.of(Topic.CHECKINS, 0L), "{\"type\":\"subscribed\"}");
    stream.publish(Topic.CHECKINS, "{\"n\":1}");
    subscriber.pump(100, 10, listener);
    channel.completeAll();
    assertEquals("{\"type\":\"subscribed\"}", channel.frames.get(0));
    assertTrue(channel.frames.get(1).contains("\"seq\":1"));
    assertEquals(1, listener.events);
  }

  @Test
  void eventsThatPileUpDuringASendGoOutAsOneBatch() {
    FakeChannel channel = new FakeChannel();
    Subscriber subscriber = new Subscriber(channel, stream, Map.of(Topic.CHECKINS, 0L));
    Counting listener = new Counting();
    stream.publish(Topic.CHECKINS, "{\"n\":1}");
    subscriber.pump(100, 10, listener);
    for (int i = 2; i <= 4; i++) {
      stream.publish(Topic.CHECKINS, "{\"n\":" + i + "}");
      subscriber.pump(100, 10, listener);
    }
    assertEquals(1, channel.frames.size(), "only one send in flight");
    channel.completeAll();
    assertEquals(2, channel.frames.size());
    String batch = channel.frames.get(1);
    assertTrue(batch.startsWith("{\"type\":\"batch\",\"events\":["), batch);
    assertTrue(
        batch.indexOf("\"seq\":2") < batch.indexOf("\"seq\":3")
            && batch.indexOf("\"seq\":3") < batch.indexOf("\"seq\":4"));
    assertEquals(4, listener.events);
  }

  @Test
  void mergesTopicsInPublicationOrder() {
    FakeChannel channel = new FakeChannel();
    Subscriber subscriber =
        new Subscriber(channel, stream, Map.of(Topic.CHECKINS, 0L, Topic.OCCUPANCY, 0L));
    stream.publish(Topic.OCCUPANCY, "{\"o\":1}");
    stream.publish(Topic.CHECKINS, "{\"c\":1}");
    stream.publish(Topic.OCCUPANCY, "{\"o\":2}");
    subscriber.pump(100, 10, new Counting());
    String batch = channel.frames.get(0);
    assertTrue(batch.indexOf("\"o\":1") < batch.indexOf("\"c\":1"));
    assertTrue(batch.indexOf("\"c\":1") < batch.indexOf("\"o\":2"));
  }

  @Test
  void aClientPastItsBacklogIsClosedWithTryAgainLater() {
    FakeChannel channel = new FakeChannel();
    Subscriber subscriber = new Subscriber(channel, stream, Map.of(Topic.CHECKINS, 0L));
    Counting listener = new Counting();
    stream.publish(Topic.CHECKINS, "{}");
    subscriber.pump(5, 10, listener);
    for (int i = 0; i < 10; i++) {
      stream.publish(Topic.CHECKINS, "{}");
    }
    channel.pending.remove(0).accept(null);
    assertEquals(Subscriber.TRY_AGAIN_LATER, channel.closedWith);
    assertEquals(1, listener.slow);
    assertTrue(subscriber.isClosed());
  }

  @Test
  void aClientThatNeverAnswersProbesIsClosedOnceTooMuchIsUnconfirmed() {
    FakeChannel channel = new FakeChannel();
    Subscriber subscriber =
        new Subscriber(channel, stream, Map.of(Topic.CHECKINS, 0L), new Subscriber.Flow(200, 1000));
    Counting listener = new Counting();
    for (int i = 0; i < 40 && channel.closedWith == 0; i++) {
      stream.publish(Topic.CHECKINS, "{\"pad\":\"" + "x".repeat(50) + "\"}");
      subscriber.pump(1000, 1, listener);
      channel.completeAll();
    }
    assertEquals(List.of(1L), channel.probes, "one probe out, never answered");
    assertEquals(Subscriber.TRY_AGAIN_LATER, channel.closedWith);
    assertEquals(1, listener.slow);
  }

  @Test
  void answeredProbesKeepAReadingClientOpen() {
    FakeChannel channel = new FakeChannel();
    Subscriber subscriber =
        new Subscriber(channel, stream, Map.of(Topic.CHECKINS, 0L), new Subscriber.Flow(200, 1000));
    Counting listener = new Counting();
    for (int i = 0; i < 100; i++) {
      stream.publish(Topic.CHECKINS, "{\"pad\":\"" + "x".repeat(50) + "\"}");
      subscriber.pump(1000, 1, listener);
      channel.completeAll();
      channel.probes.forEach(subscriber::confirmed);
    }
    assertEquals(0, channel.closedWith);
    assertEquals(100, listener.events);
    assertTrue(channel.probes.size() > 10);
    assertTrue(subscriber.unconfirmedBytes() < 1000);
  }

  @Test
  void aFailedSendClosesTheClient() {
    FakeChannel channel = new FakeChannel();
    Subscriber subscriber = new Subscriber(channel, stream, Map.of(Topic.ALERTS, 0L));
    stream.publish(Topic.ALERTS, "{}");
    subscriber.pump(100, 10, new Counting());
    channel.pending.remove(0).accept(new java.io.IOException("broken pipe"));
    assertTrue(subscriber.isClosed());
    assertEquals(1011, channel.closedWith);
  }
}
