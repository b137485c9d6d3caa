package org.avgym.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "member")
public class Member {

  public enum Status {
    ACTIVE,
    INACTIVE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 128)
  private String name;

  @Column(length = 254, unique = true)
  private String email;

  @Column(length = 32)
  private String phone;

  @Column(name = "photo_url", length = 512)
  private String photoUrl;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status = Status.ACTIVE;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Member() {}

  public Member(String name, String email, String phone, String photoUrl) {
    this.createdAt = Instant.now();
    update(name, email, phone, photoUrl, Status.ACTIVE);
  }

  public void update(String name, String email, String phone, String photoUrl, Status status) {
    this.name = name;
    this.email = email == null || email.isBlank() ? null : email.trim().toLowerCase();
    this.phone = phone;
    this.photoUrl = photoUrl;
    this.status = status;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getPhotoUrl() {
    return photoUrl;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The optimistic-lock version: an edit made from an older one is a conflict. */
  public long getVersion() {
    return version;
  }
}
