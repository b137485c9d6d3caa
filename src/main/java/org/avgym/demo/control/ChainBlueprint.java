package org.avgym.demo.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.avgym.demo.entity.CredentialSpec;
import org.avgym.demo.entity.DeviceSpec;
import org.avgym.demo.entity.LocationSpec;
import org.avgym.demo.entity.MemberSpec;
import org.avgym.demo.entity.PlanSpec;
import org.avgym.demo.entity.Scenario;
import org.avgym.members.entity.CredentialStatus;

/**
 * The whole demo chain, generated from a seed. The seeder writes it once; the simulator rebuilds
 * the same blueprint on every start to know who is who (which credential is expired, frozen, lost)
 * without asking the database.
 */
public record ChainBlueprint(
    List<LocationSpec> locations,
    List<PlanSpec> plans,
    List<DeviceSpec> devices,
    List<MemberSpec> members) {

  public static final String FULL_ACCESS = "Full access";
  public static final String OFF_PEAK = "Off-peak";
  public static final String SINGLE_SITE = "Single-site Downtown";
  public static final String WEEKEND = "Weekend";
  public static final String STUDENT = "Student";

  /** Share of members per scenario, in per mille; the rest are ACTIVE. */
  private static final int NOT_STARTED_PER_MILLE = 50;

  private static final int EXPIRED_PER_MILLE = 90;
  private static final int FROZEN_PER_MILLE = 50;
  private static final int CANCELLED_PER_MILLE = 50;
  private static final int NONE_PER_MILLE = 60;
  private static final int SECOND_CREDENTIAL_PERCENT = 35;
  private static final int REPLACED_CARD_PERCENT = 6;
  private static final int BLOCKED_QR_PERCENT = 15;
  private static final int CARD_NUMBER_BASE = 100_000;

  public ChainBlueprint {
    locations = List.copyOf(locations);
    plans = List.copyOf(plans);
    devices = List.copyOf(devices);
    members = List.copyOf(members);
  }

  public static ChainBlueprint generate(long seed, int memberCount) {
    Random random = new Random(seed);
    List<LocationSpec> locations =
        List.of(
            new LocationSpec(
                "downtown",
                "AV Gym Downtown",
                "Europe/Ljubljana",
                120,
                "MON-FRI 06:00-22:00; SAT,SUN 08:00-20:00"),
            new LocationSpec(
                "riverside",
                "AV Gym Riverside",
                "America/New_York",
                80,
                "MON-FRI 05:30-23:00; SAT 07:00-21:00; SUN 08:00-18:00"),
            // Open round the clock, as many Tokyo gyms are; it also keeps the demo alive at night.
            new LocationSpec("harbour", "AV Gym Harbour", "Asia/Tokyo", 60, "*"));
    List<PlanSpec> plans =
        List.of(
            new PlanSpec(FULL_ACCESS, 365, "*", Set.of()),
            new PlanSpec(OFF_PEAK, 365, "MON-FRI 10:00-16:00", Set.of()),
            new PlanSpec(SINGLE_SITE, 365, "*", Set.of("downtown")),
            new PlanSpec(WEEKEND, 180, "SAT,SUN 00:00-24:00", Set.of()),
            new PlanSpec(STUDENT, 120, "MON-FRI 06:00-18:00; SAT,SUN 08:00-20:00", Set.of()));
    List<DeviceSpec> devices = new ArrayList<>();
    for (LocationSpec location : locations) {
      devices.add(
          new DeviceSpec(
              location.code() + "-turnstile-1",
              location.name() + " turnstile",
              location.code(),
              "TURNSTILE"));
      devices.add(
          new DeviceSpec(
              location.code() + "-desk-1",
              location.name() + " front desk",
              location.code(),
              "DESK"));
    }
    List<String> names = Names.generate(random, memberCount);
    List<MemberSpec> members = new ArrayList<>(memberCount);
    for (int i = 0; i < memberCount; i++) {
      members.add(member(random, i + 1, names.get(i), locations, plans));
    }
    return new ChainBlueprint(locations, plans, devices, members);
  }

  public PlanSpec plan(String name) {
    return plans.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  public Set<String> deviceCodes() {
    return Set.copyOf(devices.stream().map(DeviceSpec::code).toList());
  }

  private static MemberSpec member(
      Random random, int number, String name, List<LocationSpec> locations, List<PlanSpec> plans) {
    // Downtown is the flagship: half the members train there.
    int homeRoll = random.nextInt(10);
    String home = locations.get(homeRoll < 5 ? 0 : homeRoll < 8 ? 1 : 2).code();
    Scenario scenario = scenario(random.nextInt(1000));
    PlanSpec plan =
        home.equals("downtown") && random.nextInt(4) == 0 ? plans.get(2) : pickPlan(random, plans);
    int startDay = 0;
    int freezeFrom = 0;
    int freezeUntil = 0;
    int cancelled = 0;
    switch (scenario) {
      case ACTIVE -> startDay = -random.nextInt(plan.durationDays() - 10);
      case NOT_STARTED -> startDay = 1 + random.nextInt(30);
      case EXPIRED -> startDay = -plan.durationDays() - 1 - random.nextInt(90);
      case FROZEN -> {
        startDay = -30 - random.nextInt(plan.durationDays() - 60);
        freezeFrom = -1 - random.nextInt(14);
        freezeUntil = 7 + random.nextInt(30);
      }
      case CANCELLED -> {
        startDay = -30 - random.nextInt(plan.durationDays() - 60);
        cancelled = -1 - random.nextInt(20);
      }
      case NONE -> plan = null;
    }
    String phone = String.format(Locale.ROOT, "+386 40 %03d %03d", number / 1000, number % 1000);
    return new MemberSpec(
        number,
        name,
        Names.email(name, number),
        phone,
        home,
        scenario,
        plan == null ? null : plan.name(),
        startDay,
        freezeFrom,
        freezeUntil,
        cancelled,
        credentials(random, number));
  }

  private static Scenario scenario(int roll) {
    int bound = NOT_STARTED_PER_MILLE;
    if (roll < bound) {
      return Scenario.NOT_STARTED;
    }
    bound += EXPIRED_PER_MILLE;
    if (roll < bound) {
      return Scenario.EXPIRED;
    }
    bound += FROZEN_PER_MILLE;
    if (roll < bound) {
      return Scenario.FROZEN;
    }
    bound += CANCELLED_PER_MILLE;
    if (roll < bound) {
      return Scenario.CANCELLED;
    }
    bound += NONE_PER_MILLE;
    return roll < bound ? Scenario.NONE : Scenario.ACTIVE;
  }

  private static PlanSpec pickPlan(Random random, List<PlanSpec> plans) {
    int roll = random.nextInt(100);
    if (roll < 55) {
      return plans.get(0);
    }
    if (roll < 70) {
      return plans.get(1);
    }
    if (roll < 82) {
      return plans.get(3);
    }
    return plans.get(4);
  }

  private static List<CredentialSpec> credentials(Random random, int number) {
    List<CredentialSpec> credentials = new ArrayList<>();
    String card = "CARD-" + (CARD_NUMBER_BASE + number);
    if (random.nextInt(100) < REPLACED_CARD_PERCENT) {
      // A lost or worn-out card with a new one: the old value stays on record and is refused.
      String newCard = "CARD-" + (CARD_NUMBER_BASE * 2 + number);
      CredentialStatus old =
          random.nextBoolean() ? CredentialStatus.LOST : CredentialStatus.REPLACED;
      credentials.add(new CredentialSpec(card, "CARD", old, newCard));
      credentials.add(new CredentialSpec(newCard, "CARD", CredentialStatus.ACTIVE, null));
    } else {
      credentials.add(new CredentialSpec(card, "CARD", CredentialStatus.ACTIVE, null));
    }
    if (random.nextInt(100) < SECOND_CREDENTIAL_PERCENT) {
      String qr = String.format(Locale.ROOT, "QR-%04d-%08X", number, random.nextInt());
      CredentialStatus status =
          random.nextInt(100) < BLOCKED_QR_PERCENT
              ? CredentialStatus.BLOCKED
              : CredentialStatus.ACTIVE;
      credentials.add(new CredentialSpec(qr, "QR", status, null));
    }
    return credentials;
  }
}
