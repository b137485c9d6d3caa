package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.avgym.members.boundary.MemberPhotos;
import org.avgym.members.boundary.Members;
import org.avgym.members.entity.MemberInput;
import org.avgym.members.entity.MemberView;
import org.avgym.platform.control.Refusal;
import org.primefaces.event.FileUploadEvent;

/**
 * Editing a member's details and photo on the member page. The form remembers the version it was
 * opened from: when another desk saved in between, nothing is overwritten; both versions are shown
 * and staff choose to keep the stored one or to save theirs over it.
 */
@Named
@ViewScoped
public class MemberEdit implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "name", "edit-form:edit-name",
          "email", "edit-form:edit-email",
          "phone", "edit-form:edit-phone",
          "photo", "photo-form:photo-replace");

  @Inject Members members;
  @Inject MemberPhotos photos;
  @Inject MemberPage page;

  private String name;
  private String email;
  private String phone;
  private long version;
  private MemberView conflict;

  /** Fills the form from the member as the page loaded it. */
  public void start() {
    fill(page.getMember());
    conflict = null;
  }

  private void fill(MemberView member) {
    name = member.name();
    email = member.email();
    phone = member.phone();
    version = member.version();
  }

  public void save() {
    MemberInput input = input(version);
    if (!Feedback.valid("Member not saved", input, FIELDS)) {
      return;
    }
    try {
      members.update(page.getId(), input);
      conflict = null;
      page.load();
      Feedback.done("Member saved", name);
    } catch (Members.StaleEdit stale) {
      conflict = stale.current();
      Feedback.error("Member not saved", null, stale.getMessage(), FIELDS);
    } catch (Refusal refusal) {
      Feedback.refused("Member not saved", refusal, FIELDS);
    }
  }

  /** Keeps what the other desk saved: the form shows the stored version. */
  public void keepTheirs() {
    fill(conflict);
    conflict = null;
    page.load();
  }

  /** Saves this desk's version over the other, having seen both. */
  public void saveMine() {
    version = conflict.version();
    save();
  }

  public void replacePhoto(FileUploadEvent event) {
    try {
      photos.store(page.getId(), event.getFile().getContent());
      page.load();
      Feedback.done("Photo replaced", page.getMember().name());
    } catch (Refusal refusal) {
      Feedback.refused("Photo not replaced", refusal, FIELDS);
    }
  }

  private MemberInput input(long from) {
    return new MemberInput(
        name == null ? null : name.trim(),
        blankToNull(email),
        blankToNull(phone),
        page.getMember().photoUrl(),
        page.getMember().status(),
        from);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  public MemberView getConflict() {
    return conflict;
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

  public long getMaxPhotoBytes() {
    return photos.maxBytes();
  }
}
