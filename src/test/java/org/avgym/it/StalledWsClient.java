package org.avgym.it;

import java.net.URI;
import java.util.Map;

/**
 * A WebSocket client that subscribes and then never reads again, with a tiny receive buffer: the
 * "stalled dashboard" whose server-side backlog grows until the server gives up on it.
 */
public final class StalledWsClient implements AutoCloseable {

  private final RawWebSocket socket;

  public StalledWsClient(URI uri, Map<String, String> headers, String firstFrame) {
    socket = RawWebSocket.neverReading(uri, headers);
    if (!socket.upgraded()) {
      socket.close();
      throw new IllegalStateException("upgrade refused: " + socket.status());
    }
    socket.sendText(firstFrame);
  }

  @Override
  public void close() {
    socket.close();
  }
}
