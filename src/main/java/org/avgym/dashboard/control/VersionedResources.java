package org.avgym.dashboard.control;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.platform.control.CacheLifetimes;
import org.avgym.platform.control.ContentVersion;

/**
 * Gives the app's own Faces resources (avgym.css, the dashboard's scripts) a version in their URL,
 * as PrimeFaces does for its own ({@code v=15.0.13}): a hash of the content, so a new build that
 * changes a file changes its URL, and browsers that keep resources for a year ({@link
 * CacheLifetimes}) fetch the new one at once. The hash is computed once per resource; the WAR's
 * files do not change while it runs (the project stage is Production). A request for a resource
 * without a name ({@code /jakarta.faces.resource/.xhtml}) finds none and is answered 404: Mojarra
 * itself fails on an empty name with a StringIndexOutOfBoundsException (500).
 */
public class VersionedResources extends ResourceHandlerWrapper {

  private static final Logger LOG = Logger.getLogger(VersionedResources.class.getName());

  private final Map<String, String> versions = new ConcurrentHashMap<>();

  public VersionedResources(ResourceHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Resource createResource(String resourceName) {
    return resourceName.isEmpty() ? null : versioned(super.createResource(resourceName));
  }

  @Override
  public Resource createResource(String resourceName, String libraryName) {
    return resourceName.isEmpty()
        ? null
        : versioned(super.createResource(resourceName, libraryName));
  }

  @Override
  public Resource createResource(String resourceName, String libraryName, String contentType) {
    return resourceName.isEmpty()
        ? null
        : versioned(super.createResource(resourceName, libraryName, contentType));
  }

  private Resource versioned(Resource resource) {
    return resource == null ? null : new Versioned(resource);
  }

  private String versionOf(Resource resource) {
    String key = resource.getLibraryName() + "/" + resource.getResourceName();
    return versions.computeIfAbsent(
        key,
        k -> {
          try (InputStream in = resource.getInputStream()) {
            return ContentVersion.of(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private final class Versioned extends ResourceWrapper {

    Versioned(Resource wrapped) {
      super(wrapped);
    }

    @Override
    public String getRequestPath() {
      String path = super.getRequestPath();
      int query = path.indexOf('?');
      if (query >= 0 && CacheLifetimes.isVersioned(path.substring(query + 1))) {
        return path;
      }
      try {
        return path + (query >= 0 ? "&" : "?") + "v=" + versionOf(getWrapped());
      } catch (UncheckedIOException e) {
        // Served without a version, it is kept for the shorter lifetime: slower, still correct.
        LOG.log(Level.WARNING, "Cannot read resource " + getResourceName() + " to version it", e);
        return path;
      }
    }
  }
}
