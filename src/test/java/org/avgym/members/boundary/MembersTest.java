package org.avgym.members.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MembersTest {

  @Test
  void searchTextMatchesWildcardCharactersLiterally() {
    assertEquals("50!% off!_now!!", Members.escapeLike("50% off_now!"));
    assertEquals("ana novak", Members.escapeLike("ana novak"));
  }
}
