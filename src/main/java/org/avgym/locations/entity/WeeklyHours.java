package org.avgym.locations.entity;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Weekly wall-clock hours, for a location's opening hours and a plan's allowed hours. They are
 * local times on purpose: a gym opens at 06:00 whatever the UTC offset is that day, so callers
 * convert instants to the location's zone before asking {@link #contains(LocalDateTime)}.
 *
 * <p>Each day holds intervals [open, close). An interval whose close is not after its open runs
 * past midnight into the next day (22:00-02:00 on FRI also covers Saturday until 02:00);
 * 00:00-24:00 (also written 24h, stored as 00:00-00:00) is the whole day. Days without intervals
 * are closed.
 *
 * <p>The text form, which staff type and the database stores, is a list of clauses separated by
 * {@code ;}, each a day list and an interval list: {@code "MON-FRI 06:00-22:00; SAT,SUN
 * 08:00-12:00,14:00-20:00"}. {@code "*"} or an empty text means always; {@code "*"} also stands for
 * every day in a clause.
 *
 * @param days the intervals of each day that has any, sorted, without duplicates
 */
public record WeeklyHours(Map<DayOfWeek, List<Interval>> days) {

  public static final WeeklyHours ALWAYS = everyDay(Interval.WHOLE_DAY);

  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final int HOURS_PER_DAY = 24;
  private static final int MINUTES_PER_HOUR = 60;
  private static final int SHORTEST_RANGE_WRITTEN_AS_RANGE = 3;

  public WeeklyHours {
    Objects.requireNonNull(days, "days");
    EnumMap<DayOfWeek, List<Interval>> normalized = new EnumMap<>(DayOfWeek.class);
    days.forEach(
        (day, intervals) -> {
          List<Interval> sorted = normalize(intervals);
          if (!sorted.isEmpty()) {
            normalized.put(Objects.requireNonNull(day, "day"), sorted);
          }
        });
    if (normalized.isEmpty()) {
      // Text with no intervals means "always"; an empty value would silently mean "never".
      throw new IllegalArgumentException(
          "weekly hours need at least one interval (close the location instead)");
    }
    days = Collections.unmodifiableMap(normalized);
  }

  /** An interval of one day; see the class comment for intervals that pass midnight. */
  public record Interval(LocalTime open, LocalTime close) implements Comparable<Interval> {

    public static final Interval WHOLE_DAY = new Interval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public Interval {
      Objects.requireNonNull(open, "open");
      Objects.requireNonNull(close, "close");
      if (open.equals(close) && !open.equals(LocalTime.MIDNIGHT)) {
        throw new IllegalArgumentException(
            "empty interval "
                + format(open)
                + "-"
                + format(close)
                + " (use 00:00-24:00 for all day)");
      }
    }

    public boolean wholeDay() {
      return equals(WHOLE_DAY);
    }

    public boolean passesMidnight() {
      return !wholeDay() && !close.isAfter(open);
    }

    /** Whether the part of this interval on its own day holds the time. */
    boolean holdsOnItsDay(LocalTime time) {
      if (wholeDay() || passesMidnight()) {
        return !time.isBefore(open);
      }
      return !time.isBefore(open) && time.isBefore(close);
    }

    /** Whether the part of this interval spilling into the next day holds the time. */
    boolean holdsOnNextDay(LocalTime time) {
      return passesMidnight() && time.isBefore(close);
    }

    @Override
    public int compareTo(Interval other) {
      int byOpen = open.compareTo(other.open);
      return byOpen != 0 ? byOpen : close.compareTo(other.close);
    }

    @Override
    public String toString() {
      String closing = close.equals(LocalTime.MIDNIGHT) ? "24:00" : format(close);
      return format(open) + "-" + closing;
    }

    private static String format(LocalTime time) {
      return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }
  }

  public static WeeklyHours everyDay(Interval interval) {
    EnumMap<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      days.put(day, List.of(interval));
    }
    return new WeeklyHours(days);
  }

  /**
   * Reads the text form described in the class comment.
   *
   * @throws IllegalArgumentException naming the part that could not be read
   */
  public static WeeklyHours parse(String text) {
    if (text == null || text.isBlank() || text.strip().equals("*")) {
      return ALWAYS;
    }
    EnumMap<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
    try {
      for (String clause : text.split(";")) {
        if (!clause.isBlank()) {
          readClause(clause.strip(), days);
        }
      }
      return new WeeklyHours(days);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read hours \"" + text + "\": " + e.getMessage(), e);
    }
  }

  /** The intervals that start on a day; empty when the day has none. */
  public List<Interval> on(DayOfWeek day) {
    return days.getOrDefault(day, List.of());
  }

  /** Whether a wall-clock time falls in these hours, counting intervals begun the day before. */
  public boolean contains(LocalDateTime localTime) {
    LocalTime time = localTime.toLocalTime();
    DayOfWeek day = localTime.getDayOfWeek();
    return on(day).stream().anyMatch(interval -> interval.holdsOnItsDay(time))
        || on(day.minus(1)).stream().anyMatch(interval -> interval.holdsOnNextDay(time));
  }

  /** The text form; {@link #parse(String)} reads it back to an equal value. */
  public String format() {
    if (equals(ALWAYS)) {
      return "*";
    }
    Map<List<Interval>, List<DayOfWeek>> daysByIntervals = new LinkedHashMap<>();
    days.forEach(
        (day, intervals) ->
            daysByIntervals.computeIfAbsent(intervals, key -> new ArrayList<>()).add(day));
    return daysByIntervals.entrySet().stream()
        .map(
            group ->
                formatDays(group.getValue())
                    + " "
                    + group.getKey().stream()
                        .map(Interval::toString)
                        .collect(Collectors.joining(",")))
        .collect(Collectors.joining("; "));
  }

  @Override
  public String toString() {
    return format();
  }

  private static List<Interval> normalize(Collection<Interval> intervals) {
    Objects.requireNonNull(intervals, "intervals");
    if (intervals.contains(Interval.WHOLE_DAY)) {
      return List.of(Interval.WHOLE_DAY);
    }
    return intervals.stream().sorted().distinct().toList();
  }

  private static void readClause(String clause, Map<DayOfWeek, List<Interval>> days) {
    String[] parts = clause.split("\\s+", 2);
    if (parts.length < 2 || parts[1].isBlank()) {
      throw new IllegalArgumentException("\"" + clause + "\" names days but no hours");
    }
    Set<DayOfWeek> clauseDays = readDays(parts[0]);
    List<Interval> intervals = new ArrayList<>();
    for (String interval : parts[1].split(",")) {
      intervals.add(readInterval(interval.strip()));
    }
    for (DayOfWeek day : clauseDays) {
      days.computeIfAbsent(day, key -> new ArrayList<>()).addAll(intervals);
    }
  }

  private static Set<DayOfWeek> readDays(String text) {
    if (text.equals("*")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String item : text.split(",")) {
      String[] range = item.split("-", -1);
      if (range.length == 1) {
        days.add(readDay(range[0]));
      } else if (range.length == 2) {
        // Ranges may wrap round the week: FRI-MON is Friday to Monday.
        DayOfWeek first = readDay(range[0]);
        DayOfWeek last = readDay(range[1]);
        for (DayOfWeek day = first; day != last; day = day.plus(1)) {
          days.add(day);
        }
        days.add(last);
      } else {
        throw new IllegalArgumentException("\"" + item + "\" is not a day or a range of days");
      }
    }
    return days;
  }

  private static DayOfWeek readDay(String text) {
    String wanted = text.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (abbreviation(day).equals(wanted)) {
        return day;
      }
    }
    throw new IllegalArgumentException(
        "unknown day \"" + text + "\" (use MON, TUE, WED, THU, FRI, SAT, SUN)");
  }

  private static Interval readInterval(String text) {
    if (text.equalsIgnoreCase("24h")) {
      return Interval.WHOLE_DAY;
    }
    String[] bounds = text.split("-", -1);
    if (bounds.length != 2) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not an interval like 06:00-22:00 or 24h");
    }
    LocalTime open = readTime(bounds[0].strip());
    if (bounds[0].strip().startsWith("24")) {
      throw new IllegalArgumentException("24:00 can only close an interval, not open one");
    }
    return new Interval(open, readTime(bounds[1].strip()));
  }

  private static LocalTime readTime(String text) {
    Matcher matcher = TIME.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a time like 06:00");
    }
    int hour = Integer.parseInt(matcher.group(1));
    int minute = Integer.parseInt(matcher.group(2));
    if (minute >= MINUTES_PER_HOUR) {
      throw new IllegalArgumentException("\"" + text + "\" has more than 59 minutes");
    }
    if (hour > HOURS_PER_DAY || (hour == HOURS_PER_DAY && minute > 0)) {
      throw new IllegalArgumentException("\"" + text + "\" is past 24:00");
    }
    return hour == HOURS_PER_DAY ? LocalTime.MIDNIGHT : LocalTime.of(hour, minute);
  }

  private static String formatDays(List<DayOfWeek> days) {
    List<String> items = new ArrayList<>();
    int start = 0;
    while (start < days.size()) {
      int end = start;
      while (end + 1 < days.size() && days.get(end + 1) == days.get(end).plus(1)) {
        end++;
      }
      if (end - start + 1 >= SHORTEST_RANGE_WRITTEN_AS_RANGE) {
        items.add(abbreviation(days.get(start)) + "-" + abbreviation(days.get(end)));
      } else {
        for (int i = start; i <= end; i++) {
          items.add(abbreviation(days.get(i)));
        }
      }
      start = end + 1;
    }
    return String.join(",", items);
  }

  private static String abbreviation(DayOfWeek day) {
    return day.name().substring(0, 3);
  }
}
