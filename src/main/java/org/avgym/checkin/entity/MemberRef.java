package org.avgym.checkin.entity;

/** Who a check-in was for, as the wire shows it: {@code {"id":42,"name":"Ana Novak"}}. */
public record MemberRef(long id, String name) {}
