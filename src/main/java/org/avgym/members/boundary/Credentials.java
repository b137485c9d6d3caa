package org.avgym.members.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import org.avgym.members.control.CredentialValues;
import org.avgym.members.entity.Credential;
import org.avgym.members.entity.CredentialInput;
import org.avgym.members.entity.CredentialStatus;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.Membership;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;

/** Issues credentials, blocks and unblocks them, and replaces lost or worn ones. */
@Stateless
public class Credentials {

  @PersistenceContext EntityManager em;
  @Inject Members members;

  public Credential require(long id) {
    Credential credential = em.find(Credential.class, id);
    if (credential == null) {
      throw Refusal.notFound("no credential " + id);
    }
    return credential;
  }

  public Credential issue(long memberId, CredentialInput input) {
    Member member = members.require(memberId);
    Credential.Kind kind = kind(input);
    return stored(new Credential(member, kind, value(kind, input)));
  }

  public Credential block(long id, CredentialStatus why) {
    return change(
        id,
        c -> {
          c.block(why);
          return c;
        });
  }

  public Credential unblock(long id) {
    return change(
        id,
        c -> {
          c.unblock();
          return c;
        });
  }

  /** Marks the credential replaced and returns its successor. */
  public Credential replace(long id, CredentialInput input) {
    Credential.Kind kind = kind(input);
    String value = value(kind, input);
    return stored(change(id, c -> c.replaceWith(kind, value)));
  }

  private Credential change(long id, Function<Credential, Credential> change) {
    Credential credential = require(id);
    try {
      return change.apply(credential);
    } catch (Membership.MembershipStateException e) {
      throw Refusal.conflict(e.getMessage());
    }
  }

  private Credential stored(Credential credential) {
    if (valueTaken(credential.getValue())) {
      throw Refusal.conflict("a credential with value " + credential.getValue() + " exists");
    }
    em.persist(credential);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Another request issued the same value between the check and the insert.
      throw Refusal.conflict("a credential with value " + credential.getValue() + " exists");
    }
    return credential;
  }

  private boolean valueTaken(String value) {
    return !em.createQuery("select c.id from Credential c where c.value = :value", Long.class)
        .setParameter("value", value)
        .getResultList()
        .isEmpty();
  }

  private static Credential.Kind kind(CredentialInput input) {
    return Fields.choice("kind", input.kind(), Credential.Kind.class, Credential.Kind.CARD);
  }

  private static String value(Credential.Kind kind, CredentialInput input) {
    return input.value() == null ? CredentialValues.generate(kind) : input.value();
  }
}
