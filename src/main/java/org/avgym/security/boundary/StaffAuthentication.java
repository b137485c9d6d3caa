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
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.security.control.AccessStamps;
import org.avgym.security.control.ApiTokens;
import org.avgym.security.control.ClientAddress;
import org.avgym.security.control.LoginMetrics;
import org.avgym.security.control.LoginThrottle;
import org.avgym.security.control.Passwords;
import org.avgym.security.control.StaffDirectory;
import org.avgym.security.control.TokenSecrets;
import org.avgym.security.entity.Role;
import org.avgym.security.entity.StaffLogin;
import org.avgym.security.entity.TokenCaller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One mechanism for the ways staff and integrations reach AV Gym: the dashboard logs in through the
 * login page (the session then remembers the caller), API clients send HTTP Basic or an API token
 * ({@code Authorization: Bearer avk_…}) on every request. Unauthenticated page requests are sent to
 * the login page (also from ajax requests, which get a Faces partial-response redirect);
 * unauthenticated API requests get 401 problem+json.
 *
 * <p>Repeated failures are slowed and then refused ({@link LoginThrottle}: 429 with Retry-After on
 * the API, a message on the login page) before any password is checked; when every password check
 * is busy the answer is 503 with Retry-After. A session ends at its next request once its user was
 * disabled, demoted or given a new password ({@link AccessStamps}). A user who logged in with a
 * generated password can do nothing but change it.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

  static final String SESSION_CALLER = "avgym.caller";
  public static final String LOGIN_PAGE = "/login.xhtml";
  public static final String PASSWORD_PAGE = "/password.xhtml";

  /** Request attribute: why the login page refused a sign-in other than a wrong password. */
  public static final String REFUSAL = "avgym.login.refusal";

  /** Request attribute: the {@link TokenCaller} of a request made with an API token. */
  public static final String TOKEN_CALLER = "avgym.token";

  public static final String BUSY = "The server is busy. Please try again in a moment.";

  private static final Logger LOG = Logger.getLogger(StaffAuthentication.class.getName());

  /** What a user who must change their password may still reach. */
  private static final Set<String> PASSWORD_CHANGE_PATHS =
      Set.of(PASSWORD_PAGE, LOGIN_PAGE, "/favicon.ico");

  @Inject IdentityStoreHandler identityStores;
  @Inject LoginMetrics metrics;
  @Inject StaffDirectory directory;
  @Inject AccessStamps stamps;
  @Inject LoginThrottle throttle;
  @Inject Event<StaffLogin> logins;
  @Inject ApiTokens tokens;

  @Inject
  @ConfigProperty(name = "avgym.security.trusted-proxies", defaultValue = " ")
  String trustedProxies;

  /**
   * What the session keeps about a logged-in caller: {@code stamp} is the user's {@linkplain
   * org.avgym.security.entity.StaffUser#accessStamp() access stamp} at login.
   */
  record Caller(String name, Set<String> groups, String stamp) implements Serializable {}

  /** The client's address as throttling and logs see it. */
  public String clientAddress(HttpServletRequest request) {
    return ClientAddress.of(
        request.getRemoteAddr(),
        request.getHeader("X-Forwarded-For"),
        ClientAddress.proxies(trustedProxies));
  }

  /** The login page's message when too many sign-ins failed. */
  public static String tooMany(Duration wait) {
    long minutes = (AuthResponses.seconds(wait) + 59) / 60;
    return "Too many failed sign-ins for this user name or from this address. Please try again in "
        + (minutes <= 1 ? "a minute." : minutes + " minutes.");
  }

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
    if (authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && TokenSecrets.isApiToken(authorization.substring(7).trim())) {
      return bearer(request, response, context, authorization.substring(7).trim());
    }
    HttpSession session = request.getSession(false);
    Caller caller = sessionCaller(session);
    if (caller != null) {
      boolean valid;
      try {
        valid = stamps.valid(caller.name(), caller.stamp());
      } catch (RuntimeException e) {
        // The user's access could not be read (the database is unreachable): refuse for now.
        LOG.log(Level.WARNING, e, () -> "Could not check the access of '" + caller.name() + "'");
        return AuthResponses.retryLater(
            response, 503, Duration.ofSeconds(5), "could not check your access; retry in a moment");
      }
      if (!valid) {
        // Disabled, demoted or given a new password since this session logged in: it ends here.
        LOG.info(() -> "Ended the session of '" + caller.name() + "': their access changed");
        invalidate(session);
      } else if (caller.groups().contains(Role.PASSWORD_CHANGE_NAME)
          && !passwordChangePath(request)) {
        return passwordChangeFirst(request, response, context);
      } else {
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
      }
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (AuthResponses.isApi(request)) {
      return AuthResponses.unauthorized(response, "Authentication required");
    }
    return AuthResponses.redirect(request, response, context, LOGIN_PAGE);
  }

  /** The caller a session remembers; none when it has none or was invalidated meanwhile. */
  private static Caller sessionCaller(HttpSession session) {
    if (session == null) {
      return null;
    }
    try {
      return session.getAttribute(SESSION_CALLER) instanceof Caller caller ? caller : null;
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  /** Ends a session that another request (or the container) may be ending at the same time. */
  private static void invalidate(HttpSession session) {
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyInvalidated) {
      LOG.fine("The session was already invalidated");
    }
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        session.removeAttribute(SESSION_CALLER);
      } catch (IllegalStateException alreadyInvalidated) {
        // nothing left to clean
      }
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private AuthenticationStatus formLogin(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    String name =
        credential instanceof UsernamePasswordCredential upc ? upc.getCaller() : "(unknown)";
    String address = clientAddress(request);
    Duration wait = throttle.refusal(name, address, "form");
    if (!wait.isZero()) {
      // No error page: the login page shows the message.
      request.setAttribute(REFUSAL, tooMany(wait));
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result;
    try {
      result = identityStores.validate(credential);
    } catch (RuntimeException e) {
      return busyOrRethrow(e, "form", () -> request.setAttribute(REFUSAL, BUSY));
    }
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      metrics.failed("form");
      throttle.failed(name, address);
      logins.fire(new StaffLogin(name, false, address, Instant.now()));
      LOG.info(() -> "Login refused for '" + AuthResponses.sanitize(name) + "' from " + address);
      return AuthenticationStatus.SEND_FAILURE;
    }
    String caller = result.getCallerPrincipal().getName();
    metrics.succeeded("form");
    throttle.succeeded(caller);
    // A fresh session id at login defeats session fixation.
    request.getSession(true);
    request.changeSessionId();
    request
        .getSession()
        .setAttribute(
            SESSION_CALLER,
            new Caller(caller, result.getCallerGroups(), stamps.current(caller).orElse(null)));
    directory.recordLogin(caller);
    logins.fire(new StaffLogin(caller, true, address, Instant.now()));
    LOG.info(() -> "Login of '" + caller + "' from " + address);
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
      return AuthResponses.unauthorized(response, "Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      metrics.failed("basic");
      return AuthResponses.unauthorized(response, "Malformed Basic credentials");
    }
    String name = decoded.substring(0, colon);
    String address = clientAddress(request);
    Duration wait = throttle.refusal(name, address, "basic");
    if (!wait.isZero()) {
      return AuthResponses.retryLater(
          response,
          429,
          wait,
          "too many failed logins for this user name or from this address; retry after "
              + AuthResponses.seconds(wait)
              + " s");
    }
    CredentialValidationResult result;
    try {
      result =
          identityStores.validate(
              new UsernamePasswordCredential(name, decoded.substring(colon + 1)));
    } catch (RuntimeException e) {
      return busyOrRethrow(
          e,
          "basic",
          () ->
              AuthResponses.retryLater(
                  response,
                  503,
                  Duration.ofSeconds(1),
                  "every password check is busy; retry in a moment"));
    }
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      metrics.failed("basic");
      throttle.failed(name, address);
      return AuthResponses.unauthorized(response, "Unknown user or wrong password");
    }
    metrics.succeeded("basic");
    throttle.succeeded(result.getCallerPrincipal().getName());
    if (result.getCallerGroups().contains(Role.PASSWORD_CHANGE_NAME)) {
      AuthResponses.problem(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Forbidden",
          "this user's generated password must be changed first: sign in on the dashboard");
      return AuthenticationStatus.SEND_FAILURE;
    }
    return context.notifyContainerAboutLogin(result);
  }

  /**
   * An API token (PROTOCOL.md §4): valid, it stands for its role on this request only (no session);
   * its scopes are checked by {@link TokenScopeFilter} and on the live channel. Unknown, expired
   * and revoked tokens are refused, and failures count towards the address's throttle like
   * passwords.
   */
  private AuthenticationStatus bearer(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String secret) {
    String address = clientAddress(request);
    String shown = TokenSecrets.shown(secret);
    Duration wait = throttle.refusal(shown, address, "token");
    if (!wait.isZero()) {
      return AuthResponses.retryLater(
          response,
          429,
          wait,
          "too many failed logins from this address; retry after "
              + AuthResponses.seconds(wait)
              + " s");
    }
    ApiTokens.Check check = tokens.authenticate(secret, address);
    if (check.outcome() != ApiTokens.Outcome.VALID) {
      metrics.failed("token");
      throttle.failed(shown, address);
      String why =
          switch (check.outcome()) {
            case EXPIRED -> "this API token expired at " + check.when();
            case REVOKED -> "this API token was revoked at " + check.when();
            default -> "unknown API token";
          };
      LOG.info(() -> "API token " + shown + "… refused from " + address + ": " + why);
      return AuthResponses.unauthorized(response, why);
    }
    TokenCaller caller = check.caller();
    metrics.succeeded("token");
    request.setAttribute(TOKEN_CALLER, caller);
    return context.notifyContainerAboutLogin(caller.principal(), caller.role().groups());
  }

  /**
   * All password checks were busy ({@link Passwords.Busy}): refuse for now; anything else is a bug.
   */
  private AuthenticationStatus busyOrRethrow(RuntimeException e, String channel, Runnable refuse) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Passwords.Busy) {
        metrics.busy(channel);
        refuse.run();
        return AuthenticationStatus.SEND_FAILURE;
      }
    }
    throw e;
  }

  private static boolean passwordChangePath(HttpServletRequest request) {
    String path = AuthResponses.path(request);
    return PASSWORD_CHANGE_PATHS.contains(path)
        || path.startsWith("/jakarta.faces.resource/")
        || path.startsWith("/resources/");
  }

  private static AuthenticationStatus passwordChangeFirst(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (AuthResponses.isApi(request)) {
      AuthResponses.problem(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Forbidden",
          "change your generated password first");
      return AuthenticationStatus.SEND_FAILURE;
    }
    return AuthResponses.redirect(request, response, context, PASSWORD_PAGE);
  }
}
