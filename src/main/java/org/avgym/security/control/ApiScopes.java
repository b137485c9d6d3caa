package org.avgym.security.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.avgym.platform.control.Refusal;

/**
 * What an API token's scopes mean. A resource scope is an API resource (the first segment of its
 * path under {@code /api}, e.g. {@code checkins}), optionally with {@code :read} to allow only GET
 * and HEAD; a topic scope is a live topic. No scopes of a kind means all of that kind the role
 * allows.
 */
public final class ApiScopes {

  /** Every resource under /api but {@link #TOKENS}; a test holds this to the build's resources. */
  public static final Set<String> RESOURCES =
      Set.of(
          "analytics",
          "checkins",
          "credentials",
          "devices",
          "locations",
          "members",
          "memberships",
          "notifications",
          "occupancy",
          "plans",
          "pools",
          "staff-users");

  /** API tokens are managed by a signed-in administrator, never with a token. */
  public static final String TOKENS = "tokens";

  /** Every live topic (PROTOCOL.md §2); a test holds this to the live channel's topics. */
  public static final Set<String> TOPICS =
      Set.of("checkins", "occupancy", "alerts", "pools", "metrics");

  static final String READ = ":read";
  static final int MAX = 32;

  private ApiScopes() {}

  /** The resource scopes asked for, checked: unknown ones refused naming the field. */
  public static Set<String> resources(List<String> requested) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : requested == null ? List.<String>of() : requested) {
      String s = scope == null ? "" : scope.trim().toLowerCase(Locale.ROOT);
      String resource = s.endsWith(READ) ? s.substring(0, s.length() - READ.length()) : s;
      if (!RESOURCES.contains(resource)) {
        throw Refusal.invalid(
            "resources",
            "unknown resource scope '"
                + clip(scope)
                + "': use a resource of "
                + sorted(RESOURCES)
                + ", optionally with :read");
      }
      scopes.add(s);
    }
    return bounded(scopes, "resources");
  }

  /** The topic scopes asked for, checked. */
  public static Set<String> topics(List<String> requested) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String topic : requested == null ? List.<String>of() : requested) {
      String t = topic == null ? "" : topic.trim().toLowerCase(Locale.ROOT);
      if (!TOPICS.contains(t)) {
        throw Refusal.invalid(
            "topics", "unknown topic '" + clip(topic) + "': use one of " + sorted(TOPICS));
      }
      scopes.add(t);
    }
    return bounded(scopes, "topics");
  }

  /**
   * Whether a token with these resource scopes may call {@code method} on the API path {@code path}
   * (relative to /api, with or without a leading slash).
   */
  public static boolean allows(Set<String> scopes, String method, String path) {
    if (scopes.isEmpty()) {
      return true;
    }
    String resource = resourceOf(path);
    boolean read = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
    return scopes.contains(resource) || (read && scopes.contains(resource + READ));
  }

  /** Whether a token with these topic scopes may subscribe to all of {@code topics}. */
  public static boolean allowsTopics(Set<String> scopes, Set<String> topics) {
    return scopes.isEmpty() || scopes.containsAll(topics);
  }

  public static String resourceOf(String path) {
    String p = path == null ? "" : path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    int slash = p.indexOf('/');
    return (slash < 0 ? p : p.substring(0, slash)).toLowerCase(Locale.ROOT);
  }

  private static Set<String> bounded(Set<String> scopes, String field) {
    if (scopes.size() > MAX) {
      throw Refusal.invalid(field, "at most " + MAX + " scopes");
    }
    return scopes;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static String clip(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
