package org.avgym.live.boundary;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.avgym.checkin.boundary.DeviceHandshake;

/**
 * Captures who is connecting: the staff caller the container authenticated (session cookie or HTTP
 * Basic), an API token, and the Origin and Host headers for the cross-site check. Each session gets
 * its own copy of these properties (WebSocket 2.1).
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {

  static final String CALLER = "avgym.live.caller";
  static final String EXPLICIT_CREDENTIALS = "avgym.live.explicit";
  static final String TOKEN = "avgym.live.token";
  static final String ORIGIN = "avgym.live.origin";
  static final String HOST = "avgym.live.host";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    Map<String, Object> properties = config.getUserProperties();
    Principal caller = request.getUserPrincipal();
    properties.put(CALLER, caller == null ? "" : caller.getName());
    properties.put(EXPLICIT_CREDENTIALS, header(request.getHeaders(), "authorization") != null);
    properties.put(TOKEN, DeviceHandshake.token(request.getHeaders(), request.getParameterMap()));
    String origin = header(request.getHeaders(), "origin");
    String host = header(request.getHeaders(), "host");
    properties.put(ORIGIN, origin == null ? "" : origin);
    properties.put(HOST, host == null ? "" : host);
  }

  static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }
}
