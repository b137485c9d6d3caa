package org.avgym.analytics.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.avgym.analytics.entity.Period;

/**
 * Which periods a roll-up run must do: every complete period after the last completed one, up to
 * the one before now; after downtime that is several, bounded by {@code maxPeriods} (the oldest
 * beyond it are skipped, as retention has deleted their samples anyway). Without a last completed
 * period only the previous period is due.
 */
public final class CatchUp {

  private CatchUp() {}

  public static List<Instant> due(
      Period period, Instant lastCompleted, Instant now, int maxPeriods) {
    Instant current = period.startOf(now);
    Instant first =
        lastCompleted == null ? current.minus(period.length()) : period.next(lastCompleted);
    Instant earliest = current.minus(period.length().multipliedBy(maxPeriods));
    if (first.isBefore(earliest)) {
      first = earliest;
    }
    List<Instant> due = new ArrayList<>();
    for (Instant start = first; start.isBefore(current); start = period.next(start)) {
      due.add(start);
    }
    return due;
  }
}
