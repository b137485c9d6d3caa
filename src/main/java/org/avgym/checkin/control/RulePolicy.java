package org.avgym.checkin.control;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.ReasonCode;
import org.avgym.checkin.entity.RuleAction;

/**
 * How strict each rule is, as the gym configured it. By default a repeated scan and a check-out of
 * someone not counted inside only warn, because both are usually a clumsy reader or a forgotten
 * check-out rather than someone sneaking in; every other failed rule denies.
 *
 * @param actions the action of every reason code
 * @param repeatWindow how soon after an entry another entry by the same member counts as the same
 *     visit; zero turns repeat detection off
 */
public record RulePolicy(Map<ReasonCode, RuleAction> actions, Duration repeatWindow) {

  /** Prefix of the setting for a reason's action, followed by the reason code. */
  public static final String ACTION_PREFIX = "avgym.checkin.action.";

  public static final String REPEAT_WINDOW_SECONDS = "avgym.checkin.repeat-window-seconds";
  public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofSeconds(60);

  public RulePolicy {
    Objects.requireNonNull(actions, "actions");
    Objects.requireNonNull(repeatWindow, "repeatWindow");
    if (repeatWindow.isNegative()) {
      throw new IllegalArgumentException("repeat window cannot be negative: " + repeatWindow);
    }
    EnumMap<ReasonCode, RuleAction> complete = defaultActions();
    complete.putAll(actions);
    actions = Collections.unmodifiableMap(complete);
  }

  public static RulePolicy defaults() {
    return new RulePolicy(Map.of(), DEFAULT_REPEAT_WINDOW);
  }

  /**
   * Reads the policy from settings such as {@code avgym.checkin.action.REPEAT_SCAN=warn} and {@code
   * avgym.checkin.repeat-window-seconds=60}. Settings not named here are ignored, so the whole
   * configuration can be passed in; missing ones keep their defaults.
   *
   * @throws IllegalArgumentException naming the key whose value cannot be used
   */
  public static RulePolicy fromSettings(Map<String, String> settings) {
    EnumMap<ReasonCode, RuleAction> actions = defaultActions();
    Duration repeatWindow = DEFAULT_REPEAT_WINDOW;
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      String key = setting.getKey();
      if (key.startsWith(ACTION_PREFIX)) {
        actions.put(reasonIn(key), action(key, setting.getValue()));
      } else if (key.equals(REPEAT_WINDOW_SECONDS)) {
        repeatWindow = seconds(key, setting.getValue());
      }
    }
    return new RulePolicy(actions, repeatWindow);
  }

  public RuleAction actionFor(ReasonCode reason) {
    return actions.get(reason);
  }

  /** Denied if any reason denies, warned if there are reasons but none denies, else granted. */
  public Decision decide(Collection<ReasonCode> reasons) {
    if (reasons.isEmpty()) {
      return Decision.GRANTED;
    }
    return reasons.stream().anyMatch(reason -> actionFor(reason) == RuleAction.DENY)
        ? Decision.DENIED
        : Decision.WARNED;
  }

  private static EnumMap<ReasonCode, RuleAction> defaultActions() {
    EnumMap<ReasonCode, RuleAction> actions = new EnumMap<>(ReasonCode.class);
    for (ReasonCode reason : ReasonCode.values()) {
      actions.put(reason, RuleAction.DENY);
    }
    actions.put(ReasonCode.REPEAT_SCAN, RuleAction.WARN);
    actions.put(ReasonCode.NOT_INSIDE, RuleAction.WARN);
    return actions;
  }

  private static ReasonCode reasonIn(String key) {
    String code = key.substring(ACTION_PREFIX.length());
    try {
      return ReasonCode.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + ": \"" + code + "\" is not a reason code (such as REPEAT_SCAN)", e);
    }
  }

  private static RuleAction action(String key, String value) {
    String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    for (RuleAction action : RuleAction.values()) {
      if (action.name().equals(wanted)) {
        return action;
      }
    }
    throw new IllegalArgumentException(key + " must be deny or warn, not \"" + value + "\"");
  }

  private static Duration seconds(String key, String value) {
    try {
      long seconds = Long.parseLong(value == null ? "" : value.strip());
      if (seconds >= 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a whole number of seconds, not \"" + value + "\"", e);
    }
    throw new IllegalArgumentException(key + " cannot be negative: " + value);
  }
}
