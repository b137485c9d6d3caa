package org.avgym.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.avgym.security.boundary.StaffAuthentication;
import org.avgym.security.control.LoginThrottle;
import org.avgym.security.control.Passwords;
import org.avgym.security.control.StaffDirectory;
import org.avgym.security.entity.Role;

/**
 * The password page: a user chooses a new password, proving the current one. Required before
 * anything else after a login with a generated password. The change ends every session of the user,
 * this one too: they sign in again with the new password. Wrong current passwords count as failed
 * logins.
 */
@Named
@RequestScoped
public class PasswordChange {

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject StaffDirectory directory;
  @Inject LoginThrottle throttle;
  @Inject StaffAuthentication authentication;

  private String current;
  private String chosen;
  private String repeated;

  public boolean isRequired() {
    return security.isCallerInRole(Role.PASSWORD_CHANGE_NAME);
  }

  public void change() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String user = security.getCallerPrincipal().getName();
    String address = authentication.clientAddress(request);
    Duration wait = throttle.refusal(user, address, "form");
    if (!wait.isZero()) {
      error(null, StaffAuthentication.tooMany(wait));
      return;
    }
    if (chosen == null || !chosen.equals(repeated)) {
      error("password:repeated", "The two new passwords differ.");
      return;
    }
    try {
      directory.choosePassword(user, current, chosen);
    } catch (StaffDirectory.PasswordRefused refused) {
      if ("current".equals(refused.field())) {
        throttle.failed(user, address);
      }
      error(
          "current".equals(refused.field()) ? "password:current" : "password:chosen",
          capitalized(refused.getMessage()) + ".");
      return;
    } catch (Passwords.Busy busy) {
      error(null, StaffAuthentication.BUSY);
      return;
    }
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    external.redirect(external.getRequestContextPath() + "/login.xhtml?passwordChanged=true");
  }

  private void error(String clientId, String message) {
    current = null;
    chosen = null;
    repeated = null;
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getChosen() {
    return chosen;
  }

  public void setChosen(String chosen) {
    this.chosen = chosen;
  }

  public String getRepeated() {
    return repeated;
  }

  public void setRepeated(String repeated) {
    this.repeated = repeated;
  }
}
