package org.avgym.checkin.boundary;

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
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.checkin.control.CheckinMetrics;
import org.avgym.checkin.control.DeviceProtocol;
import org.avgym.checkin.control.LocationGate;
import org.avgym.checkin.control.TokenBucket;
import org.avgym.checkin.entity.CheckinRequest;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.DeviceError;
import org.avgym.checkin.entity.DeviceMessage;
import org.avgym.devices.boundary.DeviceRegistry;
import org.avgym.devices.entity.DeviceIdentity;
import org.avgym.platform.control.FrameLimits;
import org.avgym.platform.entity.Failure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The device channel, {@code /ws/devices} (PROTOCOL.md §1). One session per device; each check-in
 * is answered only after it is committed. Bad frames get an error frame and leave the session
 * usable; a device that keeps flooding past its rate limit is closed with 1008.
 */
@ServerEndpoint(value = "/ws/devices", configurator = DeviceHandshake.class)
public class DeviceEndpoint {

  private static final Logger LOG = Logger.getLogger(DeviceEndpoint.class.getName());
  static final String IDENTITY = "avgym.device";
  static final String BUCKET = "avgym.bucket";
  static final String STRIKES = "avgym.strikes";

  @Inject DeviceRegistry registry;
  @Inject CheckinGate gate;
  @Inject DeviceSessions sessions;
  @Inject CheckinMetrics metrics;
  @Inject Event<Failure> failures;

  @Inject
  @ConfigProperty(name = "avgym.devices.max-frame-bytes", defaultValue = "16384")
  int maxFrameBytes;

  @Inject
  @ConfigProperty(name = "avgym.devices.rate-per-second", defaultValue = "20")
  double ratePerSecond;

  @Inject
  @ConfigProperty(name = "avgym.devices.rate-burst", defaultValue = "40")
  int burst;

  /** Rate-limited messages in a row after which the session is closed. */
  @Inject
  @ConfigProperty(name = "avgym.devices.flood-close-after", defaultValue = "100")
  int floodCloseAfter;

  @OnOpen
  public void open(Session session) {
    // First: fragments of a message are held to the limit before authentication too.
    session.setMaxTextMessageBufferSize(maxFrameBytes);
    session.setMaxBinaryMessageBufferSize(maxFrameBytes);
    Object token = session.getUserProperties().get(DeviceHandshake.TOKEN);
    Optional<DeviceIdentity> device;
    try {
      device = registry.authenticate(token == null ? "" : token.toString());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Device authentication failed; refusing the session", e);
      close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "unavailable");
      return;
    }
    session.getUserProperties().remove(DeviceHandshake.TOKEN);
    if (device.isEmpty()) {
      metrics.rejected("UNAUTHORIZED");
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized");
      return;
    }
    DeviceIdentity identity = device.get();
    // Silent sessions are closed by DeviceSessions' heartbeat, not by a container idle timeout.
    // (Tyrus re-arms its idle timer on every frame either way; TyrusTimers keeps that cheap.)
    session.setMaxIdleTimeout(0);
    session.getUserProperties().put(IDENTITY, identity);
    session
        .getUserProperties()
        .put(
            BUCKET,
            sessions.bucket(
                identity.id(), () -> new TokenBucket(ratePerSecond, burst, System.nanoTime())));
    session.getUserProperties().put(STRIKES, 0);
    sessions.opened(identity, session);
    LOG.fine(() -> "Device " + identity.code() + " connected");
    send(
        session,
        DeviceProtocol.welcome(
            identity.code(), identity.locationCode(), Instant.now(), sessions.heartbeatSeconds()));
  }

  @OnMessage
  public void text(Session session, String frame) {
    sessions.heard(session);
    if (FrameLimits.over(frame, maxFrameBytes)) {
      tooBig(session);
      return;
    }
    DeviceIdentity device = (DeviceIdentity) session.getUserProperties().get(IDENTITY);
    if (device == null) {
      return;
    }
    if (!withinRate(session)) {
      return;
    }
    DeviceMessage message;
    try {
      message = DeviceProtocol.read(frame, Instant.now());
    } catch (DeviceProtocol.Rejected rejected) {
      reject(session, rejected.error());
      return;
    }
    if (message instanceof DeviceMessage.Ping ping) {
      send(session, DeviceProtocol.pong(ping.id(), Instant.now()));
    } else if (message instanceof DeviceMessage.Scan scan) {
      checkin(session, device, scan);
    }
  }

  @OnMessage
  public void binary(Session session, ByteBuffer frame) {
    sessions.heard(session);
    if (frame.remaining() > maxFrameBytes) {
      tooBig(session);
      return;
    }
    if (session.getUserProperties().get(IDENTITY) != null && withinRate(session)) {
      reject(
          session,
          new DeviceError(DeviceError.UNSUPPORTED, null, null, "binary frames are not supported"));
    }
  }

  @OnMessage
  public void pong(Session session, PongMessage pong) {
    sessions.heard(session);
  }

  @OnClose
  public void closed(Session session, CloseReason reason) {
    DeviceIdentity device = (DeviceIdentity) session.getUserProperties().get(IDENTITY);
    if (device != null) {
      sessions.closed(device, session, reason);
    }
  }

  @OnError
  public void failed(Session session, Throwable error) {
    DeviceIdentity device = (DeviceIdentity) session.getUserProperties().get(IDENTITY);
    String who = device == null ? "unauthenticated device" : "device " + device.code();
    if (FrameLimits.overflowed(error)) {
      LOG.fine(() -> "A frame of the " + who + " overflowed the container's frame buffer");
      tooBig(session);
      return;
    }
    LOG.log(Level.FINE, "Error on the session of " + who, error);
    failures.fire(
        new Failure(Failure.WEBSOCKET_ERROR, who, "/ws/devices: " + Failure.describe(error)));
  }

  private void checkin(Session session, DeviceIdentity device, DeviceMessage.Scan scan) {
    CheckinResult result;
    try {
      result =
          gate.decide(
              CheckinRequest.fromDevice(
                  device.code(),
                  device.id(),
                  device.locationId(),
                  scan.id(),
                  scan.credential(),
                  scan.direction(),
                  scan.method(),
                  scan.at()));
    } catch (LocationGate.Busy busy) {
      LOG.fine(() -> "Check-in " + scan.id() + " from device " + device.code() + ": " + busy);
      // The gate reported it (as it does for the API and the desk).
      refuseUnavailable(session, scan.id(), "the club's check-ins are queued");
      return;
    } catch (RuntimeException e) {
      // Nothing was committed: the transaction rolled back. The device retries with the same id.
      LOG.log(
          Level.WARNING,
          "Check-in " + scan.id() + " from device " + device.code() + " could not be processed",
          e);
      unavailable(
          session,
          device,
          scan.id(),
          "the server could not process this check-in now (" + Failure.describe(e) + ")");
      return;
    }
    send(session, DeviceProtocol.result(result));
  }

  /** UNAVAILABLE (PROTOCOL.md §1): nothing was recorded, and the device retries the same id. */
  private void unavailable(Session session, DeviceIdentity device, String id, String why) {
    failures.fire(
        new Failure(
            Failure.CHECKIN_UNAVAILABLE, "device " + device.code(), "check-in " + id + ": " + why));
    refuseUnavailable(session, id, why);
  }

  private void refuseUnavailable(Session session, String id, String why) {
    reject(
        session,
        new DeviceError(
            DeviceError.UNAVAILABLE,
            id,
            null,
            why + "; nothing was recorded, retry with the same id"));
  }

  private boolean withinRate(Session session) {
    TokenBucket bucket = (TokenBucket) session.getUserProperties().get(BUCKET);
    if (bucket.tryTake(System.nanoTime())) {
      session.getUserProperties().put(STRIKES, 0);
      return true;
    }
    metrics.rateLimited();
    int strikes = (Integer) session.getUserProperties().get(STRIKES) + 1;
    session.getUserProperties().put(STRIKES, strikes);
    if (strikes >= floodCloseAfter) {
      sessions.close(
          session, CloseReason.CloseCodes.VIOLATED_POLICY, "rate limit exceeded", "flood");
    } else {
      send(
          session,
          DeviceProtocol.error(
              new DeviceError(
                  DeviceError.RATE_LIMITED, null, null, "too many messages; slow down and retry")));
    }
    return false;
  }

  private void tooBig(Session session) {
    metrics.rejected("TOO_BIG");
    sessions.close(
        session,
        CloseReason.CloseCodes.getCloseCode(FrameLimits.TOO_BIG),
        FrameLimits.TOO_BIG_REASON,
        "too_big");
  }

  private void reject(Session session, DeviceError error) {
    metrics.rejected(error.code());
    send(session, DeviceProtocol.error(error));
  }

  private static void send(Session session, String frame) {
    try {
      synchronized (session) {
        if (session.isOpen()) {
          session.getBasicRemote().sendText(frame);
        }
      }
    } catch (IOException | IllegalStateException e) {
      LOG.fine(() -> "Could not send to a device: " + e.getMessage());
    }
  }

  private static void close(Session session, CloseReason.CloseCode code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException e) {
      LOG.fine(() -> "Could not close a device session: " + e.getMessage());
    }
  }
}
