package org.avgym.live.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.avgym.live.entity.LiveEvent;
import org.avgym.live.entity.Topic;

/**
 * One live client's position in the stream: per topic, the last sequence sent. Its backlog is what
 * the stream holds beyond that, so a slow client costs a few counters, not a copy of every event;
 * past its bound it is closed (1013) and may resume. At most one send is in flight per client, and
 * whatever piled up meanwhile goes out as one batch.
 */
public final class Subscriber {

  /** How a subscriber reaches its client; implemented over a WebSocket session. */
  public interface Channel {
    /** Sends asynchronously; {@code done} gets null on success or the failure. */
    void send(String frame, Consumer<Throwable> done);

    void close(int code, String reason);

    String id();

    /** Sends a WebSocket ping whose pong confirms that the client read everything before it. */
    void probe(long id);
  }

  /**
   * Byte-level flow control. A container may accept writes long after a client stopped reading (its
   * buffers grow instead of blocking), so completed sends prove nothing. Every {@code
   * probeEveryBytes} a ping goes out; its pong proves the client read all that came before. More
   * than {@code maxUnconfirmedBytes} unconfirmed, or a probe unanswered for the send timeout, and
   * the client is treated as unable to keep up.
   */
  public record Flow(long probeEveryBytes, long maxUnconfirmedBytes) {
    public static final Flow DEFAULT = new Flow(64 * 1024, 1024 * 1024);
  }

  /** What happened to a subscriber on a pump, for metrics. */
  public interface Listener {
    void sent(int events, long oldestPublishedNanos);

    void slowConsumerClosed(long backlog);
  }

  public static final int TRY_AGAIN_LATER = 1013;

  private final Channel channel;
  private final EventStream stream;
  private final Map<Topic, Long> sent = new EnumMap<>(Topic.class);
  private final AtomicBoolean sending = new AtomicBoolean();

  /** When the send in flight started ({@link System#nanoTime()}), for the stall watchdog. */
  private volatile long sendStartedNanos;

  /** Control frames (subscribed, errors) go out before events, through the same single flight. */
  private final Queue<String> control = new ConcurrentLinkedQueue<>();

  private volatile boolean closed;

  private final Flow flow;
  private final Object flowLock = new Object();
  private long bytesSent;
  private long bytesConfirmed;
  private long probeId;
  private long probeBytes;
  private long probeSentNanos;
  private boolean probing;

  public Subscriber(Channel channel, EventStream stream, Map<Topic, Long> from) {
    this(channel, stream, from, Flow.DEFAULT);
  }

  public Subscriber(Channel channel, EventStream stream, Map<Topic, Long> from, Flow flow) {
    this.channel = channel;
    this.stream = stream;
    this.sent.putAll(from);
    this.flow = flow;
  }

  /** A pong arrived for probe {@code id}: everything sent before it was read. */
  public void confirmed(long id) {
    synchronized (flowLock) {
      if (probing && id == probeId) {
        bytesConfirmed = probeBytes;
        probing = false;
      }
    }
  }

  /** How long the current probe has gone unanswered; zero when none is out. */
  public long probeOutstandingNanos(long nowNanos) {
    synchronized (flowLock) {
      return probing && !closed ? nowNanos - probeSentNanos : 0;
    }
  }

  /** Bytes sent that the client has not yet confirmed reading. */
  public long unconfirmedBytes() {
    synchronized (flowLock) {
      return bytesSent - bytesConfirmed;
    }
  }

  /** Accounts for a frame about to go out; false when the client is too far behind. */
  private boolean account(String frame) {
    long probe = 0;
    synchronized (flowLock) {
      if (bytesSent - bytesConfirmed > flow.maxUnconfirmedBytes()) {
        return false;
      }
      bytesSent += frame.length();
      if (!probing && bytesSent - bytesConfirmed >= flow.probeEveryBytes()) {
        probing = true;
        probe = ++probeId;
        probeBytes = bytesSent;
        probeSentNanos = System.nanoTime();
      }
    }
    if (probe > 0) {
      channel.probe(probe);
    }
    return true;
  }

  public Channel channel() {
    return channel;
  }

  public synchronized Set<Topic> topics() {
    return Set.copyOf(sent.keySet());
  }

  /**
   * Adds topics from the given positions, after queueing {@code confirmation}, so the client sees
   * its confirmation before any event of the new topics.
   */
  public synchronized void subscribe(Map<Topic, Long> from, String confirmation) {
    control.add(confirmation);
    sent.putAll(from);
  }

  /** Queues a control frame such as an error; it goes out before pending events. */
  public void tell(String frame) {
    control.add(frame);
  }

  public boolean isClosed() {
    return closed;
  }

  public void markClosed() {
    closed = true;
  }

  /**
   * Events this instance could send this client now and has not. (Not up to a shared stream's head:
   * an event in the grid that this instance's copy has not reached yet cannot be sent, and counting
   * it made a pump with nothing to send call itself until the stack overflowed, leaving the
   * client's send "in flight" for the stall watchdog to close it.)
   */
  public synchronized long backlog() {
    long backlog = 0;
    for (Map.Entry<Topic, Long> position : sent.entrySet()) {
      backlog += Math.max(0, stream.available(position.getKey()) - position.getValue());
    }
    return backlog;
  }

  /**
   * Sends what is pending unless a send is already in flight; closes the client when its backlog is
   * over {@code maxBacklog} or history no longer holds what it still needs.
   */
  public void pump(int maxBacklog, int maxBatch, Listener listener) {
    if (closed || !sending.compareAndSet(false, true)) {
      return;
    }
    sendStartedNanos = System.nanoTime();
    String controlFrame = control.poll();
    if (controlFrame != null) {
      channel.send(
          controlFrame, failure -> afterSend(failure, 0, 0, maxBacklog, maxBatch, listener));
      return;
    }
    List<LiveEvent> batch;
    long backlog = backlog();
    if (backlog > maxBacklog) {
      closeSlow(backlog, listener);
      return;
    }
    try {
      batch = next(maxBatch);
    } catch (EventStream.GapException e) {
      closeSlow(backlog, listener);
      return;
    } catch (RuntimeException e) {
      // The stream could not be read (the grid did not answer): the client resumes elsewhere or
      // later with since, rather than wait with a send marked in flight that never was.
      closed = true;
      channel.close(1011, "live stream unavailable; resume with since");
      return;
    }
    if (batch.isEmpty()) {
      sending.set(false);
      if (backlog() > 0 || !control.isEmpty()) {
        pump(maxBacklog, maxBatch, listener);
      }
      return;
    }
    long oldest = batch.get(0).publishedNanos();
    String frame = frame(batch);
    if (!account(frame)) {
      closeSlow(backlog(), listener);
      return;
    }
    channel.send(
        frame, failure -> afterSend(failure, batch.size(), oldest, maxBacklog, maxBatch, listener));
  }

  private void afterSend(
      Throwable failure,
      int events,
      long oldestPublishedNanos,
      int maxBacklog,
      int maxBatch,
      Listener listener) {
    if (failure != null) {
      closed = true;
      channel.close(1011, "send failed");
      return;
    }
    if (events > 0) {
      listener.sent(events, oldestPublishedNanos);
    }
    sending.set(false);
    pump(maxBacklog, maxBatch, listener);
  }

  /** How long the send in flight has been waiting for the client; zero when none is. */
  public long sendingForNanos(long nowNanos) {
    return sending.get() && !closed ? nowNanos - sendStartedNanos : 0;
  }

  /**
   * Gives up on a client whose send has not completed in time: its socket is full because it
   * stopped reading. Closed with 1013, like any client that cannot keep up.
   */
  public void closeStalled(Listener listener) {
    if (!closed) {
      closeSlow(backlog(), listener);
    }
  }

  private void closeSlow(long backlog, Listener listener) {
    closed = true;
    listener.slowConsumerClosed(backlog);
    channel.close(TRY_AGAIN_LATER, "cannot keep up; resume with since");
  }

  /** The next events across topics in publication order, advancing the positions. */
  private synchronized List<LiveEvent> next(int max) {
    List<LiveEvent> candidates = new ArrayList<>();
    for (Map.Entry<Topic, Long> position : sent.entrySet()) {
      candidates.addAll(stream.after(position.getKey(), position.getValue(), max));
    }
    candidates.sort(Comparator.comparingLong(LiveEvent::order));
    List<LiveEvent> batch = candidates.size() > max ? candidates.subList(0, max) : candidates;
    for (LiveEvent event : batch) {
      sent.merge(event.topic(), event.seq(), Math::max);
    }
    return List.copyOf(batch);
  }

  static String frame(List<LiveEvent> batch) {
    if (batch.size() == 1) {
      return batch.get(0).frame();
    }
    StringBuilder sb =
        new StringBuilder(batch.size() * 256).append("{\"type\":\"batch\",\"events\":[");
    for (int i = 0; i < batch.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(batch.get(i).frame());
    }
    return sb.append("]}").toString();
  }
}
