package org.avgym.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import org.avgym.security.control.Origins;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-site request forgery (PROTOCOL.md §4): a request that changes state (anything but GET,
 * HEAD, OPTIONS) and that a browser sent from another site's page is refused with 403 before it
 * reaches the application. Browsers name the page's origin in {@code Origin} (or, failing that,
 * {@code Referer}); a request with neither comes from no browser page, except that a
 * cookie-authenticated {@code /api} request must name its origin. The session cookie is
 * SameSite=Lax as well (payara-web.xml); this check also covers browsers and proxies that drop that
 * attribute, and Basic credentials a browser remembers.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class OriginCheck extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(OriginCheck.class.getName());
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Inject
  @ConfigProperty(name = "avgym.security.allowed-origins", defaultValue = " ")
  String allowedOrigins;

  @Inject
  @ConfigProperty(name = "avgym.public-url", defaultValue = "http://localhost:8080/")
  String publicUrl;

  private Set<String> allowed;

  @Override
  public void init() {
    allowed = Origins.allowedSet(allowedOrigins, publicUrl);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (SAFE.contains(request.getMethod()) || bearer(request) || sameSite(request)) {
      chain.doFilter(request, response);
      return;
    }
    String origin = source(request);
    LOG.warning(
        () ->
            "Refused a cross-site "
                + request.getMethod()
                + " of "
                + request.getRequestURI()
                + " from origin "
                + origin
                + " ("
                + request.getRemoteAddr()
                + ")");
    if (AuthResponses.isApi(request)) {
      AuthResponses.problem(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Forbidden",
          "a request that changes something must come from this application's own pages");
    } else {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  private boolean sameSite(HttpServletRequest request) {
    String origin = source(request);
    if (origin != null) {
      return Origins.allowed(origin, request.getHeader("Host"), allowed);
    }
    boolean cookie =
        request.getHeader("Authorization") == null && request.getRequestedSessionId() != null;
    return !(cookie && AuthResponses.isApi(request));
  }

  /**
   * A bearer token is never sent by a browser on its own (unlike a cookie or remembered Basic
   * credentials), so another site's page cannot forge a request with one.
   */
  private static boolean bearer(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /** The page the request came from: {@code Origin}, else the origin of {@code Referer}. */
  private static String source(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin != null && !origin.isBlank()) {
      return origin;
    }
    return Origins.of(request.getHeader("Referer"));
  }
}
