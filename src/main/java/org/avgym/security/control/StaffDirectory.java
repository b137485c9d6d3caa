package org.avgym.security.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.avgym.security.entity.Role;
import org.avgym.security.entity.StaffUser;

/** Staff users in the database: look-up for logins, creation with rules on names and passwords. */
@Stateless
public class StaffDirectory {

  public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
  public static final int MIN_PASSWORD_LENGTH = 10;

  @PersistenceContext EntityManager em;

  @Inject Passwords passwords;

  @Inject CredentialCache cache;

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

  public void recordLogin(String username) {
    find(username).ifPresent(u -> u.recordLogin(Instant.now()));
  }

  public StaffUser update(long id, Role role, Boolean enabled, String newPassword) {
    StaffUser user = find(id).orElseThrow(() -> new UnknownStaffUserException(id));
    if (role != null) {
      user.changeRole(role);
    }
    if (enabled != null) {
      user.setEnabled(enabled);
    }
    if (newPassword != null) {
      user.changePassword(passwords.hash(newPassword));
    }
    cache.evict(user.getUsername());
    return user;
  }

  public static class DuplicateUsernameException extends RuntimeException {
    public DuplicateUsernameException(String username) {
      super("a staff user named '" + username + "' already exists");
    }
  }

  public static class UnknownStaffUserException extends RuntimeException {
    public UnknownStaffUserException(long id) {
      super("no staff user with id " + id);
    }
  }
}
