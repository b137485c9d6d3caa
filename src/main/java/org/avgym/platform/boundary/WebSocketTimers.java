package org.avgym.platform.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.util.logging.Logger;
import org.avgym.platform.control.TyrusTimers;

/**
 * At start-up, moves the idle timers of the server's WebSocket sessions (devices, live dashboards,
 * the simulated gateway) off Payara's managed scheduler; see {@link TyrusTimers}. Sessions opened
 * afterwards, which is all of them, re-arm their timers without a context capture.
 */
@WebListener
public class WebSocketTimers implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(WebSocketTimers.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
    if (container == null) {
      LOG.info("No WebSocket server container to tune");
      return;
    }
    if (TyrusTimers.unmanage(container, "avgym-ws-server-timers")) {
      LOG.fine("WebSocket sessions re-arm their idle timers on Tyrus' own scheduler");
    }
  }
}
