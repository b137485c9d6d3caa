package org.avgym.pools.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.pools.entity.Candidate;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.ConnectionView;

/**
 * One outbound WebSocket connection of a pool, to one endpoint, with its health (tracker, latency,
 * error window, adaptive ack timeout) and the deliveries in flight on it. The JSR-356 client
 * container calls it back; it forwards everything to its {@link LivePool}.
 */
public final class PooledConnection extends Endpoint implements HealthCheck.Probe {

  private static final Logger LOG = Logger.getLogger(PooledConnection.class.getName());

  /** A delivery sent on this connection and not yet acknowledged. */
  record InFlight(DeliveryQueue.Delivery delivery, long sentNanos, ScheduledFuture<?> timeout) {}

  final URI uri;
  final HealthTracker tracker;
  final PeakEwma latency = new PeakEwma();
  final ErrorWindow errors = new ErrorWindow();
  final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong acked = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong timeouts = new AtomicLong();
  private final Deque<Long> reconnects = new ArrayDeque<>();
  private final LivePool pool;

  volatile int weight;
  volatile AdaptiveTimeout ackTimeout;
  volatile Session session;
  volatile long openedNanos;
  volatile long recoveredNanos;
  volatile boolean recovering;
  volatile boolean removed;
  volatile long pingSentNanos;
  volatile boolean pingOutstanding;
  volatile double score = Candidate.MAX_SCORE;
  volatile long lastHeardNanos;
  volatile Reconnector reconnector;

  PooledConnection(
      LivePool pool, URI uri, int weight, HealthTracker tracker, AdaptiveTimeout ackTimeout) {
    this.pool = pool;
    this.uri = uri;
    this.weight = weight;
    this.tracker = tracker;
    this.ackTimeout = ackTimeout;
  }

  public String id() {
    return uri.toString();
  }

  @Override
  public void onOpen(Session opened, EndpointConfig config) {
    opened.addMessageHandler(
        String.class,
        (MessageHandler.Whole<String>)
            text -> {
              lastHeardNanos = System.nanoTime();
              pool.onText(this, text);
            });
    opened.addMessageHandler(
        PongMessage.class,
        (MessageHandler.Whole<PongMessage>)
            pong -> {
              lastHeardNanos = System.nanoTime();
              pool.onPong(this);
            });
    // No container idle timeout: the pool's health checks find a dead connection.
    opened.setMaxIdleTimeout(0);
    lastHeardNanos = System.nanoTime();
    session = opened;
  }

  @Override
  public void onClose(Session closed, CloseReason reason) {
    if (closed == session) {
      session = null;
      pool.onClosed(this, reason.getReasonPhrase());
    }
  }

  @Override
  public void onError(Session failed, Throwable error) {
    LOG.log(Level.FINE, "Pool connection error on " + pool.name(), error);
  }

  /** Sends one text frame; one sender at a time per session. */
  void send(String text) throws IOException {
    Session current = session;
    if (current == null || !current.isOpen()) {
      throw new IOException("not connected");
    }
    synchronized (this) {
      current.getBasicRemote().sendText(text);
    }
  }

  @Override
  public boolean open() {
    return state().connected();
  }

  @Override
  public boolean pingOutstanding() {
    return pingOutstanding;
  }

  @Override
  public long pingSentNanos() {
    return pingSentNanos;
  }

  @Override
  public long lastHeardNanos() {
    return lastHeardNanos;
  }

  @Override
  public void ping(long nowNanos) throws IOException {
    Session current = session;
    if (current == null || !current.isOpen()) {
      return;
    }
    pingSentNanos = nowNanos;
    pingOutstanding = true;
    synchronized (this) {
      current.getBasicRemote().sendPing(ByteBuffer.wrap(new byte[] {1}));
    }
  }

  void close() {
    Session current = session;
    session = null;
    if (current != null) {
      try {
        current.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "pool changed"));
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing a pool connection failed", e);
      }
    }
  }

  synchronized void countReconnect(long nowNanos) {
    reconnects.addLast(nowNanos);
  }

  /** Reconnects within the error window, for the stability factor of the score. */
  synchronized int reconnectsWithin(Duration window, long nowNanos) {
    while (!reconnects.isEmpty() && nowNanos - reconnects.peekFirst() > window.toNanos()) {
      reconnects.pollFirst();
    }
    return reconnects.size();
  }

  ConnectionState state() {
    return tracker.state();
  }

  Duration uptime(long nowNanos) {
    return session == null ? Duration.ZERO : Duration.ofNanos(nowNanos - openedNanos);
  }

  ConnectionView view(long nowNanos, double effectiveWeight) {
    return new ConnectionView(
        id(),
        weight,
        Math.round(effectiveWeight * 100) / 100.0,
        state().name().toLowerCase(java.util.Locale.ROOT),
        (int) Math.round(score),
        Math.round(latency.millis() * 10) / 10.0,
        inFlight.size(),
        sent.get(),
        acked.get(),
        failures.get(),
        timeouts.get(),
        reconnectsWithin(ErrorWindow.DEFAULT_WINDOW, nowNanos));
  }
}
