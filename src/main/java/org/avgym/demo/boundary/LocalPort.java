package org.avgym.demo.boundary;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Learns the HTTP port this server answers on from the first request that reaches it over loopback.
 * The simulator needs it when its URL is {@code auto}: Payara Micro can pick a free port at
 * start-up (as the integration tests do), and the application has no portable way to ask.
 */
@WebListener
public class LocalPort implements ServletRequestListener {

  private static volatile int port;

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    if (port == 0 && event.getServletRequest().getLocalAddr() != null) {
      String address = event.getServletRequest().getLocalAddr();
      if (address.equals("127.0.0.1")
          || address.equals("0:0:0:0:0:0:0:1")
          || address.equals("::1")) {
        port = event.getServletRequest().getLocalPort();
      }
    }
  }

  /** The loopback HTTP port, or 0 before the first loopback request. */
  static int known() {
    return port;
  }
}
