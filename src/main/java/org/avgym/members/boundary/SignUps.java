package org.avgym.members.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.avgym.members.entity.CredentialInput;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.MemberInput;
import org.avgym.members.entity.MembershipChange;

/**
 * A new member signed up at the desk in one step: details, photo, a first membership and a
 * credential, in one transaction. Any refusal (an e-mail or a card value already used, a start
 * before the plan allows, a photo that is not an image) leaves nothing behind.
 */
@Stateless
public class SignUps {

  @Inject Members members;
  @Inject MemberPhotos photos;
  @Inject Memberships memberships;
  @Inject Credentials credentials;

  /** The new member; {@code photo} may be null, the plan and credential may not. */
  public Member signUp(
      MemberInput details, byte[] photo, MembershipChange sale, CredentialInput credential) {
    Member member = members.create(details);
    if (photo != null) {
      photos.store(member.getId(), photo);
    }
    memberships.apply(MembershipChange.sale(member.getId(), sale.planId(), sale.startsAt()));
    credentials.issue(member.getId(), credential);
    return member;
  }
}
