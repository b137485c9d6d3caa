package org.avgym.live.control;

import java.util.List;
import java.util.Map;
import org.avgym.live.entity.LiveEvent;
import org.avgym.live.entity.Topic;

/**
 * The sequenced, bounded history of every topic. One small interface because the first
 * implementation is local to one instance, and a data-grid cluster must share the stream.
 */
public interface EventStream {

  /** Changes whenever history was lost (for example a restart); clients must then reload. */
  String epoch();

  /** Appends an event; {@code data} is a JSON object. Returns the event with its sequence. */
  LiveEvent publish(Topic topic, String data);

  /** The sequence number of the newest event of a topic (0 when none yet). */
  long head(Topic topic);

  Map<Topic, Long> heads(Iterable<Topic> topics);

  /**
   * The newest event of a topic this instance can hand out now: the head, or, where the stream is
   * shared and this instance's copy follows it, what the copy has reached.
   */
  default long available(Topic topic) {
    return head(topic);
  }

  /**
   * The events of a topic after {@code afterSeq}, at most {@code max}, oldest first; empty when
   * there are none. Throws {@link GapException} when some of them are no longer kept.
   */
  List<LiveEvent> after(Topic topic, long afterSeq, int max);

  /** Thrown when a reader asks for events that history no longer holds. */
  final class GapException extends RuntimeException {
    public GapException(Topic topic, long afterSeq, long oldestKept) {
      super(
          "events of "
              + topic.wire()
              + " after "
              + afterSeq
              + " are gone; the oldest kept is "
              + oldestKept,
          null,
          false,
          false);
    }
  }
}
