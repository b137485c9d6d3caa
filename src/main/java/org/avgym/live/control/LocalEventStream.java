package org.avgym.live.control;

import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.avgym.live.entity.LiveEvent;
import org.avgym.live.entity.Topic;

/**
 * The stream kept in this instance's memory: per topic, the newest {@code maxEvents} events no
 * older than {@code maxAge}. A restart starts a new epoch.
 */
public class LocalEventStream implements EventStream {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final String epoch = UUID.randomUUID().toString();
  private final int maxEvents;
  private final long maxAgeNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong order = new AtomicLong();
  private final Map<Topic, TopicLog> logs = new EnumMap<>(Topic.class);

  public LocalEventStream(int maxEvents, Duration maxAge, LongSupplier nanoClock) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("history must keep at least one event");
    }
    this.maxEvents = maxEvents;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoClock = nanoClock;
    for (Topic topic : Topic.values()) {
      logs.put(topic, new TopicLog());
    }
  }

  @Override
  public String epoch() {
    return epoch;
  }

  @Override
  public LiveEvent publish(Topic topic, String data) {
    TopicLog log = logs.get(topic);
    synchronized (log) {
      long seq = ++log.head;
      long now = nanoClock.getAsLong();
      String frame =
          "{\"type\":\"event\",\"topic\":"
              + JSON.createValue(topic.wire())
              + ",\"epoch\":\""
              + epoch
              + "\",\"seq\":"
              + seq
              + ",\"data\":"
              + data
              + "}";
      LiveEvent event =
          new LiveEvent(
              topic, seq, order.incrementAndGet(), now, System.currentTimeMillis(), frame);
      log.ring[slot(seq)] = event;
      if (log.head - log.oldest + 1 > maxEvents) {
        log.oldest = log.head - maxEvents + 1;
      }
      trim(log, now);
      return event;
    }
  }

  @Override
  public long head(Topic topic) {
    TopicLog log = logs.get(topic);
    synchronized (log) {
      return log.head;
    }
  }

  @Override
  public Map<Topic, Long> heads(Iterable<Topic> topics) {
    Map<Topic, Long> heads = new EnumMap<>(Topic.class);
    for (Topic topic : topics) {
      heads.put(topic, head(topic));
    }
    return heads;
  }

  @Override
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

    /** The oldest sequence still kept; head + 1 when none is. */
    private long oldest = 1;
  }
}
