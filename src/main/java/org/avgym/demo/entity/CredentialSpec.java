package org.avgym.demo.entity;

import org.avgym.members.entity.CredentialStatus;

/**
 * A demo credential. {@code replacedBy} is the value of the credential that replaced it, when the
 * status is REPLACED.
 */
public record CredentialSpec(
    String value, String kind, CredentialStatus status, String replacedBy) {

  public boolean usable() {
    return status == CredentialStatus.ACTIVE;
  }
}
