package org.avgym.security.control;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.avgym.security.entity.Role;
import org.avgym.security.entity.StaffAccessChanged;
import org.avgym.security.entity.StaffUser;

/** Staff users in the database: look-up for logins, creation with rules on names and passwords. */
@Stateless
public class StaffDirectory {

  public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
  public static final int MIN_PASSWORD_LENGTH = 10;

  @PersistenceContext EntityManager em;

  @Inject Passwords passwords;

  @Inject Event<StaffAccessChanged> accessChanged;

  public Optional<StaffUser> find(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public Optional<StaffUser> find(long id) {
    return Optional.ofNullable(em.find(StaffUser.class, id));
  }

  public List<StaffUser> all() {
    return em.createNamedQuery(StaffUser.ALL, StaffUser.class).getResultList();
  }

  public long enabledAdministrators() {
    return em.createNamedQuery(StaffUser.COUNT_ENABLED_ADMINS, Long.class)
        .setParameter("role", Role.ADMIN)
        .getSingleResult();
  }

  /**
   * Creates a user; the caller has validated the input shape. Throws {@link
   * DuplicateUsernameException} when the name is taken (case-insensitively).
   */
  public StaffUser create(String username, String displayName, String password, Role role) {
    if (find(username).isPresent()) {
      throw new DuplicateUsernameException(username);
    }
    StaffUser user = new StaffUser(username, displayName, passwords.hash(password), role);
    em.persist(user);
    return user;
  }

  /** The first administrator with a generated password, which they must change at first login. */
  public StaffUser createWithGeneratedPassword(
      String username, String displayName, String password, Role role) {
    StaffUser user = create(username, displayName, password, role);
    user.requirePasswordChange();
    return user;
  }

  /**
   * A user chooses a new password, proving the current one. Ends whatever they opened with the old
   * one ({@link StaffAccessChanged}), their own session included.
   *
   * @throws PasswordRefused naming what is wrong
   */
  public void choosePassword(String username, String current, String chosen) {
    StaffUser user = find(username).filter(StaffUser::isEnabled).orElseThrow(() -> wrongCurrent());
    if (current == null || !passwords.verify(current, user.getPasswordHash())) {
      throw wrongCurrent();
    }
    if (chosen == null || chosen.length() < MIN_PASSWORD_LENGTH || chosen.length() > 256) {
      throw new PasswordRefused(
          "password", "the new password must be " + MIN_PASSWORD_LENGTH + " to 256 characters");
    }
    if (chosen.equals(current)) {
      throw new PasswordRefused("password", "the new password must differ from the current one");
    }
    user.choosePassword(passwords.hash(chosen));
    accessChanged.fire(new StaffAccessChanged(user.getUsername(), "password changed"));
  }

  private static PasswordRefused wrongCurrent() {
    return new PasswordRefused("current", "the current password is wrong");
  }

  public void recordLogin(String username) {
    find(username).ifPresent(u -> u.recordLogin(Instant.now()));
  }

  /**
   * Changes a user's role, whether they may log in, or their password. Any of these ends what they
   * opened with their old access: {@link StaffAccessChanged} is fired for after the commit.
   */
  public StaffUser update(long id, Role role, Boolean enabled, String newPassword) {
    StaffUser user = find(id).orElseThrow(() -> new UnknownStaffUserException(id));
    List<String> changes = new ArrayList<>();
    if (role != null && role != user.getRole()) {
      user.changeRole(role);
      changes.add("role changed to " + role);
    }
    if (enabled != null && enabled != user.isEnabled()) {
      user.setEnabled(enabled);
      changes.add(enabled ? "enabled" : "disabled");
    }
    if (newPassword != null) {
      user.changePassword(passwords.hash(newPassword));
      changes.add("password changed");
    }
    if (!changes.isEmpty()) {
      accessChanged.fire(new StaffAccessChanged(user.getUsername(), String.join(", ", changes)));
    }
    return user;
  }

  public static class DuplicateUsernameException extends RuntimeException {
    public DuplicateUsernameException(String username) {
      super("a staff user named '" + username + "' already exists");
    }
  }

  /** A password change refused: {@code field} is {@code current} or {@code password}. */
  @ApplicationException(rollback = true)
  public static class PasswordRefused extends RuntimeException {
    private final String field;

    public PasswordRefused(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public static class UnknownStaffUserException extends RuntimeException {
    public UnknownStaffUserException(long id) {
      super("no staff user with id " + id);
    }
  }
}
