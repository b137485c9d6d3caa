package org.avgym.live.control;

import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.avgym.live.control.EventStream.GapException;
import org.avgym.live.entity.LiveEvent;
import org.avgym.live.entity.Topic;

/**
 * The newest events of every topic in this instance's memory, at most {@code maxEvents} each and
 * none older than {@code maxAgeNanos}, indexed by their sequence number. The whole stream on a
 * single instance; on a cluster, this instance's copy of what the grid holds.
 */
public final class History {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final int maxEvents;
  private final long maxAgeNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong order = new AtomicLong();
  private final Map<Topic, TopicLog> logs = new EnumMap<>(Topic.class);

  public History(int maxEvents, long maxAgeNanos, LongSupplier nanoClock) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("history must keep at least one event");
    }
    this.maxEvents = maxEvents;
    this.maxAgeNanos = maxAgeNanos;
    this.nanoClock = nanoClock;
    for (Topic topic : Topic.values()) {
      logs.put(topic, new TopicLog());
    }
  }

  /** The wire frame of an event, serialized once for every subscriber. */
  public static String frame(Topic topic, String epoch, long seq, String data) {
    return "{\"type\":\"event\",\"topic\":"
        + JSON.createValue(topic.wire())
        + ",\"epoch\":\""
        + epoch
        + "\",\"seq\":"
        + seq
        + ",\"data\":"
        + data
        + "}";
  }

  /**
   * Keeps an event with the next sequence number after {@code head(topic)}, published {@code
   * ageNanos} ago. Returns it.
   */
  public LiveEvent append(Topic topic, String epoch, long seq, String data, long ageNanos) {
    TopicLog log = logs.get(topic);
    long now = nanoClock.getAsLong();
    synchronized (log) {
      if (seq != log.head + 1) {
        // A jump (events this copy never saw): what it kept is no longer contiguous.
        for (long s = log.oldest; s <= log.head; s++) {
          log.ring[slot(s)] = null;
        }
        log.oldest = seq;
      }
      LiveEvent event =
          new LiveEvent(
              topic,
              seq,
              order.incrementAndGet(),
              now - ageNanos,
              System.currentTimeMillis() - ageNanos / 1_000_000,
              frame(topic, epoch, seq, data));
      log.head = seq;
      log.ring[slot(seq)] = event;
      if (log.head - log.oldest + 1 > maxEvents) {
        log.oldest = log.head - maxEvents + 1;
      }
      trim(log, now);
      return event;
    }
  }

  /**
   * Starts a topic's copy at {@code head} without the events up to it (an instance joining a stream
   * that already has history); does nothing when the copy is already there.
   */
  public void skipTo(Topic topic, long head) {
    TopicLog log = logs.get(topic);
    synchronized (log) {
      if (head > log.head) {
        for (long s = log.oldest; s <= log.head; s++) {
          log.ring[slot(s)] = null;
        }
        log.head = head;
        log.oldest = head + 1;
      }
    }
  }

  /**
   * Restarts a topic's copy at {@code head}, dropping what it kept, also when that is behind its
   * current head (the stream went on under a new epoch).
   */
  public void restartAt(Topic topic, long head) {
    TopicLog log = logs.get(topic);
    synchronized (log) {
      for (long s = log.oldest; s <= log.head; s++) {
        log.ring[slot(s)] = null;
      }
      log.head = head;
      log.oldest = head + 1;
    }
  }

  /** The newest sequence number of a topic (0 when none yet). */
  public long head(Topic topic) {
    TopicLog log = logs.get(topic);
    synchronized (log) {
      return log.head;
    }
  }

  /** The oldest sequence number still kept, {@code head + 1} when none is. */
  public long oldest(Topic topic) {
    TopicLog log = logs.get(topic);
    synchronized (log) {
      trim(log, nanoClock.getAsLong());
      return log.oldest;
    }
  }

  /**
   * The events after {@code afterSeq}, at most {@code max}, oldest first; empty when there are
   * none. Throws {@link GapException} when some of them are no longer kept.
   */
  public List<LiveEvent> after(Topic topic, long afterSeq, int max) {
    TopicLog log = logs.get(topic);
    synchronized (log) {
      trim(log, nanoClock.getAsLong());
      if (afterSeq >= log.head) {
        return List.of();
      }
      if (afterSeq + 1 < log.oldest) {
        throw new GapException(topic, afterSeq, log.oldest);
      }
      long last = Math.min(log.head, afterSeq + max);
      List<LiveEvent> result = new ArrayList<>((int) (last - afterSeq));
      for (long seq = afterSeq + 1; seq <= last; seq++) {
        result.add(log.ring[slot(seq)]);
      }
      return result;
    }
  }

  private int slot(long seq) {
    return (int) (seq % maxEvents);
  }

  /** Drops events past their age; sequence numbers stay dense, so the ring is indexed by seq. */
  private void trim(TopicLog log, long now) {
    while (log.oldest <= log.head
        && now - log.ring[slot(log.oldest)].publishedNanos() > maxAgeNanos) {
      log.ring[slot(log.oldest)] = null;
      log.oldest++;
    }
  }

  private final class TopicLog {
    private final LiveEvent[] ring = new LiveEvent[maxEvents];
    private long head;
    private long oldest = 1;
  }
}
