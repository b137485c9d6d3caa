package org.avgym.pools.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.logging.Logger;

/**
 * The simulated gateway is a demo and test peer, open to no one else: web.xml leaves {@code /ws/*}
 * unauthenticated, so this refuses every client that is not on loopback with 403, and answers 404
 * while the simulator is off ({@link SimulatorSwitch}). Behind a reverse proxy on the same host
 * every client looks like loopback: keep the simulator off there. A simulated endpoint taken down
 * through {@link GatewayFaults} answers its handshakes with 503.
 */
@WebFilter(urlPatterns = "/ws/sim/*")
public class LoopbackOnly extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(LoopbackOnly.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!SimulatorSwitch.enabled()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!loopback(request.getRemoteAddr())) {
      LOG.info(() -> "Refused the simulated gateway to " + request.getRemoteAddr());
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (GatewayFaults.down(request.getParameter("name"))) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean loopback(String address) {
    if (address == null) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }
}
