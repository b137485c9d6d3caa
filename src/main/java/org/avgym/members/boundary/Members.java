package org.avgym.members.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import org.avgym.members.entity.Credential;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.MemberInput;
import org.avgym.members.entity.Membership;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;
import org.avgym.platform.entity.Page;

/** Members: registration, changes, look-up and search. */
@Stateless
public class Members {

  private static final String SEARCH =
      " from Member m where lower(m.name) like :pattern escape '!'"
          + " or m.email like :pattern escape '!'"
          + " or m.id in (select c.member.id from Credential c where c.value = :value)";

  @PersistenceContext EntityManager em;

  public Member require(long id) {
    Member member = em.find(Member.class, id);
    if (member == null) {
      throw Refusal.notFound("no member " + id);
    }
    return member;
  }

  public Member create(MemberInput input) {
    Member member = new Member(input.name().trim(), input.email(), input.phone(), input.photoUrl());
    requireFreeEmail(member.getEmail(), null);
    em.persist(member);
    return flushed(member);
  }

  public Member update(long id, MemberInput input) {
    Member member = require(id);
    Member.Status status =
        Fields.choice("status", input.status(), Member.Status.class, member.getStatus());
    member.update(input.name().trim(), input.email(), input.phone(), input.photoUrl(), status);
    requireFreeEmail(member.getEmail(), id);
    return flushed(member);
  }

  public List<Membership> memberships(long memberId) {
    return em.createQuery(
            "select m from Membership m join fetch m.plan join fetch m.member"
                + " where m.member.id = :member order by m.startsAt desc, m.id desc",
            Membership.class)
        .setParameter("member", memberId)
        .getResultList();
  }

  public List<Credential> credentials(long memberId) {
    return em.createQuery(
            "select c from Credential c join fetch c.member where c.member.id = :member"
                + " order by c.issuedAt desc, c.id desc",
            Credential.class)
        .setParameter("member", memberId)
        .getResultList();
  }

  /**
   * Members whose name or email contains {@code text} (ignoring case), or who hold a credential of
   * exactly that value; everyone when the text is blank. Sorted by name.
   */
  public Page<Member> search(String text, Fields.Paging paging) {
    boolean all = text == null || text.isBlank();
    String where = all ? " from Member m" : SEARCH;
    TypedQuery<Member> items =
        em.createQuery("select m" + where + " order by lower(m.name), m.id", Member.class);
    TypedQuery<Long> count = em.createQuery("select count(m)" + where, Long.class);
    if (!all) {
      String pattern = "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%";
      for (TypedQuery<?> query : List.of(items, count)) {
        query.setParameter("pattern", pattern).setParameter("value", text.trim());
      }
    }
    List<Member> found =
        items.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList();
    return new Page<>(found, paging.page(), paging.size(), count.getSingleResult());
  }

  private void requireFreeEmail(String email, Long except) {
    if (email == null) {
      return;
    }
    boolean taken =
        em.createQuery("select m.id from Member m where m.email = :email", Long.class)
            .setParameter("email", email)
            .getResultStream()
            .anyMatch(found -> !found.equals(except));
    if (taken) {
      throw Refusal.conflict("another member has the email " + email);
    }
  }

  private Member flushed(Member member) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Another request took the email between the check and the write.
      throw Refusal.conflict("another member has the email " + member.getEmail());
    }
    return member;
  }

  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
