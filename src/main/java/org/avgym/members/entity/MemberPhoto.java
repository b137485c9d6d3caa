package org.avgym.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A member's photo as AV Gym stores it: already checked and re-encoded (see {@code PhotoRules}), in
 * its own row so that reading a member never reads the image.
 */
@Entity
@Table(name = "member_photo")
public class MemberPhoto {

  @Id
  @Column(name = "member_id")
  private Long memberId;

  @Column(name = "content_type", nullable = false, length = 32)
  private String contentType;

  @Column(nullable = false)
  private byte[] bytes;

  @Column(name = "byte_count", nullable = false)
  private int byteCount;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected MemberPhoto() {}

  public MemberPhoto(long memberId, StoredPhoto photo) {
    this.memberId = memberId;
    replace(photo);
  }

  public final void replace(StoredPhoto photo) {
    this.contentType = photo.contentType();
    this.bytes = photo.bytes().clone();
    this.byteCount = photo.bytes().length;
    this.updatedAt = Instant.now();
  }

  public StoredPhoto photo() {
    return new StoredPhoto(contentType, bytes.clone());
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
