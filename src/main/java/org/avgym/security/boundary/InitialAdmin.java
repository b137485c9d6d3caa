package org.avgym.security.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.avgym.security.control.Passwords;
import org.avgym.security.control.StaffDirectory;
import org.avgym.security.entity.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator when none exists, from {@code avgym.admin.username} and {@code
 * avgym.admin.password}. Without a configured password it generates one and prints it once in the
 * log: it is never stored in clear.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class InitialAdmin {

  private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());

  @Inject StaffDirectory directory;

  @Inject
  @ConfigProperty(name = "avgym.admin.username", defaultValue = "admin")
  String username;

  @Inject
  @ConfigProperty(name = "avgym.admin.password")
  Optional<String> password;

  @PostConstruct
  void ensureAdministrator() {
    if (directory.enabledAdministrators() > 0 || directory.find(username).isPresent()) {
      return;
    }
    boolean generated = password.filter(p -> !p.isBlank()).isEmpty();
    String secret = generated ? Passwords.generate(20) : password.get();
    if (generated) {
      directory.createWithGeneratedPassword(username, "Administrator", secret, Role.ADMIN);
    } else {
      directory.create(username, "Administrator", secret, Role.ADMIN);
    }
    if (generated) {
      LOG.warning(
          "\n==========================================================\n"
              + "  AV Gym created the administrator '"
              + username
              + "'\n  with the generated password: "
              + secret
              + "\n  It is shown only this once and must be changed at the first sign-in."
              + "\n  Set avgym.admin.password to choose your own.\n"
              + "==========================================================");
    } else {
      LOG.info(() -> "AV Gym created the administrator '" + username + "' from configuration");
    }
  }
}
