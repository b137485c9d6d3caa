package org.avgym.checkin.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.avgym.checkin.control.CheckinMetrics;
import org.avgym.checkin.control.CheckinRules;
import org.avgym.checkin.entity.Checkin;
import org.avgym.checkin.entity.CheckinFacts;
import org.avgym.checkin.entity.CheckinRecorded;
import org.avgym.checkin.entity.CheckinRequest;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.CredentialFacts;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.LocationFacts;
import org.avgym.checkin.entity.MembershipFacts;
import org.avgym.checkin.entity.Verdict;
import org.avgym.checkin.entity.Visit;
import org.avgym.devices.entity.Device;
import org.avgym.locations.entity.Location;
import org.avgym.members.entity.Credential;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.Membership;

/**
 * Decides and records a check-in in one transaction: idempotency by (client, request id), every
 * rule, the record, the visit and the occupancy. The location row is locked first, so two devices
 * competing for the last place are served one after the other and cannot both get in, and a retry
 * racing its original finds it recorded. The result returns only after commit.
 */
@Stateless
public class CheckinDesk {

  /** How stale a device's last-seen time may get: saves a row update on most check-ins. */
  static final Duration LAST_SEEN_RESOLUTION = Duration.ofSeconds(30);

  @PersistenceContext EntityManager em;
  @Inject CheckinRules rules;
  @Inject Event<CheckinRecorded> recorded;
  @Inject CheckinMetrics metrics;

  public CheckinResult decide(CheckinRequest request) {
    long started = System.nanoTime();
    // A retry of a recorded request is answered without taking the location's lock.
    Optional<Checkin> retried = earlier(request);
    if (retried.isPresent()) {
      return resultOf(retried.get(), retried.get().getLocation()).asReplay();
    }
    // Reads that need no lock come first, so the lock is held as briefly as possible. Nothing
    // here may load the Location: it is loaded once, locked.
    Optional<Credential> credential = credential(request.credential());
    Member member = credential.map(Credential::getMember).orElse(null);
    List<MembershipFacts> memberships =
        member == null ? List.of() : memberships(member).stream().map(MembershipFacts::of).toList();
    Location location =
        em.find(Location.class, request.locationId(), LockModeType.PESSIMISTIC_WRITE);
    if (location == null) {
      throw new IllegalArgumentException("no location " + request.locationId());
    }
    // Under the lock: a retry racing its original finds it here.
    Optional<Checkin> earlier = earlier(request);
    if (earlier.isPresent()) {
      return resultOf(earlier.get(), location).asReplay();
    }
    Instant now = Instant.now();
    List<Visit> openVisits = member == null ? List.of() : openVisits(member, location);
    CheckinFacts facts =
        new CheckinFacts(
            now,
            request.direction(),
            credential.map(
                c ->
                    new CredentialFacts(
                        c.getMember().getId(), c.getMember().getName(), c.getStatus())),
            memberships,
            new LocationFacts(
                location.getCode(),
                location.getZone(),
                location.getCapacity(),
                location.getOpeningHours(),
                location.isClosed()),
            location.getOccupancy(),
            !openVisits.isEmpty(),
            member == null ? Optional.empty() : lastEntry(member, location));
    Verdict ruled = rules.evaluate(facts);
    Verdict verdict = overridden(ruled, request, member, openVisits.isEmpty());

    if (verdict.opensVisit()) {
      em.persist(new Visit(member.getId(), location.getId(), now));
      location.enter();
    } else if (verdict.closesVisit()) {
      openVisits.forEach(v -> v.close(now, Visit.ClosedBy.CHECKOUT));
      location.leave(openVisits.size());
    }
    Device device = request.deviceId() == null ? null : em.find(Device.class, request.deviceId());
    if (device != null
        && (device.getLastSeenAt() == null
            || device.getLastSeenAt().isBefore(now.minus(LAST_SEEN_RESOLUTION)))) {
      device.seen(now);
    }
    Checkin checkin =
        new Checkin(
            request.clientKey(),
            request.requestId(),
            now,
            request.deviceTime(),
            device,
            location,
            member,
            request.credential(),
            request.method(),
            request.direction(),
            verdict,
            location.getOccupancy());
    if (request.staffUser() != null) {
      checkin.byStaff(request.staffUser(), request.staffReason(), verdict != ruled);
    }
    em.persist(checkin);
    em.flush();
    CheckinResult result = resultOf(checkin, location);
    metrics.recorded(
        verdict.decision(), verdict.reasons(), Duration.ofNanos(System.nanoTime() - started));
    recorded.fire(new CheckinRecorded(result));
    return result;
  }

  /**
   * Staff override: admits someone the rules deny, as WARNED with every reason kept (the protocol's
   * "let in, staff should look"), and opens a visit if they are not inside yet.
   */
  private static Verdict overridden(
      Verdict verdict, CheckinRequest request, Member member, boolean notInside) {
    if (!request.override() || verdict.decision() != Decision.DENIED || member == null) {
      return verdict;
    }
    boolean entering = request.direction() == Direction.IN;
    return new Verdict(
        Decision.WARNED,
        verdict.reasons(),
        verdict.membershipId(),
        entering && notInside && !verdict.repeatScan(),
        !entering && !notInside,
        verdict.repeatScan());
  }

  private Optional<Checkin> earlier(CheckinRequest request) {
    return em.createNamedQuery(Checkin.BY_REQUEST, Checkin.class)
        .setParameter("client", request.clientKey())
        .setParameter("request", request.requestId())
        .getResultStream()
        .findFirst();
  }

  private Optional<Credential> credential(String value) {
    return em.createNamedQuery(Credential.BY_VALUE, Credential.class)
        .setParameter("value", value)
        .getResultStream()
        .findFirst();
  }

  private List<Membership> memberships(Member member) {
    return em.createQuery(
            "select m from Membership m join fetch m.plan where m.member = :member",
            Membership.class)
        .setParameter("member", member)
        .getResultList();
  }

  private List<Visit> openVisits(Member member, Location location) {
    return em.createQuery(
            "select v from Visit v where v.memberId = :member and v.locationId = :location"
                + " and v.outAt is null",
            Visit.class)
        .setParameter("member", member.getId())
        .setParameter("location", location.getId())
        .getResultList();
  }

  private Optional<Instant> lastEntry(Member member, Location location) {
    return Optional.ofNullable(
        em.createQuery(
                "select max(c.serverTime) from Checkin c where c.member = :member"
                    + " and c.location = :location and c.direction = :in and c.decision <> :denied",
                Instant.class)
            .setParameter("member", member)
            .setParameter("location", location)
            .setParameter("in", Direction.IN)
            .setParameter("denied", Decision.DENIED)
            .getSingleResult());
  }

  static CheckinResult resultOf(Checkin checkin, Location location) {
    Member member = checkin.getMember();
    Device device = checkin.getDevice();
    return new CheckinResult(
        checkin.getRequestId(),
        checkin.getId(),
        checkin.getDecision(),
        checkin.getReasons(),
        member == null ? null : member.getId(),
        member == null ? null : member.getName(),
        location.getCode(),
        device == null ? null : device.getCode(),
        checkin.getDirection(),
        checkin.getOccupancyAfter(),
        location.getCapacity(),
        checkin.getServerTime(),
        checkin.getStaffUser(),
        false);
  }
}
