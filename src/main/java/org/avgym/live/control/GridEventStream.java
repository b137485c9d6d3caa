package org.avgym.live.control;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.hazelcast.ringbuffer.StaleSequenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.live.entity.LiveEvent;
import org.avgym.live.entity.Topic;

/**
 * The stream shared by every instance of a data grid: one Hazelcast ringbuffer per topic, whose
 * sequence is the cluster-wide {@code seq} (plus one: the wire's first event is 1), whose capacity
 * and time-to-live bound history, and whose backup copy survives the loss of one instance. The
 * epoch lives in a grid map, so it changes only when the whole grid (and its history) is gone.
 *
 * <p>Each instance follows every ringbuffer (reading again at once while there is more, every 20 ms
 * when there is not) and keeps what it read in a {@link History}, from which its own subscribers
 * are served without a grid call per subscriber; only a client resuming from further back than this
 * copy reads the ringbuffer.
 */
public class GridEventStream implements EventStream, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GridEventStream.class.getName());

  static final String PREFIX = "avgym.live.";
  static final String STATE = "avgym.live";
  static final int READ_BATCH = 500;
  static final long POLL_MILLIS = 20;
  static final long END_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final HazelcastInstance grid;
  private final History copy;
  private final Runnable onNewEvents;
  private final Runnable onNewEpoch;
  private final ScheduledExecutorService executor;
  private volatile String epoch;
  private final Map<Topic, Ringbuffer<String>> rings = new EnumMap<>(Topic.class);
  private final AtomicLong readFailures = new AtomicLong();
  private final AtomicLong epochChanges = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicLongArray lastEndCheck =
      new java.util.concurrent.atomic.AtomicLongArray(Topic.values().length);
  private final int readBatch;
  private volatile boolean closed;

  /**
   * Joins the grid's stream (configuring its ringbuffers when this is the first instance) and
   * starts following it from its current head; {@code onNewEvents} runs whenever this instance's
   * copy grew, on {@code executor}; {@code onNewEpoch} when the grid lost a topic's history (both
   * copies of its ringbuffer) and the stream went on under a new epoch.
   */
  public GridEventStream(
      HazelcastInstance grid,
      int maxEvents,
      Duration maxAge,
      LongSupplier nanoClock,
      ScheduledExecutorService executor,
      Runnable onNewEvents,
      Runnable onNewEpoch) {
    this.grid = grid;
    this.copy = new History(maxEvents, maxAge.toNanos(), nanoClock);
    this.executor = executor;
    this.onNewEvents = onNewEvents;
    this.onNewEpoch = onNewEpoch;
    this.readBatch = Math.min(READ_BATCH, maxEvents);
    try {
      grid.getConfig()
          .addRingBufferConfig(
              new RingbufferConfig(PREFIX + "*")
                  .setCapacity(maxEvents)
                  .setTimeToLiveSeconds((int) Math.max(1, maxAge.toSeconds()))
                  .setBackupCount(1));
    } catch (InvalidConfigurationException e) {
      // Another instance (or an earlier deployment) set different bounds: the grid keeps its own.
      LOG.warning(
          () ->
              "Live stream history bounds differ from the grid's ("
                  + e.getMessage()
                  + "); the grid's bounds apply");
    }
    String fresh = UUID.randomUUID().toString();
    String shared = grid.<String, String>getMap(STATE).putIfAbsent("epoch", fresh);
    this.epoch = shared == null ? fresh : shared;
    for (Topic topic : Topic.values()) {
      Ringbuffer<String> ring = grid.getRingbuffer(PREFIX + topic.wire());
      rings.put(topic, ring);
      long tail = ring.tailSequence();
      copy.skipTo(topic, tail + 1);
      follow(topic, tail + 1);
    }
  }

  @Override
  public String epoch() {
    return epoch;
  }

  @Override
  public LiveEvent publish(Topic topic, String data) {
    long seq = rings.get(topic).add(System.currentTimeMillis() + ":" + data) + 1;
    return new LiveEvent(
        topic,
        seq,
        0,
        System.nanoTime(),
        System.currentTimeMillis(),
        History.frame(topic, epoch, seq, data));
  }

  /** The grid's head, which this instance's copy reaches a moment later. */
  @Override
  public long head(Topic topic) {
    return rings.get(topic).tailSequence() + 1;
  }

  /** What this instance's copy has reached: all that can be sent from here now. */
  @Override
  public long available(Topic topic) {
    return copy.head(topic);
  }

  @Override
  public Map<Topic, Long> heads(Iterable<Topic> topics) {
    Map<Topic, Long> heads = new EnumMap<>(Topic.class);
    for (Topic topic : topics) {
      heads.put(topic, head(topic));
    }
    return heads;
  }

  /**
   * From this instance's copy; what the copy has not reached yet comes with the next fan-out, and
   * what it never held (older than this instance) comes from the grid.
   */
  @Override
  public List<LiveEvent> after(Topic topic, long afterSeq, int max) {
    if (afterSeq + 1 >= copy.oldest(topic) || afterSeq >= copy.head(topic)) {
      return copy.after(topic, afterSeq, max);
    }
    return fromGrid(topic, afterSeq, (int) Math.min(max, copy.oldest(topic) - afterSeq - 1));
  }

  private List<LiveEvent> fromGrid(Topic topic, long afterSeq, int max) {
    Ringbuffer<String> ring = rings.get(topic);
    long oldest = ring.headSequence() + 1;
    if (afterSeq + 1 < oldest) {
      throw new GapException(topic, afterSeq, oldest);
    }
    try {
      ReadResultSet<String> read =
          ring.readManyAsync(afterSeq, 0, Math.min(max, readBatch), null)
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      List<LiveEvent> events = new ArrayList<>(read.size());
      long now = System.currentTimeMillis();
      for (int i = 0; i < read.size(); i++) {
        Item item = Item.parse(read.get(i));
        long seq = read.getSequence(i) + 1;
        long ageNanos = Math.max(0, now - item.millis()) * 1_000_000;
        events.add(
            new LiveEvent(
                topic,
                seq,
                0,
                System.nanoTime() - ageNanos,
                item.millis(),
                History.frame(topic, epoch, seq, item.data())));
      }
      return events;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StaleSequenceException stale) {
        throw new GapException(topic, afterSeq, stale.getHeadSeq() + 1);
      }
      throw new IllegalStateException("could not read the live stream from the grid", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the grid did not answer a live stream read in 5 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the live stream", e);
    }
  }

  /**
   * Reads whatever the ringbuffer holds from {@code next} on; when nothing new is there, looks
   * again {@link #POLL_MILLIS} later. (A read parked until an item arrives would run into the
   * grid's operation timeout on a quiet topic.)
   */
  private void follow(Topic topic, long next) {
    if (closed) {
      return;
    }
    java.util.concurrent.CompletionStage<ReadResultSet<String>> reading;
    try {
      reading = rings.get(topic).readManyAsync(next, 0, readBatch, null);
    } catch (RuntimeException e) {
      executor.execute(() -> recover(topic, next, e));
      return;
    }
    reading.whenCompleteAsync(
        (read, failure) -> {
          try {
            if (failure != null) {
              recover(topic, next, unwrap(failure));
            } else if (read.size() == 0 && behindUs(topic, next)) {
              historyLost(topic, next);
            } else if (read.size() == 0) {
              schedule(() -> follow(topic, next), POLL_MILLIS);
            } else {
              keep(topic, read);
              follow(topic, read.getNextSequenceToReadFrom());
            }
          } catch (RuntimeException | Error e) {
            // Whatever went wrong, this topic's follower must not end here.
            readFailures.incrementAndGet();
            LOG.log(Level.WARNING, "Live stream " + topic.wire() + ": following failed", e);
            schedule(() -> follow(topic, next), 1000);
          }
        },
        executor);
  }

  /**
   * Whether the ringbuffer's end is behind {@code next}, looked at about once a second per topic
   * while it is quiet: the grid answers a read past the end with nothing, so that is how a loss of
   * the topic's items (the members holding both copies died at once) and a new start shows.
   */
  private boolean behindUs(Topic topic, long next) {
    long now = System.nanoTime();
    int index = topic.ordinal();
    if (now - lastEndCheck.get(index) < END_CHECK_NANOS) {
      return false;
    }
    lastEndCheck.set(index, now);
    return next > rings.get(topic).tailSequence() + 1;
  }

  private void schedule(Runnable task, long millis) {
    if (!closed) {
      try {
        executor.schedule(task, millis, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        closed = true; // the application is stopping
      }
    }
  }

  private void keep(Topic topic, ReadResultSet<String> read) {
    long now = System.currentTimeMillis();
    for (int i = 0; i < read.size(); i++) {
      if (read.getSequence(i) + 1 <= copy.head(topic)) {
        continue; // read before the copy restarted under a new epoch, which already counts it
      }
      Item item = Item.parse(read.get(i));
      copy.append(
          topic,
          epoch,
          read.getSequence(i) + 1,
          item.data(),
          Math.max(0, now - item.millis()) * 1_000_000);
    }
    if (read.size() > 0) {
      onNewEvents.run();
    }
  }

  private void recover(Topic topic, long next, Throwable failure) {
    if (closed || failure instanceof HazelcastInstanceNotActiveException) {
      return;
    }
    if (failure instanceof StaleSequenceException stale) {
      // The items were gone before this instance read them: continue from the oldest kept.
      LOG.warning(
          () ->
              "Live stream "
                  + topic.wire()
                  + ": events from "
                  + (next + 1)
                  + " expired before this instance read them; continuing at "
                  + (stale.getHeadSeq() + 1));
      follow(topic, stale.getHeadSeq());
      return;
    }
    if (failure instanceof IllegalArgumentException && next > rings.get(topic).tailSequence() + 1) {
      historyLost(topic, next); // a read past the end refused rather than answered from the end
      return;
    }
    readFailures.incrementAndGet();
    LOG.log(Level.WARNING, "Live stream " + topic.wire() + ": reading the grid failed", failure);
    schedule(() -> follow(topic, next), 1000);
  }

  /**
   * Goes on under a new epoch (the first instance to notice sets it in the grid, the others take
   * it), every topic's copy restarting at the grid's head, and tells the subscribers' owner: the
   * sequence numbers they hold mean nothing any more (PROTOCOL.md: the epoch changes when history
   * was lost).
   */
  private synchronized void historyLost(Topic topic, long next) {
    String lost = epoch;
    String fresh = UUID.randomUUID().toString();
    com.hazelcast.map.IMap<String, String> state = grid.getMap(STATE);
    if (!state.replace("epoch", lost, fresh)) {
      String current = state.putIfAbsent("epoch", fresh);
      fresh = current == null ? fresh : current;
    }
    epoch = fresh;
    epochChanges.incrementAndGet();
    for (Topic each : Topic.values()) {
      if (each != topic) {
        copy.restartAt(each, copy.head(each)); // same position, without frames of the old epoch
      }
    }
    // The lost topic starts again at the oldest item the grid has now (events published since).
    long from = rings.get(topic).headSequence();
    copy.restartAt(topic, from);
    String newEpoch = fresh;
    LOG.warning(
        () ->
            "Live stream "
                + topic.wire()
                + ": the grid lost its history (this instance was at "
                + next
                + ", the grid's stream starts again at "
                + (from + 1)
                + "); continuing under the new epoch "
                + newEpoch);
    follow(topic, from);
    try {
      onNewEpoch.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not tell subscribers about the new live stream epoch", e);
    }
  }

  /** How often this instance found the grid's history lost and went on under a new epoch. */
  public long epochChanges() {
    return epochChanges.get();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Failed reads of the grid since start (each retried a second later). */
  public long readFailures() {
    return readFailures.get();
  }

  @Override
  public void close() {
    closed = true;
  }

  /** A ringbuffer item: the publication time in epoch milliseconds and the event's data. */
  record Item(long millis, String data) {
    static Item parse(String item) {
      int colon = item.indexOf(':');
      return new Item(Long.parseLong(item, 0, colon, 10), item.substring(colon + 1));
    }
  }
}
