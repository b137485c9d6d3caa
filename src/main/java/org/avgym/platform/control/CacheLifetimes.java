package org.avgym.platform.control;

/**
 * How long a browser may keep what this server sends. A front desk on a slow Wi-Fi should fetch
 * PrimeFaces' scripts and the app's style sheet once, not on every page: a static resource whose
 * URL carries its version ({@code v=}: PrimeFaces' release, or the content hash that {@code
 * VersionedResources} appends to the app's own) never changes under that URL, so it is kept for
 * {@code versionedSeconds} without asking again; a static file without a version is kept for {@code
 * unversionedSeconds} and then revalidated. Pages and everything else hold members' data and
 * server-side view state: they are never stored.
 *
 * @param versionedSeconds lifetime of a versioned static resource
 * @param unversionedSeconds lifetime of a static file whose URL has no version
 */
public record CacheLifetimes(long versionedSeconds, long unversionedSeconds) {

  /** The answer for everything that is not a static resource. */
  public static final String NEVER = "no-store";

  /** Where Faces serves resources (style sheets, scripts, fonts from the WAR and its libraries). */
  public static final String FACES_RESOURCES = "/jakarta.faces.resource/";

  /** The plain static folder and the browser's icon, served by the default servlet. */
  public static final String STATIC_FOLDER = "/resources/";

  public static final String FAVICON = "/favicon.ico";

  public CacheLifetimes {
    if (versionedSeconds < 0 || unversionedSeconds < 0) {
      throw new IllegalArgumentException(
          "cache lifetimes cannot be negative: " + versionedSeconds + ", " + unversionedSeconds);
    }
  }

  /** Whether {@code path} (inside the application) names a static resource. */
  public static boolean isStatic(String path) {
    return path.startsWith(FACES_RESOURCES)
        || path.startsWith(STATIC_FOLDER)
        || path.equals(FAVICON);
  }

  /** Whether a query string carries a resource version ({@code v=...}). */
  public static boolean isVersioned(String query) {
    if (query == null) {
      return false;
    }
    for (String parameter : query.split("&")) {
      if (parameter.startsWith("v=") && parameter.length() > 2) {
        return true;
      }
    }
    return false;
  }

  /** The Cache-Control value for a static resource found at a URL with {@code query}. */
  public String forResource(String query) {
    if (isVersioned(query)) {
      return "public, max-age=" + versionedSeconds + ", immutable";
    }
    return "public, max-age=" + unversionedSeconds;
  }
}
