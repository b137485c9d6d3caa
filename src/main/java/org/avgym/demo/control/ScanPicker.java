package org.avgym.demo.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.demo.entity.Scenario;

/**
 * Chooses who scans next at a location: mostly members who may come in, some whose membership or
 * card will be refused, strangers with unknown cards, and people who scan twice. Members usually
 * train at their home location; a few travel, which shows LOCATION_NOT_ALLOWED for single-site
 * plans.
 */
public final class ScanPicker {

  /** What the scan is meant to show. */
  public enum Kind {
    VALID(840),
    EXPIRED(30),
    FROZEN(20),
    NOT_STARTED(10),
    CANCELLED(20),
    NO_MEMBERSHIP(10),
    OLD_CREDENTIAL(20),
    UNKNOWN(20),
    REPEAT(30);

    final int perMille;

    Kind(int perMille) {
      this.perMille = perMille;
    }
  }

  /** A scan to send; {@code member} is null for an unknown credential. */
  public record Pick(Kind kind, MemberSpec member, String credential) {}

  private static final int HOME_PERCENT = 85;
  private static final int ATTEMPTS = 20;
  private static final int UNKNOWN_CARD_BASE = 900_000;
  private static final int UNKNOWN_CARD_RANGE = 99_999;

  private final Random random;
  private final List<MemberSpec> valid = new ArrayList<>();
  private final List<MemberSpec> oldCredentials = new ArrayList<>();
  private final Map<Scenario, List<MemberSpec>> byScenario = new EnumMap<>(Scenario.class);

  public ScanPicker(List<MemberSpec> members, Random random) {
    this.random = random;
    for (MemberSpec member : members) {
      if (member.usableCredential() != null) {
        byScenario.computeIfAbsent(member.scenario(), s -> new ArrayList<>()).add(member);
        if (member.scenario() == Scenario.ACTIVE) {
          valid.add(member);
        }
      }
      if (member.unusableCredential() != null) {
        oldCredentials.add(member);
      }
    }
  }

  /**
   * The next scan at {@code location}, or null when nobody suitable was found (everyone valid is
   * inside already).
   *
   * @param inside whether a member number is counted inside somewhere; they do not scan in again
   * @param recentlyIn members let in during the last minute, candidates for a repeated scan
   */
  public Pick next(String location, IntPredicate inside, List<MemberSpec> recentlyIn) {
    Kind kind = kind(random.nextInt(1000));
    return switch (kind) {
      case VALID -> validAt(location, inside);
      case EXPIRED -> from(kind, Scenario.EXPIRED, location, inside);
      case FROZEN -> from(kind, Scenario.FROZEN, location, inside);
      case NOT_STARTED -> from(kind, Scenario.NOT_STARTED, location, inside);
      case CANCELLED -> from(kind, Scenario.CANCELLED, location, inside);
      case NO_MEMBERSHIP -> from(kind, Scenario.NONE, location, inside);
      case OLD_CREDENTIAL -> {
        MemberSpec member = any(oldCredentials, location, inside);
        yield member == null
            ? validAt(location, inside)
            : new Pick(kind, member, member.unusableCredential().value());
      }
      case UNKNOWN ->
          new Pick(kind, null, "CARD-" + (UNKNOWN_CARD_BASE + random.nextInt(UNKNOWN_CARD_RANGE)));
      case REPEAT -> {
        if (recentlyIn.isEmpty()) {
          yield validAt(location, inside);
        }
        MemberSpec member = recentlyIn.get(random.nextInt(recentlyIn.size()));
        yield new Pick(kind, member, member.usableCredential().value());
      }
    };
  }

  static Kind kind(int roll) {
    int bound = 0;
    for (Kind kind : Kind.values()) {
      bound += kind.perMille;
      if (roll < bound) {
        return kind;
      }
    }
    return Kind.VALID;
  }

  private Pick validAt(String location, IntPredicate inside) {
    MemberSpec member = any(valid, location, inside);
    return member == null ? null : new Pick(Kind.VALID, member, member.usableCredential().value());
  }

  private Pick from(Kind kind, Scenario scenario, String location, IntPredicate inside) {
    MemberSpec member = any(byScenario.getOrDefault(scenario, List.of()), location, inside);
    return member == null
        ? validAt(location, inside)
        : new Pick(kind, member, member.usableCredential().value());
  }

  /**
   * A member not inside, from this location most of the time; null after a few misses. Random
   * probes instead of filtering keep a pick cheap however many members there are.
   */
  private MemberSpec any(List<MemberSpec> candidates, String location, IntPredicate inside) {
    if (candidates.isEmpty()) {
      return null;
    }
    if (random.nextInt(100) < HOME_PERCENT) {
      MemberSpec local = probe(candidates, location, inside);
      if (local != null) {
        return local;
      }
    }
    return probe(candidates, null, inside);
  }

  private MemberSpec probe(List<MemberSpec> candidates, String home, IntPredicate inside) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      MemberSpec member = candidates.get(random.nextInt(candidates.size()));
      if (!inside.test(member.number()) && (home == null || member.home().equals(home))) {
        return member;
      }
    }
    return null;
  }
}
