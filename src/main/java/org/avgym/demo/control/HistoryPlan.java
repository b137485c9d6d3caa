package org.avgym.demo.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.avgym.checkin.entity.ReasonCode;
import org.avgym.demo.entity.CredentialSpec;
import org.avgym.demo.entity.LocationSpec;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.demo.entity.PlanSpec;
import org.avgym.demo.entity.Scenario;
import org.avgym.locations.entity.WeeklyHours;

/**
 * The demo chain's past: weeks of visits and refused scans as its members would have made them, so
 * that a manager's first look at the Analytics tab finds heat maps, trends, forecasts and a
 * retention list with something true to say.
 *
 * <p>Each member with a membership trains one to five times a week, mostly at their home club, at a
 * local time drawn from the {@link DailyRhythm} within the club's opening hours; Mondays are
 * busiest and Sundays quietest, public holidays of each club's country are quiet, and the chain
 * grows by a tenth over the weeks. About one active member in eight stopped coming three to six
 * weeks ago. Scans that the rules would refuse are refused with their reason: outside the plan's
 * hours or clubs, during a freeze, after the membership expired or was cancelled (a few tries
 * each), and now and then an unknown card. Everything is drawn from the seed: the same chain and
 * seed give the same past.
 */
public final class HistoryPlan {

  /** A visit: in at one instant, out at a later one. */
  public record Visit(int member, String credential, String location, Instant in, Instant out) {}

  /** A refused scan. {@code member} is 0 for an unknown credential. */
  public record Denial(
      int member, String credential, String location, Instant at, ReasonCode reason) {}

  /** Visits and denials, each oldest first. */
  public record Past(List<Visit> visits, List<Denial> denials) {
    public Past {
      visits = List.copyOf(visits);
      denials = List.copyOf(denials);
    }
  }

  private static final double[] WEEKDAY = {
    1.15, 1.05, 1.0, 0.95, 0.8, 0.6, 0.5
  }; // Monday first: resolutions fade over the week

  private static final int[] VISITS_PER_WEEK = {1, 2, 2, 3, 3, 3, 4, 4, 5, 2};
  private static final double HOME_SHARE = 0.9;
  private static final double KEEPS_PLAN_HOURS = 0.95;
  private static final double LAPSED_SHARE = 0.12;
  private static final double GROWTH = 0.1;
  private static final double HOLIDAY = 0.25;
  private static final double TRIES_AFTER_END = 0.35;
  private static final double UNKNOWN_CARDS_PER_DAY = 1.2;

  private final Map<String, WeeklyHours> hours = new HashMap<>();
  private final Map<String, ZoneId> zones = new HashMap<>();

  private final ChainBlueprint chain;
  private final Random random;

  private HistoryPlan(ChainBlueprint chain, long seed) {
    this.chain = chain;
    this.random = new Random(seed);
    for (LocationSpec location : chain.locations()) {
      hours.put(location.code(), WeeklyHours.parse(location.hours()));
      zones.put(location.code(), ZoneId.of(location.zone()));
    }
  }

  /**
   * The {@code days} before {@code now}. Membership dates in the blueprint count from {@code
   * seededAt}, the moment the chain was written.
   */
  public static Past generate(
      ChainBlueprint chain, Instant seededAt, Instant now, int days, long seed) {
    if (chain == null || seededAt == null || now == null) {
      throw new IllegalArgumentException("chain, seeding time and now are required");
    }
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("history days must be 1 to 366, was " + days);
    }
    return new HistoryPlan(chain, seed).past(seededAt, now, days);
  }

  private Past past(Instant seededAt, Instant now, int days) {
    List<Visit> visits = new ArrayList<>();
    List<Denial> denials = new ArrayList<>();
    Instant from = now.minus(Duration.ofDays(days));
    for (MemberSpec member : chain.members()) {
      member(member, seededAt, from, now, days, visits, denials);
    }
    unknownCards(from, now, days, denials);
    visits.sort(Comparator.comparing(Visit::in));
    denials.sort(Comparator.comparing(Denial::at));
    return new Past(visits, denials);
  }

  private void member(
      MemberSpec member,
      Instant seededAt,
      Instant from,
      Instant now,
      int days,
      List<Visit> visits,
      List<Denial> denials) {
    CredentialSpec credential = member.usableCredential();
    if (member.plan() == null || credential == null) {
      return;
    }
    PlanSpec plan = chain.plan(member.plan());
    WeeklyHours planHours = WeeklyHours.parse(plan.hours());
    Instant start = seededAt.plus(Duration.ofDays(member.startDay()));
    Instant end = start.plus(Duration.ofDays(plan.durationDays()));
    Instant freezeFrom = seededAt.plus(Duration.ofDays(member.freezeFromDay()));
    Instant cancelled = seededAt.plus(Duration.ofDays(member.cancelledDay()));
    double perWeek = VISITS_PER_WEEK[random.nextInt(VISITS_PER_WEEK.length)];
    Instant lapsed =
        member.scenario() == Scenario.ACTIVE && random.nextDouble() < LAPSED_SHARE
            ? now.minus(Duration.ofDays(21 + random.nextInt(22)))
            : null;
    int refusedTries = 0;
    for (int d = 0; d < days; d++) {
      Instant day = from.plus(Duration.ofDays(d));
      String location = location(member, plan);
      ZoneId zone = zones.get(location);
      LocalDate date = day.atZone(zone).toLocalDate();
      double growth = 1 - GROWTH / 2 + GROWTH * d / days;
      double chance =
          perWeek / 7 * WEEKDAY[date.getDayOfWeek().ordinal()] * growth * holiday(date, zone);
      if (random.nextDouble() >= chance) {
        continue;
      }
      // Most members come when their plan lets them in; now and then one tries outside it.
      LocalDateTime local =
          localTime(
              date, hours.get(location), random.nextDouble() < KEEPS_PLAN_HOURS ? planHours : null);
      if (local == null) {
        continue;
      }
      Instant at = local.atZone(zone).toInstant();
      if (!at.isBefore(now)
          || at.isBefore(from)
          || at.isBefore(start)
          || (lapsed != null && at.isAfter(lapsed))) {
        continue;
      }
      ReasonCode refused = null;
      if (member.scenario() == Scenario.FROZEN && !at.isBefore(freezeFrom)) {
        refused = ReasonCode.MEMBERSHIP_FROZEN;
      } else if (member.scenario() == Scenario.CANCELLED && !at.isBefore(cancelled)) {
        refused = ReasonCode.MEMBERSHIP_CANCELLED;
      } else if (!at.isBefore(end)) {
        refused = ReasonCode.MEMBERSHIP_EXPIRED;
      } else if (!plan.locations().isEmpty() && !plan.locations().contains(location)) {
        refused = ReasonCode.LOCATION_NOT_ALLOWED;
      } else if (!planHours.contains(local)) {
        refused = ReasonCode.OUTSIDE_ALLOWED_HOURS;
      }
      if (refused == null) {
        Duration stay = Duration.ofMinutes(Math.round(clamp(70 + random.nextGaussian() * 20)));
        Instant out = at.plus(stay);
        if (out.isBefore(now)) { // the past only: who is inside now is today's business
          visits.add(new Visit(member.number(), credential.value(), location, at, out));
        }
      } else if (isEnd(refused)) {
        // A member whose membership ended tries a few times, then stops coming.
        if (refusedTries < 3 && random.nextDouble() < TRIES_AFTER_END) {
          refusedTries++;
          denials.add(new Denial(member.number(), credential.value(), location, at, refused));
        }
      } else {
        denials.add(new Denial(member.number(), credential.value(), location, at, refused));
      }
    }
  }

  private static boolean isEnd(ReasonCode reason) {
    return reason == ReasonCode.MEMBERSHIP_EXPIRED
        || reason == ReasonCode.MEMBERSHIP_CANCELLED
        || reason == ReasonCode.MEMBERSHIP_FROZEN;
  }

  private static double clamp(double minutes) {
    return Math.max(25, Math.min(150, minutes));
  }

  private String location(MemberSpec member, PlanSpec plan) {
    if (random.nextDouble() < HOME_SHARE || chain.locations().size() == 1) {
      return member.home();
    }
    List<LocationSpec> others =
        chain.locations().stream().filter(l -> !l.code().equals(member.home())).toList();
    return others.get(random.nextInt(others.size())).code();
  }

  /**
   * A local time on the date, drawn from the daily rhythm within the club's opening hours; null if
   * the club is closed all day.
   */
  private LocalDateTime localTime(LocalDate date, WeeklyHours open, WeeklyHours allowed) {
    for (int attempt = 0; attempt < 200; attempt++) {
      LocalTime time = LocalTime.ofSecondOfDay(random.nextInt(24 * 3600));
      LocalDateTime local = date.atTime(time);
      if (open.contains(local)
          && (allowed == null || allowed.contains(local))
          && random.nextDouble() < DailyRhythm.DEFAULT.share(time)) {
        return local;
      }
    }
    return null;
  }

  private void unknownCards(Instant from, Instant now, int days, List<Denial> denials) {
    for (LocationSpec location : chain.locations()) {
      WeeklyHours open = hours.get(location.code());
      ZoneId zone = zones.get(location.code());
      for (int d = 0; d < days; d++) {
        LocalDate date = from.plus(Duration.ofDays(d)).atZone(zone).toLocalDate();
        int n = DailyRhythm.draw(UNKNOWN_CARDS_PER_DAY, random.nextDouble());
        for (int i = 0; i < n; i++) {
          LocalDateTime local = localTime(date, open, null);
          if (local == null) {
            continue;
          }
          Instant at = local.atZone(zone).toInstant();
          if (at.isBefore(now) && !at.isBefore(from)) {
            denials.add(
                new Denial(
                    0,
                    String.format("CARD-%06d", 900_000 + random.nextInt(100_000)),
                    location.code(),
                    at,
                    ReasonCode.UNKNOWN_CREDENTIAL));
          }
        }
      }
    }
  }

  /** A quiet day: the club's country's public holidays (the demo's three countries). */
  static double holiday(LocalDate date, ZoneId zone) {
    return holidays(date.getYear(), zone).contains(date) ? HOLIDAY : 1.0;
  }

  static Set<LocalDate> holidays(int year, ZoneId zone) {
    String id = zone.getId();
    if (id.startsWith("America/")) {
      LocalDate thanksgiving =
          LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
      LocalDate labor =
          LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
      return Set.of(
          LocalDate.of(year, 1, 1), labor, thanksgiving, LocalDate.of(year, 7, 4), christmas(year));
    }
    if (id.equals("Asia/Tokyo")) {
      return Set.of(
          LocalDate.of(year, 1, 1),
          MonthDay.of(11, 3).atYear(year),
          MonthDay.of(11, 23).atYear(year),
          MonthDay.of(12, 31).atYear(year));
    }
    return Set.of(
        LocalDate.of(year, 1, 1),
        MonthDay.of(11, 1).atYear(year),
        christmas(year),
        christmas(year).plus(1, ChronoUnit.DAYS));
  }

  private static LocalDate christmas(int year) {
    return LocalDate.of(year, 12, 25);
  }
}
