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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.devices.boundary.DeviceRegistry;
import org.avgym.live.control.LiveMetrics;
import org.avgym.live.control.LiveProtocol;
import org.avgym.live.control.Subscriber;
import org.avgym.live.entity.LiveConnectivity;
import org.avgym.live.entity.Topic;
import org.avgym.platform.control.FrameLimits;
import org.avgym.platform.entity.Failure;
import org.avgym.security.control.ApiTokens;
import org.avgym.security.control.LoginMetrics;
import org.avgym.security.control.Origins;
import org.avgym.security.control.TokenSecrets;
import org.avgym.security.entity.TokenCaller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live channel, {@code /ws/live} (PROTOCOL.md §2): staff dashboards (session cookie, same
 * origin or an allowed one), API clients (HTTP Basic, or an API token held to its topic scopes) and
 * signage (a device token).
 */
@ServerEndpoint(value = "/ws/live", configurator = LiveHandshake.class)
public class LiveEndpoint {

  private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());
  static final String SUBSCRIBER = "avgym.live.subscriber";
  static final String WHO = "avgym.live.who";
  static final String OPENED = "avgym.live.opened";
  static final String OWNER = "avgym.live.owner";

  /** Why the server closed a session, kept until its close is counted. */
  static final String CLOSED_BY = "avgym.live.closedBy";

  /** What signage may see with a device token: no member names, no staff alerts. */
  static final Set<Topic> DEVICE_TOPICS = Set.of(Topic.OCCUPANCY);

  @Inject LiveHub hub;
  @Inject DeviceRegistry devices;
  @Inject LiveSessions sessions;
  @Inject ApiTokens apiTokens;
  @Inject LoginMetrics loginMetrics;
  @Inject LiveMetrics liveMetrics;
  @Inject Event<LiveConnectivity> connectivity;

  @Inject
  @ConfigProperty(name = "avgym.live.allowed-origins", defaultValue = " ")
  String allowedOrigins;

  @Inject
  @ConfigProperty(name = "avgym.public-url", defaultValue = "http://localhost:8080/")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "avgym.live.max-frame-bytes", defaultValue = "8192")
  int maxFrameBytes;

  @OnOpen
  public void open(Session session) {
    // First: fragments of a message are held to the limit before authentication too.
    session.setMaxTextMessageBufferSize(maxFrameBytes);
    session.setMaxBinaryMessageBufferSize(maxFrameBytes);
    var properties = session.getUserProperties();
    String caller = (String) properties.remove(LiveHandshake.CALLER);
    boolean explicit = Boolean.TRUE.equals(properties.remove(LiveHandshake.EXPLICIT_CREDENTIALS));
    String token = (String) properties.remove(LiveHandshake.TOKEN);
    String origin = (String) properties.remove(LiveHandshake.ORIGIN);
    String host = (String) properties.remove(LiveHandshake.HOST);
    TokenCaller apiToken = apiToken(token);
    if (TokenSecrets.isApiToken(token) && apiToken == null) {
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized");
      return;
    }
    boolean staff = apiToken == null && caller != null && !caller.isEmpty();
    if (staff && !explicit && !Origins.allowed(origin, host, allowed())) {
      LOG.warning(() -> "Refused a live session of " + caller + " from origin " + origin);
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "forbidden origin");
      return;
    }
    LiveSessions.Owner owner =
        apiToken != null
            ? LiveSessions.Owner.token(apiToken)
            : staff ? LiveSessions.Owner.staff(caller) : device(token);
    if (owner == null) {
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized");
      return;
    }
    if (!sessions.admit(session, owner)) {
      LOG.info(() -> "Refused a live session of " + owner.name() + ": too many open sessions");
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "too many sessions");
      return;
    }
    if (apiToken != null) {
      sessions.closeAtExpiry(session, owner, apiToken.expiresAt());
    }
    String who = owner.name();
    // Silent clients are closed by the hub's heartbeat, not by a container idle timeout.
    session.setMaxIdleTimeout(0);
    SessionChannel channel = new SessionChannel(session, hub.sends());
    properties.put(SUBSCRIBER, hub.connect(channel));
    properties.put(WHO, who);
    properties.put(OWNER, owner);
    properties.put(OPENED, System.nanoTime());
    report(LiveConnectivity.opened(who, session.getId()));
  }

  /**
   * The API token presented (as bearer, or as {@code ?token=} for browsers that cannot set
   * headers), or null when none was or it is not valid.
   */
  private TokenCaller apiToken(String token) {
    if (!TokenSecrets.isApiToken(token)) {
      return null;
    }
    ApiTokens.Check check = apiTokens.authenticate(token, null);
    return check.outcome() == ApiTokens.Outcome.VALID ? check.caller() : null;
  }

  /** The device the token belongs to, or null when it is no valid device token. */
  private LiveSessions.Owner device(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    return devices
        .authenticate(token)
        .map(d -> LiveSessions.Owner.device(d.code(), d.id()))
        .orElse(null);
  }

  @OnMessage
  public void text(Session session, String frame) {
    SessionChannel.heard(session);
    if (FrameLimits.over(frame, maxFrameBytes)) {
      tooBig(session);
      return;
    }
    Subscriber subscriber = (Subscriber) session.getUserProperties().get(SUBSCRIBER);
    if (subscriber == null) {
      return;
    }
    try {
      LiveProtocol.Subscribe request = LiveProtocol.read(frame);
      if (session.getUserProperties().get(OWNER) instanceof LiveSessions.Owner owner
          && owner.isDevice()
          && !DEVICE_TOPICS.containsAll(request.topics())) {
        hub.reject(
            subscriber,
            "FORBIDDEN_TOPIC",
            "topics",
            "a device token may subscribe to occupancy only");
        return;
      }
      if (session.getUserProperties().get(OWNER) instanceof LiveSessions.Owner owner
          && owner.isToken()
          && !owner.topics().isEmpty()
          && !request.topics().stream().map(Topic::wire).allMatch(owner.topics()::contains)) {
        loginMetrics.scopeRefused();
        hub.reject(
            subscriber,
            "FORBIDDEN_TOPIC",
            "topics",
            "this API token may subscribe to " + owner.topics().stream().sorted().toList());
        return;
      }
      hub.subscribe(subscriber, request);
    } catch (LiveProtocol.Rejected rejected) {
      hub.reject(subscriber, rejected.code(), rejected.field(), rejected.getMessage());
    }
  }

  @OnMessage
  public void binary(Session session, ByteBuffer frame) {
    SessionChannel.heard(session);
    if (frame.remaining() > maxFrameBytes) {
      tooBig(session);
      return;
    }
    Subscriber subscriber = (Subscriber) session.getUserProperties().get(SUBSCRIBER);
    if (subscriber != null) {
      hub.reject(subscriber, "UNSUPPORTED", null, "binary frames are not supported");
    }
  }

  @OnMessage
  public void pong(Session session, PongMessage pong) {
    SessionChannel.heard(session);
    ByteBuffer data = pong.getApplicationData();
    if (data.remaining() == Long.BYTES
        && session.getUserProperties().get(SUBSCRIBER) instanceof Subscriber subscriber) {
      subscriber.confirmed(data.getLong());
    }
  }

  @OnClose
  public void closed(Session session, CloseReason reason) {
    hub.disconnect(session.getId());
    sessions.remove(session);
    var properties = session.getUserProperties();
    // Only sessions that were opened are reported; refused ones never connected.
    if (properties.get(WHO) instanceof String who
        && properties.get(OPENED) instanceof Long opened) {
      String why = disconnectReason(reason, properties.get(CLOSED_BY));
      liveMetrics.disconnected(why);
      if (!"client".equals(why)) {
        LOG.info(() -> "Live session " + session.getId() + " of " + who + " closed: " + why);
      }
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
    if (FrameLimits.overflowed(error)) {
      tooBig(session);
      return;
    }
    LOG.log(Level.FINE, "Error on a live session", error);
    Failure.report(
        Failure.WEBSOCKET_ERROR,
        session.getUserPrincipal() == null ? "live" : session.getUserPrincipal().getName(),
        "/ws/live: " + Failure.describe(error));
  }

  private Set<String> allowed() {
    return Origins.allowedSet(allowedOrigins, publicUrl);
  }

  /**
   * Why a session ended, as a metric label: what the server closed it for, else {@code too_big}
   * (the container refused a message), {@code abnormal} (the connection broke) or {@code client}.
   */
  static String disconnectReason(CloseReason reason, Object closedBy) {
    if (closedBy != null) {
      return closedBy.toString();
    }
    int code =
        reason == null
            ? CloseReason.CloseCodes.NO_STATUS_CODE.getCode()
            : reason.getCloseCode().getCode();
    if (code == CloseReason.CloseCodes.TOO_BIG.getCode()) {
      return "too_big";
    }
    return code == CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode() ? "abnormal" : "client";
  }

  /**
   * A close reason phrase as a label: its part before any ';', in lower case, words joined by _.
   */
  static String slug(String phrase) {
    int end = phrase.indexOf(';');
    String head =
        (end < 0 ? phrase : phrase.substring(0, end)).trim().toLowerCase(java.util.Locale.ROOT);
    return head.replaceAll("[^a-z0-9]+", "_");
  }

  /** Marks a session as closed by the server for {@code phrase} (counted when it closes). */
  static void closing(Session session, String phrase) {
    session.getUserProperties().putIfAbsent(CLOSED_BY, slug(phrase));
  }

  private static void tooBig(Session session) {
    closing(session, "too big");
    close(
        session,
        CloseReason.CloseCodes.getCloseCode(FrameLimits.TOO_BIG),
        FrameLimits.TOO_BIG_REASON);
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
    static final String LAST_HEARD = "avgym.live.lastHeard";

    /** A ping that could not go out now is tried again after this long, this many times. */
    static final long PING_RETRY_MS = 200;

    static final int PING_RETRIES = 5;

    /** A probe refused while a frame is written is tried again this often, every this long. */
    static final int PROBE_RETRIES = 40;

    static final long PROBE_RETRY_MS = 25;
    static final String SILENT = "avgym.live.silent";
    private final Session session;
    private final ManagedExecutorService executor;

    SessionChannel(Session session, ManagedExecutorService executor) {
      this.session = session;
      this.executor = executor;
      heard(session);
    }

    /** Anything arrived on the session (a frame or a pong): it is alive. */
    static void heard(Session session) {
      session.getUserProperties().put(LAST_HEARD, System.nanoTime());
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
      closing(session, reason);
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
      executor.execute(() -> probe(id, PROBE_RETRIES));
    }

    /**
     * Sends the flow-control probe; one refused because a frame is being written right now is tried
     * again shortly (a lost probe would leave the client unconfirmed, and closed as stalled
     * although it reads).
     */
    private void probe(long id, int retries) {
      if (!session.isOpen()) {
        return;
      }
      try {
        session.getAsyncRemote().sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, id));
      } catch (IOException e) {
        LOG.fine(() -> "Could not probe a live client: " + e.getMessage());
      } catch (RuntimeException e) {
        if (retries > 0) {
          CompletableFuture.delayedExecutor(PROBE_RETRY_MS, TimeUnit.MILLISECONDS, executor)
              .execute(() -> probe(id, retries - 1));
        } else {
          LOG.warning(() -> "Live session " + session.getId() + " refused its probes: " + e);
        }
      }
    }

    void heartbeat(long silentSeconds) {
      Object last = session.getUserProperties().get(LAST_HEARD);
      if (last instanceof Long heard
          && System.nanoTime() - heard > TimeUnit.SECONDS.toNanos(silentSeconds)) {
        session.getUserProperties().put(SILENT, Boolean.TRUE);
        close(CloseReason.CloseCodes.GOING_AWAY.getCode(), "no heartbeat");
        return;
      }
      ping(PING_RETRIES);
    }

    /** A ping refused because a frame is being written is tried again shortly, never skipped. */
    private void ping(int retries) {
      if (!session.isOpen()) {
        return;
      }
      try {
        session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
      } catch (IOException e) {
        close(CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(), "ping failed");
      } catch (RuntimeException e) {
        if (retries > 0) {
          CompletableFuture.delayedExecutor(PING_RETRY_MS, TimeUnit.MILLISECONDS, executor)
              .execute(() -> ping(retries - 1));
        } else {
          LOG.warning(() -> "Live session " + session.getId() + " refused its pings: " + e);
        }
      }
    }
  }
}
