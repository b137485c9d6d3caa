package org.avgym.members.entity;

import java.time.Instant;
import org.avgym.platform.control.Fields;

/** A member as lists and search results show them. */
public record MemberView(
    long id,
    String name,
    String email,
    String phone,
    String photoUrl,
    String status,
    Instant createdAt,
    long version) {

  public static MemberView of(Member member) {
    return new MemberView(
        member.getId(),
        member.getName(),
        member.getEmail(),
        member.getPhone(),
        member.getPhotoUrl(),
        Fields.wire(member.getStatus()),
        member.getCreatedAt(),
        member.getVersion());
  }
}
