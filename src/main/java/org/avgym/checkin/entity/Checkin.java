package org.avgym.checkin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.avgym.devices.entity.Device;
import org.avgym.locations.entity.Location;
import org.avgym.members.entity.Member;

/** One recorded decision, unique per (client, request id): the key of idempotent retries. */
@Entity
@Table(name = "checkin")
@NamedQuery(
    name = Checkin.BY_REQUEST,
    query =
        "select c from Checkin c left join fetch c.member join fetch c.location"
            + " where c.clientKey = :client and c.requestId = :request")
public class Checkin {

  public static final String BY_REQUEST = "Checkin.byRequest";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "client_key", nullable = false, length = 80)
  private String clientKey;

  @Column(name = "request_id", nullable = false, length = 64)
  private String requestId;

  @Column(name = "server_time", nullable = false)
  private Instant serverTime;

  @Column(name = "device_time")
  private Instant deviceTime;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "device_id")
  private Device device;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "location_id")
  private Location location;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "member_id")
  private Member member;

  @Column(name = "membership_id")
  private Long membershipId;

  @Column(name = "credential_value", length = 128)
  private String credentialValue;

  @Column(length = 16)
  private String method;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 4)
  private Direction direction;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Decision decision;

  /** Reason codes, comma-separated, in the order of {@link ReasonCode}. */
  @Column(nullable = false, length = 512)
  private String reasons;

  @Column(name = "occupancy_after", nullable = false)
  private int occupancyAfter;

  @Column(name = "staff_user", length = 64)
  private String staffUser;

  @Column(name = "override_reason", length = 512)
  private String overrideReason;

  /** Staff let this person in although the rules denied: recorded as warned, reasons kept. */
  @Column(nullable = false)
  private boolean overridden;

  protected Checkin() {}

  public Checkin(
      String clientKey,
      String requestId,
      Instant serverTime,
      Instant deviceTime,
      Device device,
      Location location,
      Member member,
      String credentialValue,
      String method,
      Direction direction,
      Verdict verdict,
      int occupancyAfter) {
    this.clientKey = clientKey;
    this.requestId = requestId;
    this.serverTime = serverTime;
    this.deviceTime = deviceTime;
    this.device = device;
    this.location = location;
    this.member = member;
    this.membershipId = verdict.membershipId();
    this.credentialValue = credentialValue;
    this.method = method;
    this.direction = direction;
    this.decision = verdict.decision();
    this.reasons = verdict.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
    this.occupancyAfter = occupancyAfter;
  }

  /**
   * Records the staff member who made this decision by hand, and why; {@code overridden} when they
   * let in someone the rules denied.
   */
  public void byStaff(String staffUser, String reason, boolean overridden) {
    this.staffUser = staffUser;
    this.overrideReason = reason;
    this.overridden = overridden;
  }

  public Long getId() {
    return id;
  }

  public String getClientKey() {
    return clientKey;
  }

  public String getRequestId() {
    return requestId;
  }

  public Instant getServerTime() {
    return serverTime;
  }

  public Instant getDeviceTime() {
    return deviceTime;
  }

  public Device getDevice() {
    return device;
  }

  public Location getLocation() {
    return location;
  }

  public Member getMember() {
    return member;
  }

  public Long getMembershipId() {
    return membershipId;
  }

  public String getCredentialValue() {
    return credentialValue;
  }

  public String getMethod() {
    return method;
  }

  public Direction getDirection() {
    return direction;
  }

  public Decision getDecision() {
    return decision;
  }

  public List<ReasonCode> getReasons() {
    if (reasons == null || reasons.isBlank()) {
      return List.of();
    }
    return Arrays.stream(reasons.split(",")).map(ReasonCode::valueOf).toList();
  }

  public int getOccupancyAfter() {
    return occupancyAfter;
  }

  public String getStaffUser() {
    return staffUser;
  }

  public String getOverrideReason() {
    return overrideReason;
  }

  public boolean isOverridden() {
    return overridden;
  }
}
