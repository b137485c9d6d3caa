package org.avgym.dashboard.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.avgym.checkin.boundary.CheckinGate;
import org.avgym.checkin.boundary.Checkins;
import org.avgym.checkin.control.LocationGate;
import org.avgym.checkin.entity.CheckinRequest;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.CheckinView;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.ManualCheckin;
import org.avgym.devices.boundary.DeviceRegistry;
import org.avgym.devices.entity.DeviceView;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.LocationView;
import org.avgym.members.boundary.MemberPhotos;
import org.avgym.members.boundary.Members;
import org.avgym.members.boundary.Memberships;
import org.avgym.members.entity.ChangePreview;
import org.avgym.members.entity.MemberView;
import org.avgym.members.entity.MembershipChange;
import org.avgym.members.entity.MembershipView;
import org.avgym.platform.control.Refusal;

/**
 * The desk at a glance: when a card is scanned at one of this club's desk devices, or typed (or
 * read by a USB reader) into the desk check-in field, the member's card pops up with their photo,
 * name, memberships and today's decision with every reason, and the usual next steps: let them in
 * anyway with a reason, renew, unfreeze. Scans arrive on the live channel ({@code desk-popup.js}).
 */
@Named
@ViewScoped
public class DeskPopup implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Recorded with every check-in typed into the desk field: the card was shown at the desk. */
  static final String SCAN_REASON = "Scanned at the desk";

  private static final Map<String, String> FIELDS =
      Map.of(
          "location", "desk-scan:scan-club",
          "credential", "desk-scan:scan-card",
          "reason", "popup-form:override-reason");

  @Inject CheckinGate gate;
  @Inject Checkins checkins;
  @Inject Members members;
  @Inject MemberPhotos photos;
  @Inject Memberships memberships;
  @Inject Locations locations;
  @Inject DeviceRegistry devices;
  @Inject DeskStation station;
  @Inject CurrentUser user;

  private List<LocationView> clubs;
  private String deskDevices;
  private String card;
  private CheckinView checkin;
  private MemberView member;
  private Long photoVersion;
  private List<MembershipView> membershipList = List.of();
  private String overrideReason;
  private ChangePreview renewal;

  /** The choices and this club's desk devices, once per view. */
  public void open() {
    if (clubs == null) {
      clubs = locations.all().stream().map(LocationView::of).toList();
      deskDevices =
          devices.all().stream()
              .filter(d -> "desk".equals(d.kind()))
              // No club chosen (a chain-wide view): no desk's scans pop up, or every desk scan
              // anywhere in the chain would cover the Overview with a modal.
              .filter(
                  d -> station.getLocation() != null && station.getLocation().equals(d.location()))
              .map(DeviceView::code)
              .collect(Collectors.joining(" "));
    }
  }

  /** The desk's club changed: its desk devices are the ones whose scans pop up. */
  public void clubChanged() {
    clubs = null;
    open();
  }

  /** A card typed into the desk field: checked in at this desk's club, then shown. */
  public void scan() {
    if (station.getLocation() == null) {
      Feedback.error("Not checked in", "location", "choose this desk's club first", FIELDS);
      return;
    }
    if (card == null || card.isBlank()) {
      Feedback.error("Not checked in", "credential", "scan or type a card", FIELDS);
      return;
    }
    // The same checks as a manual check-in over the API (length, characters).
    if (!Feedback.valid(
        "Not checked in",
        new ManualCheckin(station.getLocation(), card.trim(), "in", SCAN_REASON, false, null),
        FIELDS)) {
      return;
    }
    try {
      CheckinResult result = checkIn(station.getLocation(), card.trim(), SCAN_REASON, false);
      card = null;
      show(result.checkinId());
    } catch (LocationGate.Busy busy) {
      Feedback.error("Not checked in", null, Feedback.CLUB_BUSY, FIELDS);
    } catch (Refusal refusal) {
      Feedback.refused("Not checked in", refusal, FIELDS);
    }
  }

  /** A scan at a desk device, from the live channel: the check-in id in the request. */
  public void scanned() {
    String id =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("checkin");
    try {
      show(Long.parseLong(id));
    } catch (NumberFormatException e) {
      Feedback.error("No card to show", null, "not a check-in: " + id, FIELDS);
    }
  }

  /** A check-in in by this staff member at {@code location}, decided like any other. */
  private CheckinResult checkIn(
      String location, String credential, String reason, boolean override) {
    return gate.decide(
        CheckinRequest.byStaff(
            user.getName(),
            locations.require(location).getId(),
            UUID.randomUUID().toString(),
            credential,
            Direction.IN,
            reason,
            override));
  }

  private void show(long checkinId) {
    checkin = checkins.one(checkinId).orElse(null);
    overrideReason = null;
    renewal = null;
    loadMember();
  }

  private void loadMember() {
    if (checkin == null || checkin.member() == null) {
      member = null;
      membershipList = List.of();
      photoVersion = null;
      return;
    }
    long id = checkin.member().id();
    member = MemberView.of(members.require(id));
    photoVersion = photos.version(id).orElse(null);
    membershipList = members.memberships(id).stream().map(MembershipView::of).toList();
  }

  /** Lets the member in although the rules denied, with the reason staff give. */
  public void override() {
    if (overrideReason == null || overrideReason.isBlank()) {
      Feedback.error("Not let in", "reason", "say why you let this member in", FIELDS);
      return;
    }
    if (!Feedback.valid(
        "Not let in",
        new ManualCheckin(
            checkin.location(), checkin.credential(), "in", overrideReason.trim(), true, null),
        FIELDS)) {
      return;
    }
    try {
      CheckinResult result =
          checkIn(checkin.location(), checkin.credential(), overrideReason.trim(), true);
      Feedback.done("Let in with a warning", checkin.member().name());
      show(result.checkinId());
    } catch (LocationGate.Busy busy) {
      Feedback.error("Not let in", null, Feedback.CLUB_BUSY, FIELDS);
    } catch (Refusal refusal) {
      Feedback.refused("Not let in", refusal, FIELDS);
    }
  }

  /** Shows what renewing the member's latest membership from today would do. */
  public void previewRenewal() {
    MembershipView latest = latest();
    if (latest == null) {
      Feedback.error("Nothing to renew", null, "the member has no membership to renew", FIELDS);
      return;
    }
    try {
      renewal = memberships.preview(renewalOf(latest));
    } catch (Refusal refusal) {
      Feedback.refused("Not renewed", refusal, FIELDS);
    }
  }

  public void renew() {
    try {
      memberships.apply(renewalOf(latest()));
      Feedback.done("Membership renewed", renewal.next().plan());
      renewal = null;
      loadMember();
    } catch (Refusal refusal) {
      Feedback.refused("Not renewed", refusal, FIELDS);
    }
  }

  public void unfreeze(MembershipView membership) {
    try {
      memberships.unfreeze(membership.id());
      Feedback.done("Membership unfrozen", membership.plan());
      loadMember();
    } catch (Refusal refusal) {
      Feedback.refused("Not unfrozen", refusal, FIELDS);
    }
  }

  /** A renewal from the end when the membership still runs, otherwise from today. */
  private MembershipChange renewalOf(MembershipView latest) {
    Instant now = Instant.now();
    Instant from = latest.endsAt() != null && latest.endsAt().isAfter(now) ? latest.endsAt() : now;
    return MembershipChange.renewal(latest.id(), null, from);
  }

  private MembershipView latest() {
    return membershipList.stream()
        .filter(m -> !"cancelled".equals(m.status()))
        .max(Comparator.comparing(MembershipView::startsAt))
        .orElse(null);
  }

  public boolean isDenied() {
    return checkin != null && "denied".equals(checkin.decision());
  }

  public boolean isFrozen(MembershipView membership) {
    return "frozen".equals(membership.status());
  }

  /** A membership's state today: running, not started, ended, frozen or cancelled. */
  public String state(MembershipView membership) {
    Instant now = Instant.now();
    if (!"active".equals(membership.status())) {
      return membership.status();
    }
    if (membership.startsAt().isAfter(now)) {
      return "not started";
    }
    if (membership.endsAt() != null && !membership.endsAt().isAfter(now)) {
      return "expired";
    }
    return "active";
  }

  public List<LocationView> getClubs() {
    open();
    return clubs;
  }

  public String getDeskDevices() {
    open();
    return deskDevices;
  }

  public String getCard() {
    return card;
  }

  public void setCard(String card) {
    this.card = card;
  }

  public CheckinView getCheckin() {
    return checkin;
  }

  public MemberView getMember() {
    return member;
  }

  public Long getPhotoVersion() {
    return photoVersion;
  }

  public List<MembershipView> getMemberships() {
    return membershipList;
  }

  public String getOverrideReason() {
    return overrideReason;
  }

  public void setOverrideReason(String overrideReason) {
    this.overrideReason = overrideReason;
  }

  public ChangePreview getRenewal() {
    return renewal;
  }
}
