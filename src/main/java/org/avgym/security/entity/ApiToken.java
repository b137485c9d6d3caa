package org.avgym.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An API token an administrator issued for an integration (PROTOCOL.md §4). Only a SHA-256 of the
 * secret is kept; the secret itself is shown once, when the token is issued.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "select t from ApiToken t where t.secretHash = :hash")
@NamedQuery(name = ApiToken.ALL, query = "select t from ApiToken t order by t.createdAt desc")
@NamedQuery(
    name = ApiToken.LIVE_BY_NAME,
    query = "select t from ApiToken t where lower(t.name) = lower(:name) and t.revokedAt is null")
@NamedQuery(
    name = ApiToken.RECORD_USE,
    query =
        "update ApiToken t set t.lastUsedAt = :now, t.lastUsedAddress = :address"
            + " where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before"
            + " or t.lastUsedAddress is null or t.lastUsedAddress <> :address)")
public class ApiToken {

  public static final String BY_HASH = "ApiToken.byHash";
  public static final String ALL = "ApiToken.all";
  public static final String LIVE_BY_NAME = "ApiToken.liveByName";
  public static final String RECORD_USE = "ApiToken.recordUse";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
  private String secretHash;

  @Column(nullable = false, length = 16)
  private String prefix;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(length = 512)
  private String resources;

  @Column(length = 128)
  private String topics;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by", length = 64)
  private String revokedBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "last_used_address", length = 64)
  private String lastUsedAddress;

  protected ApiToken() {}

  public ApiToken(
      String name,
      String secretHash,
      String prefix,
      Role role,
      Set<String> resources,
      Set<String> topics,
      Instant expiresAt,
      String createdBy,
      Instant now) {
    this.name = name;
    this.secretHash = secretHash;
    this.prefix = prefix;
    this.role = role;
    this.resources = joined(resources);
    this.topics = joined(topics);
    this.expiresAt = expiresAt;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /** Whether a request at {@code now} may use it. */
  public boolean usable(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public boolean revoke(String by, Instant now) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = now;
    revokedBy = by;
    return true;
  }

  public TokenCaller caller() {
    return new TokenCaller(id, name, role, split(resources), split(topics), expiresAt);
  }

  public ApiTokenView view(Instant now) {
    String state = revokedAt != null ? "revoked" : now.isBefore(expiresAt) ? "active" : "expired";
    return new ApiTokenView(
        id,
        name,
        prefix,
        role,
        split(resources),
        split(topics),
        state,
        createdAt,
        createdBy,
        expiresAt,
        revokedAt,
        revokedBy,
        lastUsedAt,
        lastUsedAddress);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  /** Empty means all: stored as NULL. */
  private static String joined(Set<String> scopes) {
    return scopes == null || scopes.isEmpty() ? null : String.join(" ", scopes);
  }

  private static Set<String> split(String scopes) {
    return scopes == null || scopes.isBlank()
        ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(scopes.trim().split(" +")));
  }
}
