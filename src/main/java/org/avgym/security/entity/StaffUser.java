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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

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

  @Column(name = "password_change_required", nullable = false)
  private boolean passwordChangeRequired;

  @Version private long version;

  protected StaffUser() {}

  public StaffUser(String username, String displayName, String passwordHash, Role role) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = Instant.now();
  }

  /**
   * A fingerprint of what this user's access rests on: role, enabled and password. A session keeps
   * the stamp of its login and ends when it no longer matches; last login and display name do not
   * change it, so logging in elsewhere ends nothing.
   */
  public String accessStamp() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((role + "|" + enabled + "|" + passwordHash).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public void recordLogin(Instant at) {
    this.lastLoginAt = at;
  }

  /** A new password set by an administrator. */
  public void changePassword(String newHash) {
    this.passwordHash = newHash;
  }

  /** The user chose their own password: nothing more is required of them. */
  public void choosePassword(String newHash) {
    this.passwordHash = newHash;
    this.passwordChangeRequired = false;
  }

  /** The password was generated: the user must choose their own at their first login. */
  public void requirePasswordChange() {
    this.passwordChangeRequired = true;
  }

  public boolean isPasswordChangeRequired() {
    return passwordChangeRequired;
  }

  /** The groups the container sees: only the password change while one is required. */
  public Set<String> groups() {
    return passwordChangeRequired ? Set.of(Role.PASSWORD_CHANGE_NAME) : role.groups();
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
