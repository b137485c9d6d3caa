package org.avgym.demo.entity;

import java.util.List;

/**
 * A demo member with the shape of their membership, in days relative to the moment of seeding so
 * that the states are right whenever the demo is first started.
 *
 * @param home the location code where this member usually trains
 * @param plan the plan name, null for {@link Scenario#NONE}
 * @param startDay the membership start relative to seeding, in days (negative is in the past)
 * @param freezeFromDay for FROZEN, the start of the freeze relative to seeding
 * @param freezeUntilDay for FROZEN, the end of the freeze relative to seeding
 * @param cancelledDay for CANCELLED, when it was cancelled relative to seeding
 */
public record MemberSpec(
    int number,
    String name,
    String email,
    String phone,
    String home,
    Scenario scenario,
    String plan,
    int startDay,
    int freezeFromDay,
    int freezeUntilDay,
    int cancelledDay,
    List<CredentialSpec> credentials) {

  public MemberSpec {
    credentials = List.copyOf(credentials);
  }

  /** The credential this member normally scans, if any is usable. */
  public CredentialSpec usableCredential() {
    return credentials.stream().filter(CredentialSpec::usable).findFirst().orElse(null);
  }

  /** A credential that is no longer valid (lost, replaced or blocked), if the member has one. */
  public CredentialSpec unusableCredential() {
    return credentials.stream().filter(c -> !c.usable()).findFirst().orElse(null);
  }
}
