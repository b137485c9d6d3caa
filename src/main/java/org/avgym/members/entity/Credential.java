package org.avgym.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Something a member scans: a card, a QR code or an NFC tag, identified by its value. */
@Entity
@Table(name = "credential")
@NamedQuery(
    name = Credential.BY_VALUE,
    query = "select c from Credential c join fetch c.member where c.value = :value")
public class Credential {

  public static final String BY_VALUE = "Credential.byValue";

  public enum Kind {
    CARD,
    QR,
    NFC
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "member_id")
  private Member member;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Kind kind;

  @Column(name = "credential_value", nullable = false, unique = true, length = 128)
  private String value;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CredentialStatus status = CredentialStatus.ACTIVE;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Version private long version;

  protected Credential() {}

  public Credential(Member member, Kind kind, String value) {
    this.member = member;
    this.kind = kind;
    this.value = value;
    this.issuedAt = Instant.now();
  }

  /** Blocks (or marks lost) an active credential; a replaced one stays replaced. */
  public void block(CredentialStatus why) {
    if (why == CredentialStatus.ACTIVE) {
      throw new IllegalArgumentException("use unblock to reactivate a credential");
    }
    if (status == CredentialStatus.REPLACED) {
      throw new Membership.MembershipStateException("the credential was already replaced");
    }
    status = why;
  }

  public void unblock() {
    if (status == CredentialStatus.REPLACED) {
      throw new Membership.MembershipStateException("a replaced credential cannot be reactivated");
    }
    status = CredentialStatus.ACTIVE;
  }

  /** Marks this credential replaced and returns its successor for the same member. */
  public Credential replaceWith(Kind newKind, String newValue) {
    if (status == CredentialStatus.REPLACED) {
      throw new Membership.MembershipStateException("the credential was already replaced");
    }
    status = CredentialStatus.REPLACED;
    return new Credential(member, newKind, newValue);
  }

  public Long getId() {
    return id;
  }

  public Member getMember() {
    return member;
  }

  public Kind getKind() {
    return kind;
  }

  public String getValue() {
    return value;
  }

  public CredentialStatus getStatus() {
    return status;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }
}
