package org.avgym.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.avgym.security.control.CredentialCache;
import org.avgym.security.control.Passwords;
import org.avgym.security.control.StaffDirectory;
import org.avgym.security.entity.StaffUser;

/**
 * Validates staff user names and passwords against the database. An unknown user costs the same
 * hash work as a wrong password, so timing does not reveal which names exist.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

  @Inject StaffDirectory directory;
  @Inject Passwords passwords;
  @Inject CredentialCache cache;

  private volatile String decoyHash;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String username = login.getCaller();
    String password = login.getPasswordAsString();
    if (username == null || password == null || username.isBlank()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Instant now = Instant.now();
    Optional<Set<String>> cached = cache.groupsIfVerified(username, password, now);
    if (cached.isPresent()) {
      return new CredentialValidationResult(canonicalName(username), cached.get());
    }
    Optional<StaffUser> user = directory.find(username);
    if (user.isEmpty()) {
      passwords.verify(password, decoy());
      return CredentialValidationResult.INVALID_RESULT;
    }
    StaffUser staff = user.get();
    if (!passwords.verify(password, staff.getPasswordHash()) || !staff.isEnabled()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<String> groups = staff.groups();
    cache.remember(staff.getUsername(), password, groups, now);
    return new CredentialValidationResult(staff.getUsername(), groups);
  }

  private String canonicalName(String username) {
    return directory.find(username).map(StaffUser::getUsername).orElse(username);
  }

  private String decoy() {
    if (decoyHash == null) {
      decoyHash = passwords.hash(Passwords.generate(16));
    }
    return decoyHash;
  }
}
