package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.avgym.checkin.boundary.Checkins;
import org.avgym.checkin.entity.CheckinView;
import org.avgym.checkin.entity.VisitView;
import org.avgym.members.boundary.Credentials;
import org.avgym.members.boundary.MemberHistory;
import org.avgym.members.boundary.MemberPhotos;
import org.avgym.members.boundary.Members;
import org.avgym.members.boundary.Memberships;
import org.avgym.members.entity.CancelRequest;
import org.avgym.members.entity.CredentialInput;
import org.avgym.members.entity.CredentialStatus;
import org.avgym.members.entity.CredentialView;
import org.avgym.members.entity.FreezeRequest;
import org.avgym.members.entity.MemberView;
import org.avgym.members.entity.MembershipView;
import org.avgym.members.entity.TimelineEntry;
import org.avgym.platform.control.Refusal;

/**
 * One member at the front desk: memberships with their freezes, credentials, recent check-ins and
 * visits; freeze, unfreeze and cancel memberships; issue, block, unblock and replace credentials.
 * Every change goes through the same services as the REST API and reloads what the page shows.
 */
@Named
@ViewScoped
public class MemberPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many recent check-ins and visits the page lists. */
  static final int RECENT = 20;

  private static final Map<String, String> FREEZE_FIELDS =
      Map.of("until", "freeze-form:freeze-until", "reason", "freeze-form:freeze-reason");
  private static final Map<String, String> CANCEL_FIELDS =
      Map.of("reason", "cancel-form:cancel-reason");
  private static final Map<String, String> ISSUE_FIELDS =
      Map.of("kind", "issue-form:issue-kind", "value", "issue-form:issue-value");
  private static final Map<String, String> REPLACE_FIELDS =
      Map.of("kind", "replace-form:replace-kind", "value", "replace-form:replace-value");

  @Inject Members members;
  @Inject Memberships memberships;
  @Inject Credentials credentials;
  @Inject Checkins checkins;
  @Inject MemberHistory history;
  @Inject MemberPhotos photos;
  @Inject CurrentUser user;

  private Long id;
  private MemberView member;
  private List<MembershipView> membershipList = List.of();
  private List<CredentialView> credentialList = List.of();
  private List<CheckinView> recentCheckins = List.of();
  private List<VisitView> recentVisits = List.of();
  private List<TimelineEntry> timeline = List.of();
  private Long photoVersion;
  private String qrShown;

  private Long selectedMembership;
  private Long selectedCredential;
  private LocalDate freezeUntil;
  private String freezeReason;
  private String cancelReason;
  private String issueKind = "card";
  private String issueValue;
  private String replaceKind = "card";
  private String replaceValue;

  /** Loads the member named by the {@code id} parameter; a missing one shows a message. */
  public void load() {
    if (id == null) {
      Feedback.error("No member chosen", null, "Search for a member first.", Map.of());
      return;
    }
    try {
      member = MemberView.of(members.require(id));
      reload();
    } catch (Refusal refusal) {
      member = null;
      Feedback.refused("Member not found", refusal, Map.of());
    }
  }

  private void reload() {
    membershipList = members.memberships(id).stream().map(MembershipView::of).toList();
    credentialList = members.credentials(id).stream().map(CredentialView::of).toList();
    timeline = history.timeline(id);
    photoVersion = photos.version(id).orElse(null);
  }

  public void showQr(CredentialView credential) {
    qrShown = credential.value();
  }

  public String getQrShown() {
    return qrShown;
  }

  public List<TimelineEntry> getTimeline() {
    return timeline;
  }

  public Long getPhotoVersion() {
    return photoVersion;
  }

  public void select(MembershipView membership) {
    selectedMembership = membership.id();
    freezeUntil = null;
    freezeReason = null;
    cancelReason = null;
  }

  public void selectCredential(CredentialView credential) {
    selectedCredential = credential.id();
    replaceKind = credential.kind();
    replaceValue = null;
  }

  public void freeze() {
    String until =
        freezeUntil == null
            ? null
            : freezeUntil.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant().toString();
    act(
        "Membership not frozen",
        FREEZE_FIELDS,
        () -> {
          memberships.freeze(selectedMembership, new FreezeRequest(null, until, freezeReason));
          Feedback.done(
              "Membership frozen",
              freezeUntil == null ? "until unfrozen" : "through " + freezeUntil);
        });
  }

  public void unfreeze(MembershipView membership) {
    act(
        "Membership not unfrozen",
        Map.of(),
        () -> {
          memberships.unfreeze(membership.id());
          Feedback.done("Membership unfrozen", membership.plan());
        });
  }

  public void cancel() {
    act(
        "Membership not cancelled",
        CANCEL_FIELDS,
        () -> {
          memberships.cancel(selectedMembership, new CancelRequest(cancelReason), user.getName());
          Feedback.done("Membership cancelled", cancelReason);
        });
  }

  public void issue() {
    CredentialInput input = new CredentialInput(issueKind, blankToNull(issueValue));
    if (!Feedback.valid("Credential not issued", input, ISSUE_FIELDS)) {
      return;
    }
    act(
        "Credential not issued",
        ISSUE_FIELDS,
        () -> {
          String value = credentials.issue(id, input).getValue();
          Feedback.done("Credential issued", issueKind + " " + value);
          issueValue = null;
        });
  }

  public void block(CredentialView credential, String status) {
    CredentialStatus why = "lost".equals(status) ? CredentialStatus.LOST : CredentialStatus.BLOCKED;
    act(
        "Credential not blocked",
        Map.of(),
        () -> {
          credentials.block(credential.id(), why);
          Feedback.done(
              why == CredentialStatus.LOST ? "Credential marked lost" : "Credential blocked",
              credential.value());
        });
  }

  public void unblock(CredentialView credential) {
    act(
        "Credential not unblocked",
        Map.of(),
        () -> {
          credentials.unblock(credential.id());
          Feedback.done("Credential unblocked", credential.value());
        });
  }

  public void replace() {
    CredentialInput input = new CredentialInput(replaceKind, blankToNull(replaceValue));
    if (!Feedback.valid("Credential not replaced", input, REPLACE_FIELDS)) {
      return;
    }
    act(
        "Credential not replaced",
        REPLACE_FIELDS,
        () -> {
          String value = credentials.replace(selectedCredential, input).getValue();
          Feedback.done("Credential replaced", "new " + replaceKind + " " + value);
        });
  }

  /**
   * Reads recent check-ins and visits whenever their panel renders, so a manual check-in made on
   * this page shows at once.
   */
  public void refresh() {
    if (member != null) {
      recentCheckins = checkins.recentFor(id, RECENT);
      recentVisits = checkins.recentVisits(id, RECENT);
    }
  }

  private void act(String failure, Map<String, String> fields, Runnable change) {
    try {
      change.run();
      reload();
    } catch (Refusal refusal) {
      Feedback.refused(failure, refusal, fields);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  public boolean isFrozen(MembershipView membership) {
    return "frozen".equals(membership.status());
  }

  public boolean isCancellable(MembershipView membership) {
    return !"cancelled".equals(membership.status()) && !"expired".equals(membership.status());
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public MemberView getMember() {
    return member;
  }

  public List<MembershipView> getMemberships() {
    return membershipList;
  }

  public List<CredentialView> getCredentials() {
    return credentialList;
  }

  public List<CheckinView> getRecentCheckins() {
    return recentCheckins;
  }

  public List<VisitView> getRecentVisits() {
    return recentVisits;
  }

  public LocalDate getFreezeUntil() {
    return freezeUntil;
  }

  public void setFreezeUntil(LocalDate freezeUntil) {
    this.freezeUntil = freezeUntil;
  }

  public String getFreezeReason() {
    return freezeReason;
  }

  public void setFreezeReason(String freezeReason) {
    this.freezeReason = freezeReason;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String cancelReason) {
    this.cancelReason = cancelReason;
  }

  public String getIssueKind() {
    return issueKind;
  }

  public void setIssueKind(String issueKind) {
    this.issueKind = issueKind;
  }

  public String getIssueValue() {
    return issueValue;
  }

  public void setIssueValue(String issueValue) {
    this.issueValue = issueValue;
  }

  public String getReplaceKind() {
    return replaceKind;
  }

  public void setReplaceKind(String replaceKind) {
    this.replaceKind = replaceKind;
  }

  public String getReplaceValue() {
    return replaceValue;
  }

  public void setReplaceValue(String replaceValue) {
    this.replaceValue = replaceValue;
  }
}
