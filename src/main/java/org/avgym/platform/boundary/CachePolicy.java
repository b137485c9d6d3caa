package org.avgym.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.MalformedURLException;
import org.avgym.platform.control.CacheLifetimes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sets Cache-Control on every response from {@link CacheLifetimes}: static resources are kept,
 * everything else is {@code no-store}. Only a resource that was found gets a lifetime: Faces sets
 * its own Cache-Control only when it serves a resource, and this filter replaces that value, so an
 * unknown Faces resource (404) is never kept; a file of the default servlet is looked up first.
 * Code further down may still set its own value (an API answer's photo does).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CachePolicy extends HttpFilter {

  private static final String CACHE_CONTROL = "Cache-Control";

  @Inject
  @ConfigProperty(name = "avgym.http.cache.versioned-max-age-seconds", defaultValue = "31536000")
  long versionedSeconds;

  @Inject
  @ConfigProperty(name = "avgym.http.cache.unversioned-max-age-seconds", defaultValue = "86400")
  long unversionedSeconds;

  private CacheLifetimes lifetimes;

  @Override
  public void init() {
    lifetimes = new CacheLifetimes(versionedSeconds, unversionedSeconds);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!CacheLifetimes.isStatic(path)) {
      response.setHeader(CACHE_CONTROL, CacheLifetimes.NEVER);
      chain.doFilter(request, response);
      return;
    }
    String lifetime = lifetimes.forResource(request.getQueryString());
    if (path.startsWith(CacheLifetimes.FACES_RESOURCES)) {
      chain.doFilter(request, new FacesResourceLifetime(response, lifetime));
      return;
    }
    if (exists(path)) {
      response.setHeader(CACHE_CONTROL, lifetime);
    }
    chain.doFilter(request, response);
  }

  private boolean exists(String path) {
    try {
      return !path.endsWith("/") && getServletContext().getResource(path) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }

  /** Replaces the Cache-Control that Faces sets when, and only when, it serves a resource. */
  private static final class FacesResourceLifetime extends HttpServletResponseWrapper {

    private final String lifetime;

    FacesResourceLifetime(HttpServletResponse response, String lifetime) {
      super(response);
      this.lifetime = lifetime;
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? lifetime : value);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, lifetime);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
