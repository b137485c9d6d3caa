package org.avgym.live.control;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.avgym.live.entity.LiveEvent;
import org.avgym.live.entity.Topic;

/**
 * The stream kept in this instance's memory alone (an instance outside any data grid): per topic,
 * the newest {@code maxEvents} events no older than {@code maxAge}. A restart starts a new epoch,
 * because the history is gone with it.
 */
public class LocalEventStream implements EventStream {

  private final String epoch = UUID.randomUUID().toString();
  private final History history;

  public LocalEventStream(int maxEvents, Duration maxAge, LongSupplier nanoClock) {
    this.history = new History(maxEvents, maxAge.toNanos(), nanoClock);
  }

  @Override
  public String epoch() {
    return epoch;
  }

  @Override
  public LiveEvent publish(Topic topic, String data) {
    synchronized (history) {
      return history.append(topic, epoch, history.head(topic) + 1, data, 0);
    }
  }

  @Override
  public long head(Topic topic) {
    return history.head(topic);
  }

  @Override
  public Map<Topic, Long> heads(Iterable<Topic> topics) {
    Map<Topic, Long> heads = new EnumMap<>(Topic.class);
    for (Topic topic : topics) {
      heads.put(topic, history.head(topic));
    }
    return heads;
  }

  @Override
  public List<LiveEvent> after(Topic topic, long afterSeq, int max) {
    return history.after(topic, afterSeq, max);
  }
}
