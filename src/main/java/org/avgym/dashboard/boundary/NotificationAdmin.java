package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avgym.analytics.boundary.AlertRules;
import org.avgym.analytics.boundary.EventTracker;
import org.avgym.analytics.entity.AlertRuleView;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Severity;
import org.avgym.notify.boundary.NotificationChannels;
import org.avgym.notify.boundary.NotificationTests;
import org.avgym.notify.entity.ChannelInput;
import org.avgym.notify.entity.ChannelView;
import org.avgym.notify.entity.DeliveryState;
import org.avgym.notify.entity.DeliveryView;
import org.avgym.platform.control.Refusal;

/**
 * Administrators list, add and remove alert notification channels, and send a test through one;
 * each field is checked by the same rules as the API (a refusal shows on its field). A webhook's
 * signing key is shown once, after it was created, until the admin confirms they copied it.
 */
@Named
@ViewScoped
public class NotificationAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String FORM = "channel-form:";
  private static final Map<String, String> FIELDS =
      Map.of(
          "name", FORM + "channel-name",
          "kind", FORM + "channel-kind",
          "target", FORM + "channel-target",
          "secret", FORM + "channel-secret",
          "minSeverity", FORM + "channel-severity",
          "rules", FORM + "channel-rules");

  @Inject NotificationChannels channels;
  @Inject NotificationTests tests;
  @Inject AlertRules rules;
  @Inject EventTracker events;
  @Inject CurrentUser user;

  private List<ChannelView> list;
  private List<String> ruleNames;
  private String name;
  private String kind = "WEBHOOK";
  private String target;
  private String secret;
  private String minSeverity = "WARNING";
  private List<String> chosenRules = new ArrayList<>();
  private String createdSecret;
  private String createdName;

  public void load() {
    list = channels.all();
    ruleNames = rules.all().stream().map(AlertRuleView::name).toList();
  }

  public void add() {
    try {
      ChannelView created =
          channels.create(
              new ChannelInput(
                  name, kind, target, secret, minSeverity, List.copyOf(chosenRules), true),
              user.getName());
      record("notification-channel.created", created.name());
      createdName = created.name();
      createdSecret = secret == null || secret.isBlank() ? created.secret() : null;
      Feedback.done("Notification channel added", created.name());
      name = null;
      target = null;
      secret = null;
      chosenRules = new ArrayList<>();
      load();
    } catch (Refusal refusal) {
      Feedback.refused("Notification channel not added", refusal, FIELDS);
    }
  }

  public void remove(ChannelView channel) {
    try {
      channels.delete(channel.id());
      record("notification-channel.deleted", channel.name());
      Feedback.done("Notification channel removed", channel.name());
      load();
    } catch (Refusal refusal) {
      Feedback.refused("Notification channel not removed", refusal, Map.of());
    }
  }

  /** Sends a test notification through the outbox and says how it went. */
  public void test(ChannelView channel) {
    try {
      DeliveryView outcome = tests.send(channel.id(), user.getName());
      record("notification-channel.tested", channel.name() + ": " + outcome.state());
      if (outcome.state() == DeliveryState.DELIVERED) {
        Feedback.done("Test notification delivered", channel.name());
      } else if (outcome.state() == DeliveryState.PENDING) {
        Feedback.done("Test notification queued", channel.name() + ": not sent yet");
      } else {
        Feedback.error(
            "Test notification failed", null, channel.name() + ": " + outcome.lastError(), FIELDS);
      }
    } catch (Refusal refusal) {
      Feedback.refused("Test notification not sent", refusal, Map.of());
    }
  }

  /** The admin copied the signing key: it is not shown again. */
  public void forgetSecret() {
    createdSecret = null;
    createdName = null;
  }

  private void record(String type, String details) {
    events.record(EventCategory.USER, type, user.getName(), Severity.INFO, details);
  }

  public List<ChannelView> getList() {
    return list;
  }

  public List<String> getRuleNames() {
    return ruleNames;
  }

  public String getCreatedSecret() {
    return createdSecret;
  }

  public String getCreatedName() {
    return createdName;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getMinSeverity() {
    return minSeverity;
  }

  public void setMinSeverity(String minSeverity) {
    this.minSeverity = minSeverity;
  }

  public List<String> getChosenRules() {
    return chosenRules;
  }

  public void setChosenRules(List<String> chosenRules) {
    this.chosenRules = chosenRules == null ? new ArrayList<>() : chosenRules;
  }
}
