package org.avgym.checkin.control;

import static org.avgym.checkin.entity.ReasonCode.ALREADY_INSIDE;
import static org.avgym.checkin.entity.ReasonCode.CAPACITY_FULL;
import static org.avgym.checkin.entity.ReasonCode.CREDENTIAL_BLOCKED;
import static org.avgym.checkin.entity.ReasonCode.LOCATION_CLOSED;
import static org.avgym.checkin.entity.ReasonCode.LOCATION_NOT_ALLOWED;
import static org.avgym.checkin.entity.ReasonCode.MEMBERSHIP_CANCELLED;
import static org.avgym.checkin.entity.ReasonCode.MEMBERSHIP_EXPIRED;
import static org.avgym.checkin.entity.ReasonCode.MEMBERSHIP_FROZEN;
import static org.avgym.checkin.entity.ReasonCode.MEMBERSHIP_NOT_STARTED;
import static org.avgym.checkin.entity.ReasonCode.NOT_INSIDE;
import static org.avgym.checkin.entity.ReasonCode.NO_MEMBERSHIP;
import static org.avgym.checkin.entity.ReasonCode.OUTSIDE_ALLOWED_HOURS;
import static org.avgym.checkin.entity.ReasonCode.REPEAT_SCAN;
import static org.avgym.checkin.entity.ReasonCode.UNKNOWN_CREDENTIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.avgym.checkin.entity.CheckinFacts;
import org.avgym.checkin.entity.CredentialFacts;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.LocationFacts;
import org.avgym.checkin.entity.MembershipFacts;
import org.avgym.checkin.entity.ReasonCode;
import org.avgym.checkin.entity.Verdict;
import org.avgym.locations.entity.WeeklyHours;
import org.avgym.members.entity.CredentialStatus;
import org.avgym.members.entity.FreezePeriod;
import org.avgym.members.entity.MembershipStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckinRulesTest {

  private static final ZoneId LJUBLJANA = ZoneId.of("Europe/Ljubljana");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Instant TERM_START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TERM_END = Instant.parse("2027-01-01T00:00:00Z");
  private static final long MEMBERSHIP_ID = 7;

  private final CheckinRules rules = new CheckinRules(RulePolicy.defaults());

  /** A scan that the default rules grant; each test changes what its rule looks at. */
  private final class Scan {
    Instant now = NOW;
    Direction direction = Direction.IN;
    Optional<CredentialFacts> credential =
        Optional.of(new CredentialFacts(42, "Ana Novak", CredentialStatus.ACTIVE));
    List<MembershipFacts> memberships = new ArrayList<>(List.of(membership().build()));
    ZoneId zone = LJUBLJANA;
    int capacity = 120;
    WeeklyHours openingHours = WeeklyHours.ALWAYS;
    boolean closed;
    int occupancy = 57;
    boolean inside;
    Optional<Instant> lastEntry = Optional.empty();

    Scan with(Membership membership) {
      memberships = List.of(membership.build());
      return this;
    }

    Verdict judgedBy(CheckinRules judge) {
      LocationFacts location = new LocationFacts("downtown", zone, capacity, openingHours, closed);
      return judge.evaluate(
          new CheckinFacts(
              now, direction, credential, memberships, location, occupancy, inside, lastEntry));
    }

    Verdict verdict() {
      return judgedBy(rules);
    }
  }

  /** A membership valid at {@link #NOW}, anywhere, at any hour. */
  private static final class Membership {
    long id = MEMBERSHIP_ID;
    Instant start = TERM_START;
    Instant end = TERM_END;
    MembershipStatus status = MembershipStatus.ACTIVE;
    Instant cancelledAt;
    List<FreezePeriod> freezes = List.of();
    Set<String> locations = Set.of();
    WeeklyHours hours = WeeklyHours.ALWAYS;

    MembershipFacts build() {
      return new MembershipFacts(
          id, "Gold", start, end, status, cancelledAt, freezes, locations, hours);
    }
  }

  private static Membership membership() {
    return new Membership();
  }

  private Scan scan() {
    return new Scan();
  }

  private static void assertDenied(Verdict verdict, ReasonCode... reasons) {
    assertEquals(Decision.DENIED, verdict.decision());
    assertEquals(List.of(reasons), verdict.reasons());
    assertFalse(verdict.opensVisit(), "a denied entry opens no visit");
  }

  private static void assertGranted(Verdict verdict) {
    assertEquals(Decision.GRANTED, verdict.decision());
    assertEquals(List.of(), verdict.reasons());
  }

  @Test
  void grantsActiveMemberWithNoReasonsAndOpensVisit() {
    Verdict verdict = scan().verdict();

    assertGranted(verdict);
    assertTrue(verdict.opensVisit());
    assertFalse(verdict.closesVisit());
    assertFalse(verdict.repeatScan());
    assertEquals(MEMBERSHIP_ID, verdict.membershipId());
  }

  // Credential

  @Test
  void deniesUnknownCredentialWithReason() {
    Scan scan = scan();
    scan.credential = Optional.empty();

    Verdict verdict = scan.verdict();

    assertDenied(verdict, UNKNOWN_CREDENTIAL);
    assertNull(verdict.membershipId());
  }

  @Test
  void unknownCredentialStillReportsClosedAndFullLocation() {
    Scan scan = scan();
    scan.credential = Optional.empty();
    scan.closed = true;
    scan.occupancy = scan.capacity;

    assertDenied(scan.verdict(), UNKNOWN_CREDENTIAL, LOCATION_CLOSED, CAPACITY_FULL);
  }

  @ParameterizedTest
  @EnumSource(
      value = CredentialStatus.class,
      names = {"LOST", "REPLACED", "BLOCKED"})
  void deniesLostReplacedOrBlockedCredential(CredentialStatus status) {
    Scan scan = scan();
    scan.credential = Optional.of(new CredentialFacts(42, "Ana Novak", status));

    assertDenied(scan.verdict(), CREDENTIAL_BLOCKED);
  }

  @Test
  void blockedCredentialStillHasItsMembershipJudged() {
    Membership expired = membership();
    expired.end = NOW.minusSeconds(1);
    Scan scan = scan().with(expired);
    scan.credential = Optional.of(new CredentialFacts(42, "Ana Novak", CredentialStatus.LOST));

    Verdict verdict = scan.verdict();

    assertDenied(verdict, CREDENTIAL_BLOCKED, MEMBERSHIP_EXPIRED);
    assertEquals(MEMBERSHIP_ID, verdict.membershipId());
  }

  // Memberships

  @Test
  void deniesMemberWithoutMembership() {
    Scan scan = scan();
    scan.memberships = List.of();

    Verdict verdict = scan.verdict();

    assertDenied(verdict, NO_MEMBERSHIP);
    assertNull(verdict.membershipId());
  }

  @Test
  void deniesMembershipNotYetStarted() {
    Membership future = membership();
    future.start = NOW.plusSeconds(1);

    assertDenied(scan().with(future).verdict(), MEMBERSHIP_NOT_STARTED);
  }

  @Test
  void membershipStartInstantIsInclusive() {
    Membership startingNow = membership();
    startingNow.start = NOW;

    assertGranted(scan().with(startingNow).verdict());
  }

  @Test
  void deniesExpiredMembershipWithReason() {
    Membership expired = membership();
    expired.end = NOW.minusSeconds(3600);

    Verdict verdict = scan().with(expired).verdict();

    assertDenied(verdict, MEMBERSHIP_EXPIRED);
    assertEquals(MEMBERSHIP_ID, verdict.membershipId());
  }

  @Test
  void membershipEndInstantIsExclusive() {
    Membership endingNow = membership();
    endingNow.end = NOW;
    Membership endingNextInstant = membership();
    endingNextInstant.end = NOW.plusNanos(1);

    assertDenied(scan().with(endingNow).verdict(), MEMBERSHIP_EXPIRED);
    assertGranted(scan().with(endingNextInstant).verdict());
  }

  @Test
  void openEndedMembershipNeverExpires() {
    Membership openEnded = membership();
    openEnded.end = null;
    Scan scan = scan().with(openEnded);
    scan.now = Instant.parse("2099-12-31T12:00:00Z");

    assertGranted(scan.verdict());
  }

  @Test
  void deniesMembershipFrozenForThisPeriod() {
    Membership frozen = membership();
    frozen.freezes = List.of(new FreezePeriod(NOW.minusSeconds(60), NOW.plusSeconds(60)));

    assertDenied(scan().with(frozen).verdict(), MEMBERSHIP_FROZEN);
  }

  @Test
  void freezeEndInstantIsExclusiveAndStartInclusive() {
    Membership thawsNow = membership();
    thawsNow.freezes = List.of(new FreezePeriod(NOW.minusSeconds(60), NOW));
    Membership freezesNow = membership();
    freezesNow.freezes = List.of(new FreezePeriod(NOW, NOW.plusSeconds(60)));

    assertGranted(scan().with(thawsNow).verdict());
    assertDenied(scan().with(freezesNow).verdict(), MEMBERSHIP_FROZEN);
  }

  @Test
  void openEndedFreezeKeepsMembershipFrozen() {
    Membership frozen = membership();
    frozen.freezes = List.of(new FreezePeriod(NOW.minusSeconds(86_400), null));

    assertDenied(scan().with(frozen).verdict(), MEMBERSHIP_FROZEN);
  }

  @Test
  void frozenStatusWithoutPeriodCountsAsFrozen() {
    Membership frozen = membership();
    frozen.status = MembershipStatus.FROZEN;

    assertDenied(scan().with(frozen).verdict(), MEMBERSHIP_FROZEN);
  }

  @Test
  void deniesCancelledMembershipOnceCancellationTakesEffect() {
    Membership cancelled = membership();
    cancelled.status = MembershipStatus.CANCELLED;
    cancelled.cancelledAt = NOW;

    assertDenied(scan().with(cancelled).verdict(), MEMBERSHIP_CANCELLED);
  }

  @Test
  void cancellationWithoutDateTakesEffectAtOnce() {
    Membership cancelled = membership();
    cancelled.status = MembershipStatus.CANCELLED;

    assertDenied(scan().with(cancelled).verdict(), MEMBERSHIP_CANCELLED);
  }

  @Test
  void cancellationTakingEffectLaterStillAdmits() {
    Membership cancelled = membership();
    cancelled.status = MembershipStatus.CANCELLED;
    cancelled.cancelledAt = NOW.plusSeconds(1);

    assertGranted(scan().with(cancelled).verdict());
  }

  @Test
  void deniesMembershipForOtherLocations() {
    Membership elsewhere = membership();
    elsewhere.locations = Set.of("uptown", "riverside");
    Membership here = membership();
    here.locations = Set.of("uptown", "downtown");

    assertDenied(scan().with(elsewhere).verdict(), LOCATION_NOT_ALLOWED);
    assertGranted(scan().with(here).verdict());
  }

  @Test
  void deniesEntryOutsideAllowedHours() {
    Membership mornings = membership();
    mornings.hours = WeeklyHours.parse("MON-SUN 06:00-12:00");

    // 12:00Z is 13:00 in Ljubljana.
    assertDenied(scan().with(mornings).verdict(), OUTSIDE_ALLOWED_HOURS);
  }

  @Test
  void allowedHoursAreJudgedInTheLocationsTimeZone() {
    Membership mornings = membership();
    mornings.hours = WeeklyHours.parse("MON-SUN 06:00-10:00");
    Scan scan = scan().with(mornings);
    scan.zone = NEW_YORK;

    // 12:00Z is 07:00 in New York, though past 10:00 in UTC and in Ljubljana.
    assertGranted(scan.verdict());
  }

  @Test
  void reportsEveryFailingReasonNotJustTheFirst() {
    Membership poor = membership();
    poor.end = NOW.minusSeconds(1);
    poor.status = MembershipStatus.CANCELLED;
    poor.locations = Set.of("uptown");
    poor.hours = WeeklyHours.parse("MON-FRI 06:00-08:00");
    Scan scan = scan().with(poor);
    scan.closed = true;
    scan.occupancy = scan.capacity;
    scan.credential = Optional.of(new CredentialFacts(42, "Ana Novak", CredentialStatus.BLOCKED));

    assertDenied(
        scan.verdict(),
        CREDENTIAL_BLOCKED,
        MEMBERSHIP_EXPIRED,
        MEMBERSHIP_CANCELLED,
        LOCATION_NOT_ALLOWED,
        OUTSIDE_ALLOWED_HOURS,
        LOCATION_CLOSED,
        CAPACITY_FULL);
  }

  @Test
  void judgesTheMembershipWithFewestReasonsAndNamesIt() {
    Membership expiredElsewhere = membership();
    expiredElsewhere.id = 1;
    expiredElsewhere.end = NOW.minusSeconds(1);
    expiredElsewhere.locations = Set.of("uptown");
    Membership frozen = membership();
    frozen.id = 2;
    frozen.status = MembershipStatus.FROZEN;
    Scan scan = scan();
    scan.memberships = List.of(expiredElsewhere.build(), frozen.build());

    Verdict verdict = scan.verdict();

    assertDenied(verdict, MEMBERSHIP_FROZEN);
    assertEquals(2L, verdict.membershipId());
  }

  @Test
  void anyValidMembershipGrants() {
    Membership expired = membership();
    expired.id = 1;
    expired.end = NOW.minusSeconds(1);
    Membership valid = membership();
    valid.id = 2;
    Scan scan = scan();
    scan.memberships = List.of(expired.build(), valid.build());

    Verdict verdict = scan.verdict();

    assertGranted(verdict);
    assertEquals(2L, verdict.membershipId());
  }

  @Test
  void equallyFailingMembershipsAreJudgedByTheLatestStart() {
    Membership older = membership();
    older.id = 1;
    older.start = TERM_START.minusSeconds(86_400);
    older.end = NOW;
    Membership newer = membership();
    newer.id = 2;
    newer.start = NOW.plusSeconds(86_400);
    Scan scan = scan();
    scan.memberships = List.of(older.build(), newer.build());

    Verdict verdict = scan.verdict();

    assertDenied(verdict, MEMBERSHIP_NOT_STARTED);
    assertEquals(2L, verdict.membershipId());
  }

  @Test
  void membershipThatOnlyWarnsBeatsOneThatDeniesWithFewerReasons() {
    CheckinRules lenientOnPlaces =
        new CheckinRules(
            RulePolicy.fromSettings(
                Map.of(
                    "avgym.checkin.action.LOCATION_NOT_ALLOWED", "warn",
                    "avgym.checkin.action.OUTSIDE_ALLOWED_HOURS", "warn")));
    Membership expired = membership();
    expired.id = 1;
    expired.end = NOW.minusSeconds(1);
    Membership elsewhereInTheMorning = membership();
    elsewhereInTheMorning.id = 2;
    elsewhereInTheMorning.locations = Set.of("uptown");
    elsewhereInTheMorning.hours = WeeklyHours.parse("MON-SUN 06:00-08:00");
    Scan scan = scan();
    scan.memberships = List.of(expired.build(), elsewhereInTheMorning.build());

    Verdict verdict = scan.judgedBy(lenientOnPlaces);

    assertEquals(Decision.WARNED, verdict.decision());
    assertEquals(List.of(LOCATION_NOT_ALLOWED, OUTSIDE_ALLOWED_HOURS), verdict.reasons());
    assertEquals(2L, verdict.membershipId());
    assertTrue(verdict.opensVisit());
  }

  // Location

  @Test
  void deniesEntryWhenStaffClosedTheLocation() {
    Scan scan = scan();
    scan.closed = true;

    assertDenied(scan.verdict(), LOCATION_CLOSED);
  }

  @Test
  void deniesEntryOutsideOpeningHours() {
    Scan scan = scan();
    scan.openingHours = WeeklyHours.parse("MON-FRI 06:00-22:00");

    // NOW is a Saturday.
    assertDenied(scan.verdict(), LOCATION_CLOSED);
  }

  @Test
  void openingHoursFollowLocationTimeZoneAcrossSpringForward() {
    // Ljubljana moves from UTC+1 to UTC+2 at 02:00 on Sunday 29 March 2026.
    Scan scan = scan();
    scan.openingHours = WeeklyHours.parse("MON-SUN 06:00-22:00");

    scan.now = Instant.parse("2026-03-28T04:30:00Z"); // 05:30 CET
    assertDenied(scan.verdict(), LOCATION_CLOSED);
    scan.now = Instant.parse("2026-03-29T03:30:00Z"); // 05:30 CEST
    assertDenied(scan.verdict(), LOCATION_CLOSED);
    scan.now = Instant.parse("2026-03-29T04:00:00Z"); // 06:00 CEST, opening instant
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-03-29T19:59:59Z"); // 21:59:59 CEST
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-03-29T20:00:00Z"); // 22:00 CEST, closing instant
    assertDenied(scan.verdict(), LOCATION_CLOSED);
  }

  @Test
  void openingHoursFollowLocationTimeZoneAcrossFallBack() {
    // New York moves from UTC-4 to UTC-5 at 02:00 on Sunday 1 November 2026.
    Scan scan = scan();
    scan.zone = NEW_YORK;
    scan.openingHours = WeeklyHours.parse("MON-SUN 06:00-22:00");

    scan.now = Instant.parse("2026-10-31T10:30:00Z"); // 06:30 EDT
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-11-01T10:30:00Z"); // 05:30 EST
    assertDenied(scan.verdict(), LOCATION_CLOSED);
    scan.now = Instant.parse("2026-11-01T11:00:00Z"); // 06:00 EST, opening instant
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-11-02T02:59:59Z"); // 21:59:59 EST
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-11-02T03:00:00Z"); // 22:00 EST, closing instant
    assertDenied(scan.verdict(), LOCATION_CLOSED);
  }

  @Test
  void repeatedHourOfFallBackIsInsideHoursBothTimes() {
    Membership earlyBird = membership();
    earlyBird.hours = WeeklyHours.parse("SUN 01:00-01:30");
    Scan scan = scan().with(earlyBird);
    scan.zone = NEW_YORK;

    scan.now = Instant.parse("2026-11-01T05:15:00Z"); // 01:15 EDT
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-11-01T06:15:00Z"); // 01:15 EST, an hour later
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-11-01T06:30:00Z"); // 01:30 EST
    assertDenied(scan.verdict(), OUTSIDE_ALLOWED_HOURS);
  }

  @Test
  void overnightHoursCloseAtWallClockTimeOnSpringForwardNight() {
    // New York skips from 02:00 to 03:00 on Sunday 8 March 2026.
    Membership nightOwl = membership();
    nightOwl.hours = WeeklyHours.parse("SAT 22:00-03:00");
    Scan scan = scan().with(nightOwl);
    scan.zone = NEW_YORK;

    scan.now = Instant.parse("2026-03-08T03:00:00Z"); // Saturday 22:00 EST
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-03-08T06:59:59Z"); // Sunday 01:59:59 EST
    assertGranted(scan.verdict());
    scan.now = Instant.parse("2026-03-08T07:00:00Z"); // Sunday 03:00 EDT
    assertDenied(scan.verdict(), OUTSIDE_ALLOWED_HOURS);
  }

  // Repeat scans and anti-passback

  @Test
  void repeatScanWithinWindowIsWarnedAndNotCountedTwice() {
    Scan scan = scan();
    scan.inside = true;
    scan.lastEntry = Optional.of(NOW.minusSeconds(59));

    Verdict verdict = scan.verdict();

    assertEquals(Decision.WARNED, verdict.decision());
    assertEquals(List.of(REPEAT_SCAN), verdict.reasons());
    assertTrue(verdict.repeatScan());
    assertFalse(verdict.opensVisit());
  }

  @Test
  void scanExactlyOneWindowAfterTheLastEntryIsNoRepeat() {
    Scan scan = scan();
    scan.lastEntry = Optional.of(NOW.minus(RulePolicy.DEFAULT_REPEAT_WINDOW));

    Verdict verdict = scan.verdict();

    assertGranted(verdict);
    assertFalse(verdict.repeatScan());
    assertTrue(verdict.opensVisit());
  }

  @Test
  void replayedScanJustBeforeTheLastEntryIsARepeat() {
    Scan scan = scan();
    scan.inside = true;
    scan.lastEntry = Optional.of(NOW.plusSeconds(20));

    Verdict verdict = scan.verdict();

    assertEquals(List.of(REPEAT_SCAN), verdict.reasons());
    assertFalse(verdict.opensVisit());
  }

  @Test
  void deniesEntryOfSomeoneAlreadyInsideAfterTheRepeatWindow() {
    Scan scan = scan();
    scan.inside = true;
    scan.lastEntry = Optional.of(NOW.minusSeconds(3600));

    Verdict verdict = scan.verdict();

    assertDenied(verdict, ALREADY_INSIDE);
    assertFalse(verdict.repeatScan());
  }

  @Test
  void zeroRepeatWindowTurnsRepeatDetectionOff() {
    CheckinRules strict =
        new CheckinRules(RulePolicy.fromSettings(Map.of(RulePolicy.REPEAT_WINDOW_SECONDS, "0")));
    Scan scan = scan();
    scan.inside = true;
    scan.lastEntry = Optional.of(NOW);

    assertDenied(scan.judgedBy(strict), ALREADY_INSIDE);
  }

  @Test
  void repeatScanStillReportsMembershipReasons() {
    Membership expired = membership();
    expired.end = NOW.minusSeconds(10);
    Scan scan = scan().with(expired);
    scan.lastEntry = Optional.of(NOW.minusSeconds(15));

    Verdict verdict = scan.verdict();

    assertDenied(verdict, MEMBERSHIP_EXPIRED, REPEAT_SCAN);
    assertTrue(verdict.repeatScan());
  }

  // Capacity

  @Test
  void deniesEntryWhenCapacityIsReached() {
    Scan scan = scan();
    scan.occupancy = scan.capacity;

    assertDenied(scan.verdict(), CAPACITY_FULL);
  }

  @Test
  void admitsTheLastPersonBelowCapacity() {
    Scan scan = scan();
    scan.occupancy = scan.capacity - 1;

    assertGranted(scan.verdict());
  }

  @Test
  void zeroCapacityIsUnlimited() {
    Scan scan = scan();
    scan.capacity = 0;
    scan.occupancy = 10_000;

    assertGranted(scan.verdict());
  }

  @Test
  void capacityFullDeniesButLetsSomeoneAlreadyInsideRepeat() {
    Scan newcomer = scan();
    newcomer.occupancy = newcomer.capacity;
    Scan repeater = scan();
    repeater.occupancy = repeater.capacity;
    repeater.inside = true;
    repeater.lastEntry = Optional.of(NOW.minusSeconds(5));

    assertDenied(newcomer.verdict(), CAPACITY_FULL);
    Verdict verdict = repeater.verdict();
    assertEquals(Decision.WARNED, verdict.decision());
    assertEquals(List.of(REPEAT_SCAN), verdict.reasons());
    assertFalse(verdict.opensVisit());
  }

  @Test
  void someoneAlreadyInsideIsNotAlsoReportedForCapacity() {
    Scan scan = scan();
    scan.occupancy = scan.capacity;
    scan.inside = true;

    assertDenied(scan.verdict(), ALREADY_INSIDE);
  }

  // Leaving

  @Test
  void checkoutOfSomeoneInsideIsGrantedAndClosesTheVisit() {
    Scan scan = scan();
    scan.direction = Direction.OUT;
    scan.inside = true;

    Verdict verdict = scan.verdict();

    assertGranted(verdict);
    assertTrue(verdict.closesVisit());
    assertFalse(verdict.opensVisit());
  }

  @Test
  void checkoutOfSomeoneNotInsideIsWarned() {
    Scan scan = scan();
    scan.direction = Direction.OUT;

    Verdict verdict = scan.verdict();

    assertEquals(Decision.WARNED, verdict.decision());
    assertEquals(List.of(NOT_INSIDE), verdict.reasons());
    assertFalse(verdict.closesVisit());
  }

  @Test
  void checkoutIsNeverDeniedForMembershipHoursOrCapacity() {
    Membership poor = membership();
    poor.end = NOW.minusSeconds(1);
    poor.status = MembershipStatus.FROZEN;
    poor.locations = Set.of("uptown");
    poor.hours = WeeklyHours.parse("MON 06:00-07:00");
    Scan scan = scan().with(poor);
    scan.direction = Direction.OUT;
    scan.inside = true;
    scan.closed = true;
    scan.occupancy = scan.capacity + 5;
    scan.lastEntry = Optional.of(NOW.minusSeconds(1));

    Verdict verdict = scan.verdict();

    assertGranted(verdict);
    assertTrue(verdict.closesVisit());
  }

  @Test
  void checkoutWithUnknownCredentialIsDeniedForThatAlone() {
    Scan scan = scan();
    scan.direction = Direction.OUT;
    scan.credential = Optional.empty();

    Verdict verdict = scan.verdict();

    assertDenied(verdict, UNKNOWN_CREDENTIAL);
    assertFalse(verdict.closesVisit());
  }

  @Test
  void checkoutWithBlockedCredentialIsDeniedAndLeavesTheVisitOpen() {
    Scan scan = scan();
    scan.direction = Direction.OUT;
    scan.inside = true;
    scan.credential = Optional.of(new CredentialFacts(42, "Ana Novak", CredentialStatus.BLOCKED));

    Verdict verdict = scan.verdict();

    assertDenied(verdict, CREDENTIAL_BLOCKED);
    assertFalse(verdict.closesVisit());
  }

  // Policy

  @Test
  void customPolicyTurnsCapacityIntoWarning() {
    CheckinRules lenient =
        new CheckinRules(
            RulePolicy.fromSettings(Map.of("avgym.checkin.action.CAPACITY_FULL", "warn")));
    Scan scan = scan();
    scan.occupancy = scan.capacity;

    Verdict verdict = scan.judgedBy(lenient);

    assertEquals(Decision.WARNED, verdict.decision());
    assertEquals(List.of(CAPACITY_FULL), verdict.reasons());
    assertTrue(verdict.opensVisit());
  }

  @Test
  void customPolicyCanDenyRepeatScans() {
    CheckinRules strict =
        new CheckinRules(
            RulePolicy.fromSettings(Map.of("avgym.checkin.action.REPEAT_SCAN", "deny")));
    Scan scan = scan();
    scan.inside = true;
    scan.lastEntry = Optional.of(NOW.minusSeconds(10));

    Verdict verdict = scan.judgedBy(strict);

    assertDenied(verdict, REPEAT_SCAN);
    assertTrue(verdict.repeatScan());
  }

  @Test
  void warningOnlyReasonsStillDenyWhenAnyReasonDenies() {
    Scan scan = scan();
    scan.closed = true;
    scan.lastEntry = Optional.of(NOW.minusSeconds(10));

    assertDenied(scan.verdict(), LOCATION_CLOSED, REPEAT_SCAN);
  }
}
