package org.avgym.members.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.avgym.locations.entity.WeeklyHours;

@Entity
@Table(name = "membership_plan")
public class MembershipPlan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 128)
  private String name;

  @Column(name = "duration_days", nullable = false)
  private int durationDays;

  @Column(name = "allowed_hours", nullable = false, length = 512)
  private String allowedHours;

  @Column(nullable = false)
  private boolean active = true;

  /** Location codes; empty means every location. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "plan_location", joinColumns = @JoinColumn(name = "plan_id"))
  @Column(name = "location_code", length = 32)
  private Set<String> allowedLocations = new TreeSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected MembershipPlan() {}

  public MembershipPlan(
      String name, int durationDays, WeeklyHours allowedHours, Set<String> allowedLocations) {
    this.createdAt = Instant.now();
    configure(name, durationDays, allowedHours, allowedLocations, true);
  }

  public void configure(
      String name,
      int durationDays,
      WeeklyHours allowedHours,
      Set<String> allowedLocations,
      boolean active) {
    this.name = name;
    this.durationDays = durationDays;
    this.allowedHours = allowedHours.format();
    this.allowedLocations.clear();
    this.allowedLocations.addAll(allowedLocations);
    this.active = active;
  }

  /** The end of a membership of this plan that starts at {@code start}. */
  public Instant endFor(Instant start) {
    return start.plus(Duration.ofDays(durationDays));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public int getDurationDays() {
    return durationDays;
  }

  public WeeklyHours getAllowedHours() {
    return WeeklyHours.parse(allowedHours);
  }

  public String getAllowedHoursText() {
    return allowedHours;
  }

  public Set<String> getAllowedLocations() {
    return Set.copyOf(allowedLocations);
  }

  public boolean isActive() {
    return active;
  }
}
