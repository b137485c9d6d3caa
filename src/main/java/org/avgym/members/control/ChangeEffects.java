package org.avgym.members.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.avgym.members.entity.Term;

/**
 * Says in plain sentences what a sale, renewal or plan change does to a member's dates and access,
 * for the desk to read before confirming. Pure: the same terms and clock give the same sentences.
 */
public final class ChangeEffects {

  private final ZoneId zone;
  private final DateTimeFormatter day;

  public ChangeEffects(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
  }

  /**
   * @param previous the membership the change follows, as it is now; null for a sale
   * @param previousEndsAfter when {@code previous} ends after the change (a plan change cuts it
   *     short); equal to its end when the change leaves it alone
   */
  public List<String> describe(Term previous, Instant previousEndsAfter, Term next, Instant now) {
    List<String> effects = new ArrayList<>();
    if (!next.startsAt().isAfter(now)) {
      effects.add(
          next.plan()
              + " admits at the doors at once: the check-in rules read it on the next scan.");
    } else {
      effects.add(next.plan() + " admits from " + day.format(next.startsAt()) + ".");
    }
    effects.add(
        "Runs "
            + day.format(next.startsAt())
            + " to "
            + (next.endsAt() == null ? "open end" : day.format(next.endsAt()))
            + " (last day "
            + (next.endsAt() == null ? "none" : day.format(next.endsAt().minusSeconds(1)))
            + ").");
    effects.add("Where: " + where(next) + ". When: " + when(next) + ".");
    if (previous == null) {
      return effects;
    }
    if (previousEndsAfter != null && !previousEndsAfter.equals(previous.endsAt())) {
      effects.add(
          previous.plan()
              + " now ends "
              + day.format(previousEndsAfter)
              + " instead of "
              + (previous.endsAt() == null ? "never" : day.format(previous.endsAt()))
              + ".");
    }
    Instant previousEnd = previousEndsAfter;
    if (previousEnd != null && previousEnd.isAfter(next.startsAt())) {
      effects.add(
          "Both memberships run from "
              + day.format(next.startsAt())
              + " to "
              + day.format(previousEnd)
              + ": the days overlap.");
    } else if (previousEnd != null && previousEnd.isBefore(next.startsAt())) {
      effects.add(
          "No membership from "
              + day.format(previousEnd)
              + " until "
              + day.format(next.startsAt())
              + ": the member is denied at the doors in between.");
    } else if (previousEnd != null) {
      effects.add("Follows " + previous.plan() + " without a gap.");
    }
    if (!where(previous).equals(where(next))) {
      effects.add("Where changes: " + where(previous) + " → " + where(next) + ".");
    }
    if (!when(previous).equals(when(next))) {
      effects.add("When changes: " + when(previous) + " → " + when(next) + ".");
    }
    return effects;
  }

  public ZoneId zone() {
    return zone;
  }

  private static String where(Term term) {
    return term.locations().isEmpty() ? "every location" : String.join(", ", term.locations());
  }

  private static String when(Term term) {
    return "*".equals(term.hours()) ? "whenever open" : term.hours();
  }
}
