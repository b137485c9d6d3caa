package org.avgym.checkin.boundary;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Takes the device token from {@code Authorization: Bearer …} or {@code ?token=…} during the
 * upgrade. WebSocket 2.1 gives each session a copy of these user properties, so concurrent
 * handshakes do not see each other's tokens.
 */
public class DeviceHandshake extends ServerEndpointConfig.Configurator {

  static final String TOKEN = "avgym.device.token";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    config.getUserProperties().put(TOKEN, token(request.getHeaders(), request.getParameterMap()));
  }

  public static String token(
      Map<String, List<String>> headers, Map<String, List<String>> parameters) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if ("authorization".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        String value = header.getValue().get(0);
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
          return value.substring(7).trim();
        }
      }
    }
    List<String> fromQuery = parameters.get("token");
    return fromQuery == null || fromQuery.isEmpty() ? "" : fromQuery.get(0);
  }
}
