package org.avgym.members.entity;

/**
 * The staff-set state of a membership. Dates still matter on top of it: an ACTIVE membership can be
 * outside its term or inside a scheduled freeze.
 */
public enum MembershipStatus {
  ACTIVE,
  FROZEN,
  CANCELLED
}
