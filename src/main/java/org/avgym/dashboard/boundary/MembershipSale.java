package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.avgym.members.boundary.Memberships;
import org.avgym.members.boundary.Plans;
import org.avgym.members.entity.ChangePreview;
import org.avgym.members.entity.Membership;
import org.avgym.members.entity.MembershipChange;
import org.avgym.members.entity.MembershipView;
import org.avgym.members.entity.PlanView;
import org.avgym.platform.control.Refusal;

/**
 * Selling a membership, renewing one (from its end or from today) or changing its plan from a date,
 * on the member page. Every change is previewed (dates, where and when it admits) before it can be
 * confirmed, and counts at the doors the moment it is confirmed.
 */
@Named
@ViewScoped
public class MembershipSale implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "planId", "sale-form:sale-plan",
          "startsAt", "sale-form:sale-start",
          "membershipId", "sale-form:sale-plan");

  @Inject Memberships memberships;
  @Inject Plans plans;
  @Inject MemberPage page;

  private Membership.Origin origin = Membership.Origin.SALE;
  private MembershipView following;
  private Long planId;
  private LocalDate start = LocalDate.now();
  private boolean fromEnd = true;
  private ChangePreview preview;
  private List<PlanView> planChoices;

  public void sell() {
    open(Membership.Origin.SALE, null);
  }

  public void renew(MembershipView membership) {
    open(Membership.Origin.RENEWAL, membership);
    fromEnd = membership.endsAt() != null && membership.endsAt().isAfter(Instant.now());
    planId = membership.planId();
    previewIt();
  }

  public void changePlan(MembershipView membership) {
    open(Membership.Origin.PLAN_CHANGE, membership);
  }

  private void open(Membership.Origin kind, MembershipView membership) {
    origin = kind;
    following = membership;
    planId = null;
    start = LocalDate.now();
    preview = null;
    if (planChoices == null) {
      planChoices = plans.all().stream().filter(p -> p.isActive()).map(PlanView::of).toList();
    }
  }

  /** Recomputes the preview whenever the plan, date or renewal start changes. */
  public void previewIt() {
    preview = null;
    if (planId == null) {
      return;
    }
    try {
      preview = memberships.preview(change());
    } catch (Refusal refusal) {
      Feedback.refused(title() + " not possible", refusal, FIELDS);
    }
  }

  public void confirm() {
    try {
      memberships.apply(change());
      Feedback.done(done(), preview == null ? "" : preview.next().plan());
      preview = null;
      page.load();
    } catch (Refusal refusal) {
      Feedback.refused(title() + " not done", refusal, FIELDS);
    }
  }

  private MembershipChange change() {
    return switch (origin) {
      case SALE -> MembershipChange.sale(page.getId(), planId, DeskDates.startOf(start));
      case RENEWAL ->
          MembershipChange.renewal(
              following.id(),
              planId,
              fromEnd && following.endsAt() != null
                  ? following.endsAt()
                  : DeskDates.startOf(LocalDate.now()));
      case PLAN_CHANGE ->
          MembershipChange.planChange(following.id(), planId, DeskDates.startOf(start));
    };
  }

  private String done() {
    return switch (origin) {
      case SALE -> "Membership sold";
      case RENEWAL -> "Membership renewed";
      case PLAN_CHANGE -> "Plan changed";
    };
  }

  public String title() {
    return switch (origin) {
      case SALE -> "Sale";
      case RENEWAL -> "Renewal";
      case PLAN_CHANGE -> "Plan change";
    };
  }

  public boolean isRenewal() {
    return origin == Membership.Origin.RENEWAL;
  }

  public boolean isSale() {
    return origin == Membership.Origin.SALE;
  }

  public MembershipView getFollowing() {
    return following;
  }

  public ChangePreview getPreview() {
    return preview;
  }

  public List<PlanView> getPlans() {
    return planChoices;
  }

  public Long getPlanId() {
    return planId;
  }

  public void setPlanId(Long planId) {
    this.planId = planId;
  }

  public LocalDate getStart() {
    return start;
  }

  public void setStart(LocalDate start) {
    this.start = start;
  }

  public boolean isFromEnd() {
    return fromEnd;
  }

  public void setFromEnd(boolean fromEnd) {
    this.fromEnd = fromEnd;
  }
}
