package org.avgym.security.boundary;

import jakarta.json.spi.JsonProvider;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The answers of the authentication mechanism and the origin check: problem+json for the API (401,
 * 403, 429 and 503 with Retry-After), and redirects for pages that also work for Faces ajax
 * requests.
 */
final class AuthResponses {

  private static final Logger LOG = Logger.getLogger(AuthResponses.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();

  private AuthResponses() {}

  static boolean isApi(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ws/");
  }

  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"AV Gym\", charset=\"UTF-8\"");
    problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** 429 (too many failures) or 503 (every password check busy), with Retry-After in seconds. */
  static AuthenticationStatus retryLater(
      HttpServletResponse response, int status, Duration wait, String detail) {
    response.setHeader("Retry-After", String.valueOf(seconds(wait)));
    problem(response, status, status == 429 ? "Too Many Requests" : "Service Unavailable", detail);
    return AuthenticationStatus.SEND_FAILURE;
  }

  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  static void problem(HttpServletResponse response, int status, String title, String detail) {
    try {
      response.setStatus(status);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              JSON.createObjectBuilder()
                  .add("type", "about:blank")
                  .add("title", title)
                  .add("status", status)
                  .add("detail", detail)
                  .build()
                  .toString());
    } catch (IOException e) {
      LOG.fine(() -> "Could not write a " + status + " body: " + e.getMessage());
    }
  }

  /** Sends the browser to {@code page}; an ajax request gets a Faces partial-response redirect. */
  static AuthenticationStatus redirect(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String page) {
    String target = request.getContextPath() + page;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      // An ajax request (a poll after the session ended): tell Faces to navigate, not to render.
      try {
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target
                    + "\"/></partial-response>");
      } catch (IOException e) {
        LOG.fine(() -> "Could not write ajax redirect: " + e.getMessage());
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.redirect(target);
  }

  /** A user name as typed, safe for one log line. */
  static String sanitize(String value) {
    String shortened = value.length() > 64 ? value.substring(0, 64) : value;
    return shortened.replaceAll("[^\\p{Graph} ]", "?");
  }
}
