package org.avgym.devices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.avgym.locations.entity.Location;

/** A scanner at a location. Its token is shown once; only the SHA-256 of it is stored. */
@Entity
@Table(name = "device")
@NamedQuery(
    name = Device.BY_TOKEN_HASH,
    query = "select d from Device d join fetch d.location where d.tokenHash = :hash")
@NamedQuery(
    name = Device.ALL,
    query = "select d from Device d join fetch d.location order by d.code")
public class Device {

  public static final String BY_TOKEN_HASH = "Device.byTokenHash";
  public static final String ALL = "Device.all";

  public enum Kind {
    KIOSK,
    TURNSTILE,
    DESK
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String code;

  @Column(nullable = false, length = 128)
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "location_id")
  private Location location;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Kind kind;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Device() {}

  public Device(String code, String name, Location location, Kind kind, String tokenHash) {
    this.code = code;
    this.name = name;
    this.location = location;
    this.kind = kind;
    this.tokenHash = tokenHash;
    this.createdAt = Instant.now();
  }

  public void rotateToken(String newTokenHash) {
    this.tokenHash = newTokenHash;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public void seen(Instant at) {
    this.lastSeenAt = at;
  }

  public void rename(String name, Location location, Kind kind) {
    this.name = name;
    this.location = location;
    this.kind = kind;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Location getLocation() {
    return location;
  }

  public Kind getKind() {
    return kind;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
