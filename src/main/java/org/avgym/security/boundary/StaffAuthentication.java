package org.avgym.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import org.avgym.security.control.LoginMetrics;
import org.avgym.security.control.StaffDirectory;
import org.avgym.security.entity.StaffLogin;

/**
 * One mechanism for the two ways staff reach AV Gym: the dashboard logs in through the login page
 * (the session then remembers the caller), API clients send HTTP Basic on every request.
 * Unauthenticated page requests are sent to the login page (also from ajax requests, which get a
 * Faces partial-response redirect); unauthenticated API requests get 401 problem+json.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

  static final String SESSION_CALLER = "avgym.caller";
  public static final String LOGIN_PAGE = "/login.xhtml";
  private static final Logger LOG = Logger.getLogger(StaffAuthentication.class.getName());

  @Inject IdentityStoreHandler identityStores;
  @Inject LoginMetrics metrics;
  @Inject StaffDirectory directory;
  @Inject Event<StaffLogin> logins;

  /** What the session keeps about a logged-in caller. */
  record Caller(String name, Set<String> groups) implements Serializable {}

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential submitted = context.getAuthParameters().getCredential();
    if (submitted != null) {
      return formLogin(request, context, submitted);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(request, response, context, authorization.substring(6).trim());
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_CALLER) instanceof Caller caller) {
      return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return unauthorized(response, context, "Authentication required");
    }
    return toLoginPage(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_CALLER);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private AuthenticationStatus formLogin(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    String name =
        credential instanceof UsernamePasswordCredential upc ? upc.getCaller() : "(unknown)";
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      metrics.failed("form");
      logins.fire(new StaffLogin(name, false, request.getRemoteAddr(), Instant.now()));
      LOG.info(() -> "Login refused for '" + sanitize(name) + "' from " + request.getRemoteAddr());
      // No error page: the login page shows its own message.
      return AuthenticationStatus.SEND_FAILURE;
    }
    metrics.succeeded("form");
    // A fresh session id at login defeats session fixation.
    request.getSession(true);
    request.changeSessionId();
    String caller = result.getCallerPrincipal().getName();
    request.getSession().setAttribute(SESSION_CALLER, new Caller(caller, result.getCallerGroups()));
    directory.recordLogin(caller);
    logins.fire(new StaffLogin(caller, true, request.getRemoteAddr(), Instant.now()));
    LOG.info(() -> "Login of '" + caller + "' from " + request.getRemoteAddr());
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus basic(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      metrics.failed("basic");
      return unauthorized(response, context, "Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      metrics.failed("basic");
      return unauthorized(response, context, "Malformed Basic credentials");
    }
    CredentialValidationResult result =
        identityStores.validate(
            new UsernamePasswordCredential(
                decoded.substring(0, colon), decoded.substring(colon + 1)));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      metrics.failed("basic");
      return unauthorized(response, context, "Unknown user or wrong password");
    }
    metrics.succeeded("basic");
    return context.notifyContainerAboutLogin(result);
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ws/");
  }

  private static AuthenticationStatus unauthorized(
      HttpServletResponse response, HttpMessageContext context, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"AV Gym\", charset=\"UTF-8\"");
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                  + detail
                  + "\"}");
    } catch (IOException e) {
      LOG.fine(() -> "Could not write 401 body: " + e.getMessage());
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static AuthenticationStatus toLoginPage(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String login = request.getContextPath() + LOGIN_PAGE;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      // An ajax request after the session expired: tell Faces to navigate, not to render.
      try {
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login
                    + "\"/></partial-response>");
      } catch (IOException e) {
        LOG.fine(() -> "Could not write ajax redirect: " + e.getMessage());
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.redirect(login);
  }

  private static String sanitize(String value) {
    String shortened = value.length() > 64 ? value.substring(0, 64) : value;
    return shortened.replaceAll("[^\\p{Graph} ]", "?");
  }
}
