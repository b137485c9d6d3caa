package org.avgym.demo.boundary;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.demo.entity.DemoDevice;

/**
 * One demo device's client session to {@code /ws/devices}, authenticated with a bearer header like
 * a real turnstile. Frames it receives go to the simulator; it keeps no state of its own.
 */
class SimulatedDevice extends Endpoint {

  private static final Logger LOG = Logger.getLogger(SimulatedDevice.class.getName());

  private final DemoDevice device;
  private final BiConsumer<DemoDevice, String> frames;
  private final Consumer<DemoDevice> closed;

  SimulatedDevice(
      DemoDevice device, BiConsumer<DemoDevice, String> frames, Consumer<DemoDevice> closed) {
    this.device = device;
    this.frames = frames;
    this.closed = closed;
  }

  ClientEndpointConfig config() {
    return ClientEndpointConfig.Builder.create()
        .configurator(
            new ClientEndpointConfig.Configurator() {
              @Override
              public void beforeRequest(Map<String, List<String>> headers) {
                headers.put("Authorization", List.of("Bearer " + device.token()));
              }
            })
        .build();
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.addMessageHandler(String.class, text -> frames.accept(device, text));
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    LOG.info(
        () ->
            "Demo device "
                + device.code()
                + " disconnected: "
                + reason.getCloseCode().getCode()
                + " "
                + reason.getReasonPhrase());
    closed.accept(device);
  }

  @Override
  public void onError(Session session, Throwable error) {
    LOG.log(Level.FINE, "Error on demo device " + device.code(), error);
  }

  /** Sends one frame; false when the session could not take it. */
  static boolean send(Session session, String frame) {
    try {
      synchronized (session) {
        if (!session.isOpen()) {
          return false;
        }
        session.getBasicRemote().sendText(frame);
        return true;
      }
    } catch (IOException | IllegalStateException e) {
      LOG.fine(() -> "Could not send a demo scan: " + e.getMessage());
      return false;
    }
  }
}
