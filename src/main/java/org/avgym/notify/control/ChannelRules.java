package org.avgym.notify.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.avgym.analytics.entity.Severity;
import org.avgym.notify.entity.ChannelInput;
import org.avgym.notify.entity.ChannelKind;
import org.avgym.notify.entity.ChannelSettings;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.control.EndpointAddresses;

/**
 * Checks a channel as an admin sent it, field by field, each refusal naming its field, before
 * anything is stored: the same checks for the API and the admin page.
 */
public final class ChannelRules {

  /** Characters of a name; the names of alert rules follow the same pattern. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  static final int MAX_URL = 1024;
  static final int MAX_ADDRESSES = 10;
  static final int MAX_RULES = 20;
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 128;

  /** A plain address: no display names, no comments, one @, a dot in the domain. */
  static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the checks need from outside: the SSRF address rules and whether e-mail can be sent. */
  public record Context(
      EndpointAddresses addresses, EndpointAddresses.Resolver dns, boolean mailConfigured) {}

  private ChannelRules() {}

  /**
   * The checked settings. On creation a webhook without a secret gets a generated one; on an update
   * ({@code creating} false) a missing secret keeps the stored one (null in the result).
   */
  public static ChannelSettings check(ChannelInput input, boolean creating, Context context) {
    if (input == null) {
      throw Refusal.invalid("body", "a notification channel is required");
    }
    String name = name(input.name());
    ChannelKind kind = kind(input.kind());
    String target;
    String secret = null;
    if (kind == ChannelKind.WEBHOOK) {
      target = url(input.target(), context);
      secret = secret(input.secret());
      if (secret == null && creating) {
        secret = generatedSecret();
      }
    } else {
      if (!context.mailConfigured()) {
        throw Refusal.invalid(
            "kind",
            "e-mail needs a Jakarta Mail session, and none is configured"
                + " (see docs/configuration.md, Notifications)");
      }
      if (input.secret() != null && !input.secret().isBlank()) {
        throw Refusal.invalid("secret", "only webhooks are signed; leave secret out for e-mail");
      }
      target = addresses(input.target());
    }
    return new ChannelSettings(
        name,
        kind,
        target,
        secret,
        severity(input.minSeverity()),
        rules(input.rules()),
        input.enabled() == null || input.enabled());
  }

  static String name(String text) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid("name", "name is required");
    }
    String name = text.trim();
    if (!NAME.matcher(name).matches()) {
      throw Refusal.invalid(
          "name", "name must be 1 to 64 letters, digits, '.', '_' and '-', not \"" + name + "\"");
    }
    return name;
  }

  static ChannelKind kind(String text) {
    if (text == null || text.isBlank()) {
      return ChannelKind.WEBHOOK;
    }
    try {
      return ChannelKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("kind", "kind must be WEBHOOK or EMAIL");
    }
  }

  static Severity severity(String text) {
    if (text == null || text.isBlank()) {
      return Severity.WARNING;
    }
    try {
      return Severity.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("minSeverity", "minSeverity must be INFO, WARNING or CRITICAL");
    }
  }

  /**
   * An absolute {@code http} or {@code https} URL with a host, no user name or password (they would
   * be shown and logged) and no fragment; its host must pass the address rules (no link-local or
   * metadata addresses, private ones only where allowed).
   */
  static String url(String text, Context context) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid("target", "target is required: the webhook's URL");
    }
    String trimmed = text.trim();
    if (trimmed.length() > MAX_URL) {
      throw Refusal.invalid("target", "target must be at most " + MAX_URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw Refusal.invalid("target", "target is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw Refusal.invalid("target", "target must be an http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw Refusal.invalid("target", "target must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw Refusal.invalid("target", "target must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw Refusal.invalid("target", "target must not have a #fragment");
    }
    String refusal = context.addresses().refusal(uri.getHost(), context.dns());
    if (refusal != null) {
      throw Refusal.invalid("target", "target refused: " + refusal);
    }
    return trimmed;
  }

  /** Comma-separated plain addresses, 1 to {@value #MAX_ADDRESSES}, without repeats. */
  static String addresses(String text) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid("target", "target is required: one or more e-mail addresses");
    }
    Set<String> addresses = new LinkedHashSet<>();
    for (String part : text.split(",", -1)) {
      String address = part.trim();
      if (!ADDRESS.matcher(address).matches() || address.length() > 254) {
        throw Refusal.invalid(
            "target",
            "target must be e-mail addresses separated by commas; \"" + address + "\" is not one");
      }
      addresses.add(address);
    }
    if (addresses.size() > MAX_ADDRESSES) {
      throw Refusal.invalid("target", "target may name at most " + MAX_ADDRESSES + " addresses");
    }
    return String.join(",", addresses);
  }

  static String secret(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() < MIN_SECRET || text.length() > MAX_SECRET || !text.equals(text.strip())) {
      throw Refusal.invalid(
          "secret",
          "secret must be "
              + MIN_SECRET
              + " to "
              + MAX_SECRET
              + " characters, without spaces around");
    }
    return text;
  }

  static List<String> rules(List<String> names) {
    if (names == null) {
      return List.of();
    }
    if (names.size() > MAX_RULES) {
      throw Refusal.invalid("rules", "rules may name at most " + MAX_RULES + " alert rules");
    }
    List<String> rules = new ArrayList<>();
    for (String name : names) {
      String rule = name == null ? "" : name.trim();
      if (!NAME.matcher(rule).matches()) {
        throw Refusal.invalid("rules", "\"" + rule + "\" is not an alert rule name");
      }
      if (!rules.contains(rule)) {
        rules.add(rule);
      }
    }
    return rules;
  }

  /** 32 random bytes, base64url: what an admin who set no key gets, shown once. */
  static String generatedSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }
}
