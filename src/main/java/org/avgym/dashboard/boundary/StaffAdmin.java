package org.avgym.dashboard.boundary;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.avgym.security.control.StaffDirectory;
import org.avgym.security.entity.Role;
import org.avgym.security.entity.StaffUserView;

/**
 * Administrators create staff users, change their role and disable or enable them. Nobody demotes
 * or disables themselves here: the last administrator cannot lock everyone out by accident.
 */
@Named
@ViewScoped
public class StaffAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String FORM = "staff-form:";
  private static final Map<String, String> FIELDS =
      Map.of(
          "username", FORM + "username",
          "displayName", FORM + "displayName",
          "password", FORM + "password",
          "role", FORM + "role");

  @Inject StaffDirectory directory;
  @Inject CurrentUser user;

  private List<StaffUserView> list;
  private String username;
  private String displayName;
  private String password;
  private Role role = Role.STAFF;

  public List<StaffUserView> getList() {
    if (list == null) {
      list = directory.all().stream().map(StaffUserView::of).toList();
    }
    return list;
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public boolean isSelf(StaffUserView staff) {
    return staff.username().equalsIgnoreCase(user.getName());
  }

  public void create() {
    boolean ok = true;
    if (username == null || !StaffDirectory.USERNAME.matcher(username).matches()) {
      Feedback.error(
          "Staff user not created", "username", "3 to 64 letters, digits or ._@-", FIELDS);
      ok = false;
    }
    if (displayName == null || displayName.isBlank()) {
      Feedback.error("Staff user not created", "displayName", "enter a display name", FIELDS);
      ok = false;
    }
    if (password == null || password.length() < StaffDirectory.MIN_PASSWORD_LENGTH) {
      Feedback.error(
          "Staff user not created",
          "password",
          "at least " + StaffDirectory.MIN_PASSWORD_LENGTH + " characters",
          FIELDS);
      ok = false;
    }
    if (!ok) {
      return;
    }
    try {
      directory.create(username, displayName.trim(), password, role);
      Feedback.done("Staff user created", username + " (" + role + ")");
      username = null;
      displayName = null;
      list = null;
    } catch (StaffDirectory.DuplicateUsernameException duplicate) {
      Feedback.error("Staff user not created", "username", duplicate.getMessage(), FIELDS);
    } catch (EJBException e) {
      if (e.getCause() instanceof StaffDirectory.DuplicateUsernameException duplicate) {
        Feedback.error("Staff user not created", "username", duplicate.getMessage(), FIELDS);
      } else {
        throw e;
      }
    } finally {
      password = null;
    }
  }

  public void changeRole(StaffUserView staff, Role newRole) {
    if (isSelf(staff) && newRole != Role.ADMIN) {
      Feedback.error("Role not changed", null, "you cannot demote yourself", Map.of());
      return;
    }
    directory.update(staff.id(), newRole, null, null);
    Feedback.done("Role changed", staff.username() + " is now " + newRole);
    list = null;
  }

  public void setEnabled(StaffUserView staff, boolean enabled) {
    if (isSelf(staff) && !enabled) {
      Feedback.error("User not disabled", null, "you cannot disable yourself", Map.of());
      return;
    }
    directory.update(staff.id(), null, enabled, null);
    Feedback.done(enabled ? "User enabled" : "User disabled", staff.username());
    list = null;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }
}
