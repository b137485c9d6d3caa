package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.avgym.analytics.boundary.AlertRules;
import org.avgym.analytics.boundary.EventTracker;
import org.avgym.analytics.control.SampledMetrics;
import org.avgym.analytics.entity.AlertRuleInput;
import org.avgym.analytics.entity.AlertRuleView;
import org.avgym.analytics.entity.AlertTransition;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Severity;
import org.avgym.platform.control.Refusal;

/**
 * Administrators list, add, change, enable and disable alert rules, each field checked by the same
 * rules as the API (a refusal shows on its field), with a preview of when the rule as entered would
 * have fired over the last day of samples.
 */
@Named
@ViewScoped
public class AlertRuleAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How far back the preview replays the samples. */
  static final Duration PREVIEW = Duration.ofDays(1);

  private static final String FORM = "rule-form:";
  private static final Map<String, String> FIELDS =
      Map.of(
          "name", FORM + "rule-name",
          "metric", FORM + "rule-metric",
          "comparison", FORM + "rule-comparison",
          "threshold", FORM + "rule-threshold",
          "durationSeconds", FORM + "rule-duration",
          "severity", FORM + "rule-severity",
          "hysteresis", FORM + "rule-hysteresis");

  @Inject AlertRules rules;
  @Inject EventTracker events;
  @Inject CurrentUser user;

  private List<AlertRuleView> list;
  private Long editing;
  private String name;
  private String metric = "occupancyRatio";
  private String comparison = "ABOVE";
  private Double threshold;
  private Long durationSeconds = 30L;
  private String severity = "WARNING";
  private Double hysteresis = 0.1;
  private boolean enabled = true;
  private List<AlertTransition> preview;

  public void load() {
    list = rules.all();
  }

  public void startNew() {
    editing = null;
    name = null;
    metric = "occupancyRatio";
    comparison = "ABOVE";
    threshold = null;
    durationSeconds = 30L;
    severity = "WARNING";
    hysteresis = 0.1;
    enabled = true;
    preview = null;
  }

  public void edit(AlertRuleView rule) {
    editing = rule.id();
    name = rule.name();
    metric = rule.metric();
    comparison = rule.comparison().name();
    threshold = rule.threshold();
    durationSeconds = rule.durationSeconds();
    severity = rule.severity().name();
    hysteresis = rule.hysteresis();
    enabled = rule.enabled();
    preview = null;
  }

  public void save() {
    try {
      AlertRuleView saved =
          editing == null ? rules.create(input()) : rules.update(editing, input());
      record(editing == null ? "alert-rule.created" : "alert-rule.updated", saved.name());
      editing = saved.id();
      Feedback.done("Alert rule saved", saved.name());
      load();
    } catch (Refusal refusal) {
      Feedback.refused("Alert rule not saved", refusal, FIELDS);
    }
  }

  /** Turns a rule on or off from the list, keeping everything else. */
  public void toggle(AlertRuleView rule) {
    try {
      AlertRuleView saved =
          rules.update(
              rule.id(),
              new AlertRuleInput(
                  rule.name(),
                  rule.metric(),
                  rule.comparison().name(),
                  rule.threshold(),
                  rule.durationSeconds(),
                  rule.severity().name(),
                  rule.hysteresis(),
                  !rule.enabled()));
      record("alert-rule.updated", saved.name() + (saved.enabled() ? " enabled" : " disabled"));
      Feedback.done(saved.enabled() ? "Alert rule enabled" : "Alert rule disabled", saved.name());
      load();
    } catch (Refusal refusal) {
      Feedback.refused("Alert rule not changed", refusal, Map.of());
    }
  }

  public void previewIt() {
    try {
      preview = rules.preview(input(), PREVIEW);
    } catch (Refusal refusal) {
      preview = null;
      Feedback.refused("No preview", refusal, FIELDS);
    }
  }

  private AlertRuleInput input() {
    return new AlertRuleInput(
        name, metric, comparison, threshold, durationSeconds, severity, hysteresis, enabled);
  }

  private void record(String type, String details) {
    events.record(EventCategory.USER, type, user.getName(), Severity.INFO, details);
  }

  public long getFirings() {
    return preview == null
        ? 0
        : preview.stream()
            .filter(t -> t.state() == org.avgym.analytics.entity.AlertState.FIRING)
            .count();
  }

  public List<SampledMetrics.Metric> getMetrics() {
    return SampledMetrics.ALL;
  }

  public List<AlertRuleView> getList() {
    return list;
  }

  public List<AlertTransition> getPreview() {
    return preview;
  }

  public boolean isCreating() {
    return editing == null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public String getComparison() {
    return comparison;
  }

  public void setComparison(String comparison) {
    this.comparison = comparison;
  }

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }

  public Long getDurationSeconds() {
    return durationSeconds;
  }

  public void setDurationSeconds(Long durationSeconds) {
    this.durationSeconds = durationSeconds;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public Double getHysteresis() {
    return hysteresis;
  }

  public void setHysteresis(Double hysteresis) {
    this.hysteresis = hysteresis;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
