package org.avgym.dashboard.control;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.avgym.checkin.entity.CheckinFilter;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.ReasonCode;

/**
 * The check-in log's filters as they travel in its address ({@code checkins.xhtml?decision=denied
 * &location=ljubljana}) and in its CSV export's: one reading of the parameters for both, so the
 * export always holds what the page shows. Unknown values are reported by name, never guessed.
 */
public final class CheckinLogQuery {

  /** The parameter names, in the order the page writes them. */
  public static final String[] NAMES = {
    "location",
    "device",
    "member",
    "name",
    "decision",
    "reason",
    "direction",
    "override",
    "from",
    "to"
  };

  /** A filter, or the parameter that could not be read and why. */
  public record Parsed(CheckinFilter filter, String badParameter, String problem) {
    public boolean ok() {
      return badParameter == null;
    }
  }

  private CheckinLogQuery() {}

  /**
   * Reads the parameters; {@code locationId} resolves a location code to its id (empty when there
   * is none). Times are local date-times ({@code 2026-12-01T08:00}) in {@code zone}.
   */
  public static Parsed parse(
      Map<String, String> parameters,
      java.util.function.Function<String, Optional<Long>> locationId,
      ZoneId zone) {
    try {
      Long location = null;
      String code = blank(parameters.get("location"));
      if (code != null) {
        location =
            locationId.apply(code).orElseThrow(() -> new Bad("location", "no location " + code));
      }
      Long member = null;
      String memberText = blank(parameters.get("member"));
      if (memberText != null) {
        try {
          member = Long.valueOf(memberText);
        } catch (NumberFormatException e) {
          throw new Bad("member", "not a member id: " + memberText);
        }
      }
      String override = blank(parameters.get("override"));
      Boolean overridden =
          override == null
              ? null
              : switch (override) {
                case "yes" -> Boolean.TRUE;
                case "no" -> Boolean.FALSE;
                default -> throw new Bad("override", "override is yes or no, not " + override);
              };
      return new Parsed(
          new CheckinFilter(
              location,
              blank(parameters.get("device")),
              member,
              blank(parameters.get("name")),
              choice("decision", parameters.get("decision"), Decision.class),
              choice("reason", parameters.get("reason"), ReasonCode.class),
              choice("direction", parameters.get("direction"), Direction.class),
              overridden,
              time("from", parameters.get("from"), zone),
              time("to", parameters.get("to"), zone)),
          null,
          null);
    } catch (Bad bad) {
      return new Parsed(CheckinFilter.none(), bad.parameter, bad.getMessage());
    }
  }

  /** The parameters of a filter's values as the page holds them, blank ones left out. */
  public static Map<String, String> of(Map<String, String> values) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : NAMES) {
      String value = blank(values.get(name));
      if (value != null) {
        kept.put(name, value);
      }
    }
    return kept;
  }

  private static <E extends Enum<E>> E choice(String name, String text, Class<E> type) {
    String value = blank(text);
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw new Bad(name, name + " " + value + " is not known");
  }

  private static java.time.Instant time(String name, String text, ZoneId zone) {
    String value = blank(text);
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new Bad(name, name + " must be a date and time like 2026-12-01T08:00");
    }
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    Bad(String parameter, String message) {
      super(message, null, false, false);
      this.parameter = parameter;
    }
  }
}
