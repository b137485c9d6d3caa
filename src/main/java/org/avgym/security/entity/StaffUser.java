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
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "staff_user")
@NamedQuery(
    name = StaffUser.BY_USERNAME,
    query = "select u from StaffUser u where lower(u.username) = lower(:username)")
@NamedQuery(name = StaffUser.ALL, query = "select u from StaffUser u order by u.username")
@NamedQuery(
    name = StaffUser.COUNT_ENABLED_ADMINS,
    query = "select count(u) from StaffUser u where u.role = :role and u.enabled = true")
public class StaffUser {

  public static final String BY_USERNAME = "StaffUser.byUsername";
  public static final String ALL = "StaffUser.all";
  public static final String COUNT_ENABLED_ADMINS = "StaffUser.countEnabledAdmins";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = 128)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Version private long version;

  protected StaffUser() {}

  public StaffUser(String username, String displayName, String passwordHash, Role role) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = Instant.now();
  }

  public void recordLogin(Instant at) {
    this.lastLoginAt = at;
  }

  public void changePassword(String newHash) {
    this.passwordHash = newHash;
  }

  public void changeRole(Role newRole) {
    this.role = newRole;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }
}
