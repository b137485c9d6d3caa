package org.avgym.notify.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.avgym.analytics.entity.Severity;
import org.avgym.pools.control.PoolRules;

/**
 * Where alert notifications go. The webhook's signing key is stored as given: an HMAC is computed
 * with the key itself, so a hash of it could not sign (docs/operations.md says how to protect it).
 */
@Entity
@Table(name = "notification_channel")
public class NotificationChannel {

  /** Characters of the signing key that a masked view still shows. */
  static final int SHOWN_SECRET = 4;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ChannelKind kind;

  @Column(nullable = false)
  private String target;

  private String secret;

  @Enumerated(EnumType.STRING)
  @Column(name = "min_severity", nullable = false)
  private Severity minSeverity;

  @Column(name = "rule_names")
  private String ruleNames;

  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Version private long version;

  protected NotificationChannel() {}

  public NotificationChannel(ChannelSettings settings, String user, Instant at) {
    this.createdAt = at;
    this.createdBy = user;
    apply(settings);
  }

  /** Takes over the checked settings; a null secret keeps the stored one. */
  public final void apply(ChannelSettings settings) {
    this.name = settings.name();
    this.kind = settings.kind();
    this.target = settings.target();
    if (settings.kind() == ChannelKind.EMAIL) {
      this.secret = null;
    } else if (settings.secret() != null) {
      this.secret = settings.secret();
    }
    this.minSeverity = settings.minSeverity();
    this.ruleNames = settings.rules().isEmpty() ? null : String.join(",", settings.rules());
    this.enabled = settings.enabled();
  }

  /** Whether an alert of this rule and severity is for this channel. */
  public boolean wants(String rule, Severity severity) {
    return enabled
        && severity.compareTo(minSeverity) >= 0
        && (ruleNames == null || rules().contains(rule));
  }

  public List<String> rules() {
    return ruleNames == null ? List.of() : Arrays.asList(ruleNames.split(","));
  }

  public ChannelView view() {
    return new ChannelView(
        id,
        name,
        kind,
        shownTarget(),
        masked(secret),
        minSeverity.name(),
        rules(),
        enabled,
        createdAt,
        createdBy);
  }

  /** The signing key masked to its last characters; null when there is none. */
  static String masked(String secret) {
    if (secret == null) {
      return null;
    }
    return "…" + secret.substring(Math.max(0, secret.length() - SHOWN_SECRET));
  }

  /**
   * The target as the API shows it: a webhook's query values (where services put tokens) masked, as
   * pool URLs are. Slack and Teams put their token in the path; only admins see channels.
   */
  private String shownTarget() {
    return kind == ChannelKind.WEBHOOK ? PoolRules.shown(target) : target;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public ChannelKind getKind() {
    return kind;
  }

  public String getTarget() {
    return target;
  }

  public String getSecret() {
    return secret;
  }

  public String describe() {
    return kind.name().toLowerCase(Locale.ROOT) + " channel " + name;
  }
}
