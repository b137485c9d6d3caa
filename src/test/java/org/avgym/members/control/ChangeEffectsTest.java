package org.avgym.members.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.avgym.members.entity.Term;
import org.junit.jupiter.api.Test;

class ChangeEffectsTest {

  private final ChangeEffects effects = new ChangeEffects(ZoneOffset.UTC);
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aSaleFromNowAdmitsAtOnceAndSaysWhereAndWhen() {
    Term gold = new Term("Gold", NOW, Instant.parse("2026-12-31T10:00:00Z"), List.of(), "*");
    String said = String.join(" ", effects.describe(null, null, gold, NOW));
    assertTrue(said.contains("Gold admits at the doors at once"), said);
    assertTrue(said.contains("2026-12-01 to 2026-12-31"), said);
    assertTrue(said.contains("every location") && said.contains("whenever open"), said);
  }

  @Test
  void aPlanChangeCutsThePreviousShortAndNamesTheAccessThatChanges() {
    Term silver =
        new Term(
            "Silver",
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-31T00:00:00Z"),
            List.of("center"),
            "MON-FRI 06:00-16:00");
    Instant from = Instant.parse("2026-12-10T00:00:00Z");
    Term gold = new Term("Gold", from, Instant.parse("2027-01-09T00:00:00Z"), List.of(), "*");
    String said = String.join(" ", effects.describe(silver, from, gold, NOW));
    assertTrue(said.contains("Gold admits from 2026-12-10"), said);
    assertTrue(said.contains("Silver now ends 2026-12-10 instead of 2026-12-31"), said);
    assertTrue(said.contains("without a gap"), said);
    assertTrue(said.contains("Where changes: center → every location"), said);
    assertTrue(said.contains("When changes: MON-FRI 06:00-16:00 → whenever open"), said);
  }

  @Test
  void aRenewalFromTodayOfARunningMembershipWarnsOfTheOverlapAndALateOneOfTheGap() {
    Term running =
        new Term(
            "Gold",
            Instant.parse("2026-11-15T00:00:00Z"),
            Instant.parse("2026-12-15T00:00:00Z"),
            List.of(),
            "*");
    Term renewal = new Term("Gold", NOW, Instant.parse("2026-12-31T10:00:00Z"), List.of(), "*");
    assertTrue(
        String.join(" ", effects.describe(running, running.endsAt(), renewal, NOW))
            .contains("the days overlap"));
    Term lapsed =
        new Term(
            "Gold",
            Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-10-31T00:00:00Z"),
            List.of(),
            "*");
    assertTrue(
        String.join(" ", effects.describe(lapsed, lapsed.endsAt(), renewal, NOW))
            .contains("denied at the doors in between"));
  }
}
