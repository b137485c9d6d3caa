package org.avgym.pools.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.platform.control.FrameLimits;

/**
 * A simulated downstream endpoint (PROTOCOL.md §3) that acks {@code deliver} frames, with faults
 * from query parameters: {@code latencyMs} and {@code jitterMs} delay each ack, {@code failRate}
 * answers an error frame instead, {@code dropRate} ignores the frame, {@code closeAfter} closes the
 * session when a frame arrives after that many, and {@code name} groups its counts. A demo and test
 * peer: {@link LoopbackOnly} refuses every client that is not on loopback.
 */
@ServerEndpoint("/ws/sim/gateway")
public class SimulatedGateway {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(SimulatedGateway.class.getName());
  private static final String KNOBS = "avgym.sim.knobs";
  private static final String COUNT = "avgym.sim.count";
  private static final String PENDING = "avgym.sim.pending";

  /** Delayed answers one session may have waiting; more are dropped (and counted). */
  static final int MAX_PENDING = 10_000;

  @Inject GatewayClock clock;

  /** The longest delay a client can ask for, so a bad URL cannot pile up sleeping threads. */
  static final long MAX_DELAY_MS = 10_000;

  record Knobs(
      String name,
      long latencyMs,
      long jitterMs,
      double failRate,
      double dropRate,
      long closeAfter) {

    static Knobs of(Map<String, List<String>> query) {
      return new Knobs(
          text(query, "name", ""),
          Math.min(MAX_DELAY_MS, Math.max(0, number(query, "latencyMs", 0))),
          Math.min(MAX_DELAY_MS, Math.max(0, number(query, "jitterMs", 0))),
          rate(query, "failRate"),
          rate(query, "dropRate"),
          number(query, "closeAfter", 0));
    }

    private static String text(Map<String, List<String>> query, String key, String fallback) {
      List<String> values = query.get(key);
      return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static long number(Map<String, List<String>> query, String key, long fallback) {
      try {
        return Long.parseLong(text(query, key, String.valueOf(fallback)).trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }

    private static double rate(Map<String, List<String>> query, String key) {
      try {
        double value = Double.parseDouble(text(query, key, "0").trim());
        return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  @OnOpen
  public void open(Session session) {
    session.setMaxTextMessageBufferSize(FrameLimits.CONTAINER_FRAME_BUFFER);
    session.setMaxBinaryMessageBufferSize(FrameLimits.CONTAINER_FRAME_BUFFER);
    session.setMaxIdleTimeout(0); // its peer's health checks find a dead connection
    Knobs knobs = Knobs.of(session.getRequestParameterMap());
    session.getUserProperties().put(KNOBS, knobs);
    GatewayStats.opened(knobs.name());
    GatewayFaults.opened(knobs.name(), session);
    session.getUserProperties().put(COUNT, new AtomicLong());
    session.getUserProperties().put(PENDING, new Answers(session));
  }

  @OnClose
  public void close(Session session) {
    Knobs knobs = (Knobs) session.getUserProperties().get(KNOBS);
    if (knobs != null) {
      GatewayStats.closed(knobs.name());
      GatewayFaults.closed(knobs.name(), session);
    }
  }

  @OnError
  public void failed(Session session, Throwable error) throws IOException {
    if (FrameLimits.overflowed(error)) {
      session.close(
          new CloseReason(
              CloseReason.CloseCodes.getCloseCode(FrameLimits.TOO_BIG),
              FrameLimits.TOO_BIG_REASON));
    } else {
      LOG.log(Level.FINE, "Error on a simulated gateway session", error);
    }
  }

  @OnMessage
  public void message(Session session, String text) throws IOException {
    Knobs knobs = GatewayFaults.effective((Knobs) session.getUserProperties().get(KNOBS));
    AtomicLong count = (AtomicLong) session.getUserProperties().get(COUNT);
    JsonObject frame;
    try {
      frame = JSON.createReader(new StringReader(text)).readObject();
    } catch (RuntimeException e) {
      return;
    }
    if (!"deliver".equals(frame.getString("type", "")) || frame.getString("id", null) == null) {
      return;
    }
    String id = frame.getString("id");
    if (knobs.closeAfter() > 0 && count.incrementAndGet() > knobs.closeAfter()) {
      session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "closeAfter reached"));
      return;
    }
    GatewayStats.received(knobs.name());
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (random.nextDouble() < knobs.dropRate()) {
      GatewayStats.dropped(knobs.name());
      return;
    }
    long delay =
        knobs.latencyMs() + (knobs.jitterMs() > 0 ? random.nextLong(knobs.jitterMs() + 1) : 0);
    if (delay <= 0) {
      answer(session, knobs, id);
      return;
    }
    // Like a real endpoint with many deliveries in flight: each answer is due its latency after
    // its frame arrived, whatever else is pending, and is sent by the scheduler (no container
    // thread sleeps).
    Answers answers = (Answers) session.getUserProperties().get(PENDING);
    if (!answers.add(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay), id)) {
      GatewayStats.dropped(knobs.name());
    }
  }

  /**
   * One session's answers waiting for their time, sent in batches: one scheduled task for all the
   * answers due by then rather than one per frame (a task per frame held the gateway to a few
   * hundred answers a second).
   */
  final class Answers {
    private record Due(long atNanos, String id) {}

    private final Session session;
    private final java.util.PriorityQueue<Due> queue =
        new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(Due::atNanos));
    private long scheduledFor = Long.MAX_VALUE;

    Answers(Session session) {
      this.session = session;
    }

    /** Queues an answer due at {@code atNanos}; false when the session has too many waiting. */
    synchronized boolean add(long atNanos, String id) {
      if (queue.size() >= MAX_PENDING) {
        return false;
      }
      queue.add(new Due(atNanos, id));
      if (atNanos < scheduledFor) {
        scheduledFor = atNanos;
        clock.after(Math.max(0, atNanos - System.nanoTime()), this::sendDue);
      }
      return true;
    }

    private void sendDue() {
      List<String> due = new java.util.ArrayList<>();
      synchronized (this) {
        long now = System.nanoTime();
        while (!queue.isEmpty() && queue.peek().atNanos() <= now) {
          due.add(queue.poll().id());
        }
        scheduledFor = Long.MAX_VALUE;
        if (!queue.isEmpty()) {
          scheduledFor = queue.peek().atNanos();
          clock.after(Math.max(0, scheduledFor - now), this::sendDue);
        }
      }
      Knobs knobs = GatewayFaults.effective((Knobs) session.getUserProperties().get(KNOBS));
      for (String id : due) {
        answer(session, knobs, id);
      }
    }
  }

  private static void answer(Session session, Knobs knobs, String id) {
    String answer;
    if (ThreadLocalRandom.current().nextDouble() < knobs.failRate()) {
      GatewayStats.failed(knobs.name());
      answer =
          JSON.createObjectBuilder()
              .add("type", "error")
              .add("id", id)
              .add("message", "simulated failure")
              .build()
              .toString();
    } else {
      GatewayStats.acked(knobs.name(), id);
      answer = JSON.createObjectBuilder().add("type", "ack").add("id", id).build().toString();
    }
    try {
      synchronized (session) {
        if (session.isOpen()) {
          session.getBasicRemote().sendText(answer);
        }
      }
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "Simulated gateway could not answer", e);
    }
  }
}
