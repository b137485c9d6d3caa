package org.avgym.checkin.entity;

import java.util.Objects;
import org.avgym.members.entity.CredentialStatus;

/** The member behind a scanned credential, and whether that credential may still be used. */
public record CredentialFacts(long memberId, String memberName, CredentialStatus status) {

  public CredentialFacts {
    Objects.requireNonNull(memberName, "memberName");
    Objects.requireNonNull(status, "status");
  }

  public boolean usable() {
    return status == CredentialStatus.ACTIVE;
  }
}
