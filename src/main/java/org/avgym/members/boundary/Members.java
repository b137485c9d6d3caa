package org.avgym.members.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.avgym.members.control.LikelyDuplicates;
import org.avgym.members.control.NameSimilarity;
import org.avgym.members.entity.Credential;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.MemberInput;
import org.avgym.members.entity.MemberRegistered;
import org.avgym.members.entity.MemberView;
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

  /** How many possible duplicates a sign-up looks at; plenty for one name at one club. */
  static final int DUPLICATE_CANDIDATES = 200;

  @PersistenceContext EntityManager em;
  @Inject Event<MemberRegistered> registered;
  @Resource SessionContext caller;

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
    flushed(member);
    registered.fire(
        new MemberRegistered(
            member.getId(), member.getName(), caller.getCallerPrincipal().getName()));
    return member;
  }

  /**
   * Changes a member's details. When the input carries the version the editor started from and
   * someone saved in between, nothing changes: {@link StaleEdit} carries what is stored now.
   */
  public Member update(long id, MemberInput input) {
    Member member = require(id);
    if (input.version() != null && input.version() != member.getVersion()) {
      throw new StaleEdit(MemberView.of(member));
    }
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

  /**
   * Members a sign-up of {@code name}, {@code email} and {@code phone} probably repeats (see {@link
   * LikelyDuplicates}): anyone with the same e-mail or phone, and anyone with a similar name who
   * belongs to the club {@code location} (a membership valid there, or none yet); with no location,
   * anyone with a similar name. At most {@link #DUPLICATE_CANDIDATES} are looked at.
   */
  public List<LikelyDuplicates.Match> likelyDuplicates(
      String name, String email, String phone, String location, Long except) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    List<String> any = new ArrayList<>();
    String mail = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    if (mail != null) {
      any.add("m.email = :email");
      parameters.put("email", mail);
    }
    String phonePattern = LikelyDuplicates.phonePattern(phone);
    if (phonePattern != null) {
      any.add("m.phone like :phone");
      parameters.put("phone", phonePattern);
    }
    List<String> nameParts = new ArrayList<>();
    for (String word : NameSimilarity.words(name)) {
      if (word.length() >= 3 && nameParts.size() < 4) {
        String key = "word" + nameParts.size();
        nameParts.add("lower(m.name) like :" + key + " escape '!'");
        parameters.put(key, "%" + escapeLike(word.substring(0, 3)) + "%");
      }
    }
    if (!nameParts.isEmpty()) {
      String similar = "(" + String.join(" or ", nameParts) + ")";
      if (location != null) {
        similar +=
            " and (not exists (select s.id from Membership s where s.member = m)"
                + " or exists (select s.id from Membership s join s.plan p where s.member = m"
                + " and (p.allowedLocations is empty or :location member of p.allowedLocations)))";
        parameters.put("location", location);
      }
      any.add("(" + similar + ")");
    }
    if (any.isEmpty()) {
      return List.of();
    }
    TypedQuery<Member> query =
        em.createQuery(
            "select m from Member m where " + String.join(" or ", any) + " order by m.id",
            Member.class);
    parameters.forEach(query::setParameter);
    List<Member> candidates = query.setMaxResults(DUPLICATE_CANDIDATES).getResultList();
    return LikelyDuplicates.among(candidates, name, email, phone, except);
  }

  /** An edit made from an older version of the member: {@code current} is what is stored now. */
  @ApplicationException(rollback = true)
  public static class StaleEdit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final MemberView current;

    public StaleEdit(MemberView current) {
      super("someone else changed this member since you opened it", null, false, false);
      this.current = current;
    }

    public MemberView current() {
      return current;
    }
  }

  private Member flushed(Member member) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleEdit(MemberView.of(em.find(Member.class, member.getId())));
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
