package org.avgym.openapi.control;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.avgym.analytics.boundary.AnalyticsResource;
import org.avgym.analytics.boundary.ExportResource;
import org.avgym.checkin.boundary.CheckinsResource;
import org.avgym.checkin.boundary.MemberDetailResource;
import org.avgym.devices.boundary.DevicesResource;
import org.avgym.locations.boundary.LocationsResource;
import org.avgym.locations.boundary.OccupancyResource;
import org.avgym.members.boundary.CredentialsResource;
import org.avgym.members.boundary.MembersResource;
import org.avgym.members.boundary.MembershipsResource;
import org.avgym.members.boundary.PlansResource;
import org.avgym.notify.boundary.NotificationsResource;
import org.avgym.platform.boundary.RestApplication;
import org.avgym.pools.boundary.PoolsResource;
import org.avgym.security.boundary.ApiTokensResource;
import org.avgym.security.boundary.StaffUsersResource;

/**
 * Every JAX-RS resource of {@code /api} and its operations, keyed as the OpenAPI document keys them
 * ({@code POST /api/members/{id}/credentials}). A unit test checks that the list names every
 * {@code @Path} class the build produced, so a new resource cannot go undocumented.
 */
public final class ApiResources {

  static final List<Class<?>> CLASSES =
      List.of(
          AnalyticsResource.class,
          CheckinsResource.class,
          CredentialsResource.class,
          DevicesResource.class,
          ExportResource.class,
          LocationsResource.class,
          MemberDetailResource.class,
          MembersResource.class,
          MembershipsResource.class,
          NotificationsResource.class,
          OccupancyResource.class,
          PlansResource.class,
          PoolsResource.class,
          StaffUsersResource.class,
          ApiTokensResource.class);

  /** One resource method with the path and HTTP method it answers. */
  public record Endpoint(String verb, String path, Class<?> resource, Method method) {
    public String key() {
      return verb + " " + path;
    }
  }

  private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

  public ApiResources() {
    this(CLASSES);
  }

  ApiResources(List<Class<?>> classes) {
    String root = "/" + trim(RestApplication.class.getAnnotation(ApplicationPath.class).value());
    for (Class<?> resource : classes) {
      String base = join(root, resource.getAnnotation(Path.class).value());
      for (Method method : resource.getMethods()) {
        verb(method)
            .ifPresent(
                verb -> {
                  Path path = method.getAnnotation(Path.class);
                  String full = path == null ? base : join(base, path.value());
                  Endpoint endpoint = new Endpoint(verb, full, resource, method);
                  endpoints.put(endpoint.key(), endpoint);
                });
      }
    }
  }

  public Optional<Endpoint> find(String verb, String path) {
    return Optional.ofNullable(endpoints.get(verb + " " + normalized(path)));
  }

  public List<Endpoint> all() {
    return List.copyOf(endpoints.values());
  }

  /** The HTTP method of a resource method: its annotation's {@code @HttpMethod} value. */
  static Optional<String> verb(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return Optional.of(verb.value());
      }
    }
    return Optional.empty();
  }

  private static String join(String base, String path) {
    String tail = trim(path);
    return normalized(tail.isEmpty() ? base : base + "/" + tail);
  }

  /** {@code /api/x/{id: [0-9]+}/} and {@code /api/x/{id}} are the same path. */
  static String normalized(String path) {
    String plain = path.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}");
    return plain.length() > 1 && plain.endsWith("/")
        ? plain.substring(0, plain.length() - 1)
        : plain;
  }

  private static String trim(String path) {
    return path.replaceAll("^/+", "").replaceAll("/+$", "");
  }
}
