package org.avgym.security.entity;

import java.util.Set;

/** What a staff user may do. An administrator can also do everything staff can. */
public enum Role {
  ADMIN,
  STAFF;

  public static final String ADMIN_NAME = "ADMIN";
  public static final String STAFF_NAME = "STAFF";

  /**
   * The only group of a user who logged in with a generated password: it opens nothing but the
   * password page.
   */
  public static final String PASSWORD_CHANGE_NAME = "PASSWORD_CHANGE";

  /** The groups the container sees for a user of this role. */
  public Set<String> groups() {
    return this == ADMIN ? Set.of(ADMIN_NAME, STAFF_NAME) : Set.of(STAFF_NAME);
  }
}
