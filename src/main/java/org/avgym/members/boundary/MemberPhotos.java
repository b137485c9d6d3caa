package org.avgym.members.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.avgym.members.control.PhotoRules;
import org.avgym.members.entity.MemberPhoto;
import org.avgym.members.entity.StoredPhoto;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Members' photos, stored by AV Gym in the database after {@link PhotoRules} accepted them. */
@Stateless
public class MemberPhotos {

  @PersistenceContext EntityManager em;
  @Inject Members members;

  @Inject
  @ConfigProperty(name = "avgym.members.photo.max-bytes", defaultValue = "2097152")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "avgym.members.photo.stored-side", defaultValue = "480")
  int storedSide;

  private PhotoRules rules;

  @PostConstruct
  void configure() {
    rules = new PhotoRules(maxBytes, storedSide);
  }

  /** Checks a photo without storing it, as a sign-up does before the member exists. */
  public StoredPhoto check(byte[] bytes) {
    return rules.accept(bytes);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Stores (or replaces) the member's photo; a refused photo changes nothing. */
  public void store(long memberId, byte[] bytes) {
    StoredPhoto photo = rules.accept(bytes);
    members.require(memberId);
    MemberPhoto stored = em.find(MemberPhoto.class, memberId);
    if (stored == null) {
      em.persist(new MemberPhoto(memberId, photo));
    } else {
      stored.replace(photo);
    }
    em.flush();
  }

  public Optional<StoredPhoto> find(long memberId) {
    return Optional.ofNullable(em.find(MemberPhoto.class, memberId)).map(MemberPhoto::photo);
  }

  /** The version of the member's photo (for caching), empty when there is none. */
  public Optional<Long> version(long memberId) {
    return em.createQuery(
            "select p.version from MemberPhoto p where p.memberId = :member", Long.class)
        .setParameter("member", memberId)
        .getResultStream()
        .findFirst();
  }
}
