package org.avgym.security.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.avgym.platform.control.Refusal;
import org.avgym.security.entity.ApiToken;
import org.avgym.security.entity.ApiTokenRevoked;
import org.avgym.security.entity.ApiTokenView;
import org.avgym.security.entity.IssuedToken;
import org.avgym.security.entity.Role;
import org.avgym.security.entity.TokenCaller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * API tokens in the database (PROTOCOL.md §4): issued by an administrator, looked up by the hash of
 * the secret on every request (so a revocation holds on every instance at once), last use recorded
 * at most once a minute per token and address.
 */
@Stateless
public class ApiTokens {

  private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());

  static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@:/-]{1,64}");
  static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;

  @Inject Event<ApiTokenRevoked> revoked;

  @Inject
  @ConfigProperty(name = "avgym.security.tokens.default-days", defaultValue = "90")
  int defaultDays;

  @Inject
  @ConfigProperty(name = "avgym.security.tokens.max-days", defaultValue = "730")
  int maxDays;

  /** What a presented secret turned out to be. */
  public enum Outcome {
    VALID,
    UNKNOWN,
    EXPIRED,
    REVOKED
  }

  public record Check(Outcome outcome, TokenCaller caller, Instant when) {}

  /**
   * Issues a token. {@code expiresAt} wins over {@code days}; neither means the default lifetime.
   *
   * @throws Refusal naming the field at fault; nothing is stored then
   */
  public IssuedToken issue(
      String name,
      Role role,
      List<String> resources,
      List<String> topics,
      Instant expiresAt,
      Integer days,
      String by) {
    Instant now = Instant.now();
    String trimmed = name == null ? "" : name.strip();
    if (!NAME.matcher(trimmed).matches()) {
      throw Refusal.invalid(
          "name", "1 to 64 letters, digits, spaces or . _ @ : / - (say what integration uses it)");
    }
    if (role == null) {
      throw Refusal.invalid("role", "ADMIN or STAFF");
    }
    Set<String> resourceScopes = ApiScopes.resources(resources);
    Set<String> topicScopes = ApiScopes.topics(topics);
    Instant expires = expiry(expiresAt, days, now);
    if (!em.createNamedQuery(ApiToken.LIVE_BY_NAME, ApiToken.class)
        .setParameter("name", trimmed)
        .getResultList()
        .isEmpty()) {
      throw Refusal.conflict("a token named '" + trimmed + "' exists; revoke it first");
    }
    String secret = TokenSecrets.generate();
    ApiToken token =
        new ApiToken(
            trimmed,
            TokenSecrets.hash(secret),
            TokenSecrets.shown(secret),
            role,
            resourceScopes,
            topicScopes,
            expires,
            by,
            now);
    em.persist(token);
    em.flush();
    LOG.info(
        () -> "API token '" + trimmed + "' (" + role + ", until " + expires + ") issued by " + by);
    return new IssuedToken(token.view(now), secret);
  }

  private Instant expiry(Instant expiresAt, Integer days, Instant now) {
    Instant latest = now.plus(Duration.ofDays(maxDays));
    if (expiresAt != null) {
      if (!expiresAt.isAfter(now)) {
        throw Refusal.invalid("expiresAt", "must be in the future");
      }
      if (expiresAt.isAfter(latest)) {
        throw Refusal.invalid("expiresAt", "at most " + maxDays + " days from now");
      }
      return expiresAt;
    }
    int d = days == null ? defaultDays : days;
    if (d < 1 || d > maxDays) {
      throw Refusal.invalid("days", "1 to " + maxDays);
    }
    return now.plus(Duration.ofDays(d));
  }

  public List<ApiTokenView> all() {
    Instant now = Instant.now();
    return em.createNamedQuery(ApiToken.ALL, ApiToken.class).getResultList().stream()
        .map(t -> t.view(now))
        .toList();
  }

  public Optional<ApiTokenView> find(long id) {
    return Optional.ofNullable(em.find(ApiToken.class, id)).map(t -> t.view(Instant.now()));
  }

  /**
   * Revokes a token: every request with it is refused from the commit on, and the live sessions it
   * opened are closed on every instance. Revoking a revoked token changes nothing.
   */
  public ApiTokenView revoke(long id, String by) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null) {
      throw Refusal.notFound("no API token " + id);
    }
    Instant now = Instant.now();
    if (token.revoke(by, now)) {
      revoked.fire(new ApiTokenRevoked(id, token.getName(), "revoked by " + by));
      LOG.info(() -> "API token '" + token.getName() + "' revoked by " + by);
    }
    return token.view(now);
  }

  /** Checks a presented secret and records its use. */
  public Check authenticate(String secret, String address) {
    Instant now = Instant.now();
    if (!TokenSecrets.wellFormed(secret)) {
      return new Check(Outcome.UNKNOWN, null, null);
    }
    Optional<ApiToken> found =
        em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
            .setParameter("hash", TokenSecrets.hash(secret))
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return new Check(Outcome.UNKNOWN, null, null);
    }
    ApiToken token = found.get();
    if (token.getRevokedAt() != null) {
      return new Check(Outcome.REVOKED, null, token.getRevokedAt());
    }
    if (!token.usable(now)) {
      return new Check(Outcome.EXPIRED, null, token.getExpiresAt());
    }
    em.createNamedQuery(ApiToken.RECORD_USE)
        .setParameter("now", now)
        .setParameter("address", address == null ? "" : address)
        .setParameter("before", now.minus(USE_RECORDED_EVERY))
        .setParameter("id", token.getId())
        .executeUpdate();
    return new Check(Outcome.VALID, token.caller(), null);
  }
}
