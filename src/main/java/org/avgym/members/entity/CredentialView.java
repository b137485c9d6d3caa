package org.avgym.members.entity;

import java.time.Instant;
import org.avgym.platform.control.Fields;

/** A credential as the API shows it; kind and status in lower case. */
public record CredentialView(
    long id, long memberId, String kind, String value, String status, Instant issuedAt) {

  public static CredentialView of(Credential credential) {
    return new CredentialView(
        credential.getId(),
        credential.getMember().getId(),
        Fields.wire(credential.getKind()),
        credential.getValue(),
        Fields.wire(credential.getStatus()),
        credential.getIssuedAt());
  }
}
