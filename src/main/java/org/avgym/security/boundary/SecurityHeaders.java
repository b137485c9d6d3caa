package org.avgym.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The response headers a browser needs to protect staff from other sites: no framing
 * (clickjacking), no guessing of content types, no full URLs in Referer to other sites, HTTPS only
 * once it was used (HSTS, on secure requests and when the public URL is HTTPS). Faces pages get
 * their Content-Security-Policy with a script nonce from PrimeFaces ({@code primefaces.CSP_POLICY}
 * in web.xml, the same directives); everything else gets {@link #POLICY} here. API answers are not
 * cached: they hold members' data.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  /** The directives every response carries; Faces pages add their script-src with a nonce. */
  public static final String POLICY =
      "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  @Inject
  @ConfigProperty(name = "avgym.security.hsts-max-age-seconds", defaultValue = "31536000")
  long hstsMaxAge;

  @Inject
  @ConfigProperty(name = "avgym.public-url", defaultValue = "http://localhost:8080/")
  String publicUrl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    if (hstsMaxAge > 0 && (request.isSecure() || publicUrl.startsWith("https:"))) {
      response.setHeader("Strict-Transport-Security", "max-age=" + hstsMaxAge);
    }
    if (!request.getRequestURI().endsWith(".xhtml")) {
      response.setHeader("Content-Security-Policy", POLICY);
    }
    if (AuthResponses.isApi(request)) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
