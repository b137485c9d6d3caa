package org.avgym.members.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.avgym.members.entity.Member;
import org.junit.jupiter.api.Test;

class LikelyDuplicatesTest {

  @Test
  void aSlipThatChangesWhereAWordSortsIsStillOneSlip() {
    // "dana" sorts before "dc36c2f4", "dena" after it: sorted, the two names differ everywhere.
    assertTrue(NameSimilarity.similar("Dana Duplicate-dc36c2f4", "Dena Duplicate-dc36c2f4"));
    assertTrue(NameSimilarity.similar("Marko Dbc Novak", "novak dbc Mirko"));
    assertFalse(NameSimilarity.similar("Dana Duplicate-dc36c2f4", "Dena Duplicate-dc36c2f5x"));
    assertFalse(NameSimilarity.similar("Ana Dc", "Ina Dd"), "short names: one slip in all");
  }

  @Test
  void namesMatchWhateverTheCaseAccentsPunctuationAndOrder() {
    assertTrue(NameSimilarity.similar("Ana-Marija Novak", "novak ana marija"));
    assertTrue(NameSimilarity.similar("Žiga Čeh", "ziga ceh"));
  }

  @Test
  void oneOrTwoSlipsInALongNameStillMatch() {
    assertTrue(NameSimilarity.similar("John Smith", "Jon Smith"));
    assertTrue(NameSimilarity.similar("Katarina Horvat", "Katrina Horvath"));
    assertFalse(NameSimilarity.similar("Katarina Horvat", "Karolina Horvat Kos"));
  }

  @Test
  void shortNamesAllowOneSlipOnly() {
    assertTrue(NameSimilarity.similar("Ana Ko", "Ana Ka"));
    assertFalse(NameSimilarity.similar("Ana Ko", "Ina Ka"));
  }

  @Test
  void blankNamesNeverMatch() {
    assertFalse(NameSimilarity.similar("", ""));
    assertFalse(NameSimilarity.similar(null, "Ana"));
  }

  @Test
  void findsTheSameEmailPhoneDigitsAndSimilarNameWithReasons() {
    Member existing = new Member("Dana Novak", "dana@example.org", "+386 41 555-123", null);
    List<LikelyDuplicates.Match> matches =
        LikelyDuplicates.among(
            List.of(existing), "Dena Novak", "DANA@example.org", "38641555123", null);
    assertEquals(1, matches.size());
    assertEquals(List.of("same e-mail", "same phone", "similar name"), matches.get(0).reasons());
  }

  @Test
  void aDifferentPersonIsNoMatch() {
    Member existing = new Member("Dana Novak", "dana@example.org", "+386 41 555 123", null);
    assertTrue(
        LikelyDuplicates.among(List.of(existing), "Marko Kranjc", null, "041 999 888", null)
            .isEmpty());
  }

  @Test
  void phonePatternsFindAnySeparatorsAndSkipShortNumbers() {
    assertEquals("%4%1%5%5%5%1%2%3%", LikelyDuplicates.phonePattern("41 555-123"));
    assertNull(LikelyDuplicates.phonePattern("112"));
  }
}
