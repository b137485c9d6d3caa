package org.avgym.security.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie Secure when the public URL is HTTPS, also where TLS ends at a proxy in
 * front and the requests reaching Payara are plain HTTP. (payara-web.xml makes it Secure for
 * sessions that start over HTTPS to Payara itself.)
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    String publicUrl =
        ConfigProvider.getConfig()
            .getOptionalValue("avgym.public-url", String.class)
            .orElse("http://localhost:8080/");
    if (publicUrl.regionMatches(true, 0, "https:", 0, 6)) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
      LOG.info("The session cookie is Secure: the public URL is HTTPS");
    }
  }
}
