package org.avgym.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.avgym.security.boundary.StaffAuthentication;

/** The login form. A refusal never says whether the user name exists. */
@Named
@RequestScoped
public class LoginBean {

  static final String REFUSED = "Unknown user name or wrong password.";

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  @NotBlank(message = "Enter your user name")
  @Size(max = 64)
  private String username;

  @NotBlank(message = "Enter your password")
  @Size(max = 256)
  private String password;

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username.trim(), password)));
    switch (status) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + "/index.xhtml");
      case SEND_CONTINUE -> faces.responseComplete();
      default -> {
        password = null;
        // Throttled or busy: the mechanism says why; otherwise never whether the name exists.
        Object why = external.getRequestMap().get(StaffAuthentication.REFUSAL);
        String message = why instanceof String text ? text : REFUSED;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
      }
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
