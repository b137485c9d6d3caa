package org.avgym.live.boundary;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.avgym.devices.boundary.DeviceRegistry;
import org.avgym.devices.entity.DeviceIdentity;
import org.avgym.live.control.LiveProtocol;
import org.avgym.live.control.Origins;
import org.avgym.live.control.Subscriber;
import org.avgym.live.entity.LiveConnectivity;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live channel, {@code /ws/live} (PROTOCOL.md §2): staff dashboards (session cookie, same
 * origin or an allowed one), API clients (HTTP Basic) and signage (a device token).
 */
@ServerEndpoint(value = "/ws/live", configurator = LiveHandshake.class)
public class LiveEndpoint {

  private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());
  static final String SUBSCRIBER = "avgym.live.subscriber";
  static final String WHO = "avgym.live.who";
  static final String OPENED = "avgym.live.opened";

  @Inject LiveHub hub;
  @Inject DeviceRegistry devices;
  @Inject Event<LiveConnectivity> connectivity;

  @Inject
  @ConfigProperty(name = "avgym.live.allowed-origins", defaultValue = " ")
  String allowedOrigins;

  @Inject
  @ConfigProperty(name = "avgym.live.max-frame-bytes", defaultValue = "8192")
  int maxFrameBytes;

  @OnOpen
  public void open(Session session) {
    var properties = session.getUserProperties();
    String caller = (String) properties.remove(LiveHandshake.CALLER);
    boolean explicit = Boolean.TRUE.equals(properties.remove(LiveHandshake.EXPLICIT_CREDENTIALS));
    String token = (String) properties.remove(LiveHandshake.TOKEN);
    String origin = (String) properties.remove(LiveHandshake.ORIGIN);
    String host = (String) properties.remove(LiveHandshake.HOST);
    boolean staff = caller != null && !caller.isEmpty();
    if (staff && !explicit && !Origins.allowed(origin, host, allowed())) {
      LOG.warning(() -> "Refused a live session of " + caller + " from origin " + origin);
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "forbidden origin");
      return;
    }
    String who = staff ? caller : device(token);
    if (who == null) {
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized");
      return;
    }
    session.setMaxTextMessageBufferSize(maxFrameBytes);
    // Silent clients are closed by the hub's heartbeat, not by a container idle timeout.
    session.setMaxIdleTimeout(0);
    SessionChannel channel = new SessionChannel(session, hub.sends());
    properties.put(SUBSCRIBER, hub.connect(channel));
    properties.put(WHO, who);
    properties.put(OPENED, System.nanoTime());
    report(LiveConnectivity.opened(who, session.getId()));
  }

  /** The code of the device the token belongs to, or null when it is no valid device token. */
  private String device(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    return devices.authenticate(token).map(DeviceIdentity::code).orElse(null);
  }

  @OnMessage
  public void text(Session session, String frame) {
    Subscriber subscriber = (Subscriber) session.getUserProperties().get(SUBSCRIBER);
    if (subscriber == null) {
      return;
    }
    try {
      hub.subscribe(subscriber, LiveProtocol.read(frame));
    } catch (LiveProtocol.Rejected rejected) {
      hub.reject(subscriber, rejected.code(), rejected.field(), rejected.getMessage());
    }
  }

  @OnMessage
  public void binary(Session session, ByteBuffer frame) {
    Subscriber subscriber = (Subscriber) session.getUserProperties().get(SUBSCRIBER);
    if (subscriber != null) {
      hub.reject(subscriber, "UNSUPPORTED", null, "binary frames are not supported");
    }
  }

  @OnMessage
  public void pong(Session session, PongMessage pong) {
    session.getUserProperties().put(SessionChannel.LAST_PONG, System.nanoTime());
    ByteBuffer data = pong.getApplicationData();
    if (data.remaining() == Long.BYTES
        && session.getUserProperties().get(SUBSCRIBER) instanceof Subscriber subscriber) {
      subscriber.confirmed(data.getLong());
    }
  }

  @OnClose
  public void closed(Session session, CloseReason reason) {
    hub.disconnect(session.getId());
    var properties = session.getUserProperties();
    // Only sessions that were opened are reported; refused ones never connected.
    if (properties.get(WHO) instanceof String who
        && properties.get(OPENED) instanceof Long opened) {
      report(
          LiveConnectivity.closed(
              who,
              session.getId(),
              reason == null
                  ? CloseReason.CloseCodes.NO_STATUS_CODE.getCode()
                  : reason.getCloseCode().getCode(),
              reason == null ? "" : reason.getReasonPhrase(),
              Duration.ofNanos(System.nanoTime() - opened),
              Boolean.TRUE.equals(properties.get(SessionChannel.SILENT))));
    }
  }

  /**
   * Tells analytics (or any observer) about a session opened or closed. Observers run on this
   * thread; whatever one throws is logged here so that it never breaks the socket.
   */
  private void report(LiveConnectivity event) {
    try {
      connectivity.fire(event);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not report live session "
              + event.sessionId()
              + (event.connected() ? " opened" : " closed")
              + " by "
              + event.who(),
          e);
    }
  }

  @OnError
  public void failed(Session session, Throwable error) {
    LOG.log(Level.FINE, "Error on a live session", error);
  }

  private Set<String> allowed() {
    return Arrays.stream(allowedOrigins.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  private static void close(Session session, CloseReason.CloseCode code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException e) {
      LOG.fine(() -> "Could not close a live session: " + e.getMessage());
    }
  }

  /** A subscriber's way to its client: asynchronous sends; closes off the sending thread. */
  static final class SessionChannel implements Subscriber.Channel {
    static final String LAST_PONG = "avgym.live.lastPong";
    static final String SILENT = "avgym.live.silent";
    private final Session session;
    private final ManagedExecutorService executor;

    SessionChannel(Session session, ManagedExecutorService executor) {
      this.session = session;
      this.executor = executor;
      session.getUserProperties().put(LAST_PONG, System.nanoTime());
    }

    @Override
    public String id() {
      return session.getId();
    }

    @Override
    public void send(String frame, Consumer<Throwable> done) {
      if (!session.isOpen()) {
        done.accept(new IOException("session closed"));
        return;
      }
      try {
        // Asynchronous: the container queues the frame and calls back once it is written; a
        // client that stops reading is found by the hub's flow control, not by a blocked thread.
        session.getAsyncRemote().sendText(frame, result -> done.accept(result.getException()));
      } catch (RuntimeException e) {
        done.accept(e);
      }
    }

    @Override
    public void close(int code, String reason) {
      // A stalled client's close can block on its full socket: never on a fan-out thread.
      executor.execute(
          () -> {
            try {
              if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
              }
            } catch (IOException | RuntimeException e) {
              LOG.fine(() -> "Could not close a live session: " + e.getMessage());
            }
          });
    }

    @Override
    public void probe(long id) {
      executor.execute(
          () -> {
            try {
              session.getAsyncRemote().sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, id));
            } catch (IOException | RuntimeException e) {
              LOG.fine(() -> "Could not probe a live client: " + e.getMessage());
            }
          });
    }

    void heartbeat(long silentSeconds) {
      Object last = session.getUserProperties().get(LAST_PONG);
      if (last instanceof Long pong
          && System.nanoTime() - pong > TimeUnit.SECONDS.toNanos(silentSeconds)) {
        session.getUserProperties().put(SILENT, Boolean.TRUE);
        close(CloseReason.CloseCodes.GOING_AWAY.getCode(), "no heartbeat");
        return;
      }
      try {
        session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
      } catch (IOException e) {
        close(CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(), "ping failed");
      } catch (RuntimeException e) {
        // a frame is being written right now: the session is alive; ping next time
      }
    }
  }
}
