package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.LocationView;
import org.avgym.members.boundary.MemberPhotos;
import org.avgym.members.boundary.Members;
import org.avgym.members.boundary.Memberships;
import org.avgym.members.boundary.Plans;
import org.avgym.members.boundary.SignUps;
import org.avgym.members.control.LikelyDuplicates;
import org.avgym.members.entity.ChangePreview;
import org.avgym.members.entity.CredentialInput;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.MemberInput;
import org.avgym.members.entity.MemberView;
import org.avgym.members.entity.MembershipChange;
import org.avgym.members.entity.PlanView;
import org.avgym.platform.control.Refusal;
import org.primefaces.event.CaptureEvent;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * A new member signed up in one flow at the desk: details and photo (webcam or upload), a plan and
 * start date with a preview of what it admits, then a card (typed by the desk's USB reader, which
 * ends with Enter) or a generated QR code. Possible duplicates are shown before anything is
 * created; the member, photo, membership and credential are created together at the end, or not at
 * all.
 */
@Named
@ViewScoped
public class SignUpFlow implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The steps, in order. */
  public enum Step {
    DETAILS,
    PLAN,
    CREDENTIAL,
    DONE
  }

  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("name", "signup:name"),
          Map.entry("email", "signup:email"),
          Map.entry("phone", "signup:phone"),
          Map.entry("photo", "signup:photo-upload"),
          Map.entry("planId", "signup:plan"),
          Map.entry("startsAt", "signup:start"),
          Map.entry("kind", "signup:kind"),
          Map.entry("value", "signup:card"));

  @Inject Members members;
  @Inject MemberPhotos photos;
  @Inject Memberships memberships;
  @Inject Plans plans;
  @Inject Locations locations;
  @Inject SignUps signUps;
  @Inject DeskStation station;

  private Step step = Step.DETAILS;
  private String club;
  private String name;
  private String email;
  private String phone;
  private byte[] photo;
  private List<MemberView> duplicates = List.of();
  private List<String> duplicateReasons = List.of();
  private boolean duplicatesSeen;
  private Long planId;
  private LocalDate start = LocalDate.now();
  private ChangePreview preview;
  private String kind = "card";
  private String card;
  private Long memberId;
  private String credentialValue;
  private List<PlanView> planChoices;
  private List<LocationView> clubs;

  /** Loads the choices once, when the page opens. */
  public void open() {
    if (planChoices == null) {
      planChoices = plans.all().stream().filter(p -> p.isActive()).map(PlanView::of).toList();
      clubs = locations.all().stream().map(LocationView::of).toList();
      club = station.getLocation();
    }
  }

  /** Step 1 → 2: details checked, then likely duplicates shown once before going on. */
  public void details() {
    MemberInput input = input();
    if (!Feedback.valid("Details not accepted", input, FIELDS)) {
      return;
    }
    station.setLocation(club);
    List<LikelyDuplicates.Match> matches = members.likelyDuplicates(name, email, phone, club, null);
    for (LikelyDuplicates.Match match : matches) {
      if (match.reasons().contains("same e-mail")) {
        Feedback.error(
            "Details not accepted",
            "email",
            "this e-mail is already used by " + match.member().getName(),
            FIELDS);
        return;
      }
    }
    List<MemberView> found = matches.stream().map(m -> MemberView.of(m.member())).toList();
    if (!found.isEmpty() && !(duplicatesSeen && found.equals(duplicates))) {
      duplicates = found;
      duplicateReasons = matches.stream().map(m -> String.join(", ", m.reasons())).toList();
      duplicatesSeen = true;
      return;
    }
    step = Step.PLAN;
  }

  public void capture(CaptureEvent event) {
    acceptPhoto(event.getData());
  }

  public void upload(FileUploadEvent event) {
    acceptPhoto(event.getFile().getContent());
  }

  private void acceptPhoto(byte[] bytes) {
    try {
      photo = photos.check(bytes).bytes();
      Feedback.done("Photo taken", photo.length / 1024 + " KB stored after sign-up");
    } catch (Refusal refusal) {
      photo = null;
      Feedback.refused("Photo not accepted", refusal, FIELDS);
    }
  }

  public void removePhoto() {
    photo = null;
  }

  /** Step 2 → 3: the plan and start are checked by the preview, which stays on the page. */
  public void plan() {
    try {
      preview = memberships.preview(sale());
      step = Step.CREDENTIAL;
    } catch (Refusal refusal) {
      preview = null;
      Feedback.refused("Plan not accepted", refusal, FIELDS);
    }
  }

  /** Shows the preview when the plan or date changes. */
  public void planChanged() {
    try {
      preview = planId == null ? null : memberships.preview(sale());
    } catch (Refusal refusal) {
      preview = null;
      Feedback.refused("Plan not accepted", refusal, FIELDS);
    }
  }

  /** Step 3: creates everything at once. A refusal sends the desk back to the step it concerns. */
  public void finish() {
    CredentialInput credential =
        new CredentialInput(kind, "qr".equals(kind) ? null : blankToNull(card));
    if ("card".equals(kind) && credential.value() == null) {
      Feedback.error("Not signed up", "value", "scan or type the card's number", FIELDS);
      return;
    }
    if (!Feedback.valid("Not signed up", credential, FIELDS)) {
      return;
    }
    try {
      Member member = signUps.signUp(input(), photo, sale(), credential);
      memberId = member.getId();
      credentialValue = members.credentials(memberId).stream().findFirst().orElseThrow().getValue();
      step = Step.DONE;
      Feedback.done("Signed up", name);
    } catch (Refusal refusal) {
      // A conflict names no field: an e-mail or a credential value another desk just took.
      String field =
          refusal.field() != null
              ? refusal.field()
              : refusal.getMessage().contains("email") ? "email" : "value";
      step = stepOf(field);
      Feedback.error("Not signed up", field, refusal.getMessage(), FIELDS);
    }
  }

  private static Step stepOf(String field) {
    return switch (field) {
      case "name", "email", "phone", "photo" -> Step.DETAILS;
      case "planId", "startsAt" -> Step.PLAN;
      default -> Step.CREDENTIAL;
    };
  }

  public void back() {
    step = step == Step.CREDENTIAL ? Step.PLAN : Step.DETAILS;
  }

  public void again() {
    step = Step.DETAILS;
    name = null;
    email = null;
    phone = null;
    photo = null;
    duplicates = List.of();
    duplicatesSeen = false;
    preview = null;
    card = null;
    memberId = null;
    credentialValue = null;
  }

  private MemberInput input() {
    return new MemberInput(
        name == null ? null : name.trim(),
        blankToNull(email),
        blankToNull(phone),
        null,
        null,
        null);
  }

  private MembershipChange sale() {
    return MembershipChange.sale(null, planId, DeskDates.startOf(start));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** The photo taken or uploaded, for the page to show before it is stored. */
  public StreamedContent getPhotoPreview() {
    byte[] bytes = photo;
    return bytes == null
        ? null
        : DefaultStreamedContent.builder().contentType("image/jpeg").stream(
                () -> new ByteArrayInputStream(bytes))
            .build();
  }

  public boolean isPhotoTaken() {
    return photo != null;
  }

  public long getMaxPhotoBytes() {
    return photos.maxBytes();
  }

  public String reasonsOf(int index) {
    return index < duplicateReasons.size() ? duplicateReasons.get(index) : "";
  }

  public Step getStep() {
    return step;
  }

  public boolean is(String name) {
    return step.name().equals(name);
  }

  public List<PlanView> getPlans() {
    return planChoices;
  }

  public List<LocationView> getClubs() {
    return clubs;
  }

  public List<MemberView> getDuplicates() {
    return duplicates;
  }

  public ChangePreview getPreview() {
    return preview;
  }

  public Long getMemberId() {
    return memberId;
  }

  public String getCredentialValue() {
    return credentialValue;
  }

  public String getClub() {
    return club;
  }

  public void setClub(String club) {
    this.club = club;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
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

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getCard() {
    return card;
  }

  public void setCard(String card) {
    this.card = card;
  }
}
