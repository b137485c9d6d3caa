package org.avgym.members.entity;

import java.io.Serializable;

/** A member was signed up at the desk or through the API; fired in the transaction. */
public record MemberRegistered(long memberId, String name, String staffUser)
    implements Serializable {}
