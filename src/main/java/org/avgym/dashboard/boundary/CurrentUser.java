package org.avgym.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import org.avgym.security.entity.Role;

/** The logged-in staff member as the header shows them, and logout. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject SecurityContext security;
  @Inject ExternalContext external;

  public String getName() {
    Principal principal = security.getCallerPrincipal();
    return principal == null ? "" : principal.getName();
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Role.ADMIN_NAME);
  }

  public String getRole() {
    return isAdmin() ? "Administrator" : "Staff";
  }

  public void logout() throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
  }
}
