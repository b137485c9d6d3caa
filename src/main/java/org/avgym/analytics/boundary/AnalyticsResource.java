package org.avgym.analytics.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.avgym.analytics.entity.AlertRuleInput;
import org.avgym.analytics.entity.AlertRuleView;
import org.avgym.analytics.entity.AlertState;
import org.avgym.analytics.entity.AlertView;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.HeatmapCell;
import org.avgym.analytics.entity.Period;
import org.avgym.analytics.entity.Range;
import org.avgym.analytics.entity.RollupView;
import org.avgym.analytics.entity.Sample;
import org.avgym.analytics.entity.Severity;
import org.avgym.analytics.entity.TimePoint;
import org.avgym.analytics.entity.TrackedEvent;
import org.avgym.analytics.entity.TrendResult;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;
import org.avgym.security.entity.Role;

/**
 * Analytics over REST: events, samples, roll-ups, gym statistics, alert rules (admins edit them),
 * alerts (staff acknowledge them), forecasts; and admin triggers for a roll-up and retention run.
 */
@Path("analytics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.STAFF_NAME})
public class AnalyticsResource {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject EventTracker events;
  @Inject AnalyticsStore store;
  @Inject MetricSampler sampler;
  @Inject Rollups rollups;
  @Inject RollupRunner runner;
  @Inject Retention retention;
  @Inject AlertRules rules;
  @Inject AlertStore alerts;
  @Inject GymAnalytics gym;
  @Inject Forecasts forecasts;
  @Inject MetricSeries series;

  @GET
  @Path("events")
  public List<TrackedEvent> events(
      @QueryParam("category") String category, @QueryParam("limit") Integer limit) {
    return events.recent(category(category), limit("limit", limit, 10_000, 200));
  }

  /** The most frequent event types in a range (default the last 24 hours), as the tab's chart. */
  @GET
  @Path("events/by-type")
  public JsonObject eventsByType(
      @QueryParam("category") String category,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Instant end = Fields.instant("to", to, Instant.now());
    Instant start = Fields.instant("from", from, end.minus(Duration.ofDays(1)));
    if (!start.isBefore(end)) {
      throw Refusal.invalid("from", "from must be before to");
    }
    var result = JSON.createObjectBuilder();
    store.eventsByType(category(category), start, end).forEach(result::add);
    return result.build();
  }

  @GET
  @Path("samples")
  public List<Sample> samples(
      @QueryParam("metric") String metric,
      @QueryParam("subject") String subject,
      @QueryParam("instance") String instance,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    if (metric == null || metric.isBlank()) {
      throw Refusal.invalid("metric", "metric is required");
    }
    Instant end = Fields.instant("to", to, Instant.now());
    Instant start = Fields.instant("from", from, end.minus(Duration.ofHours(1)));
    String of = instance == null || instance.isBlank() ? null : instance.trim();
    return store.samples(metric, subject, of, start, end, 10_000);
  }

  /**
   * A metric's direction over one of the tabs' ranges (default 24 h), judged on the points given
   * back: hourly over the whole range for 24 h and 7 d, raw samples for 1 h and 6 h (this
   * instance's, or {@code instance}'s).
   */
  @GET
  @Path("trends")
  public JsonObject trend(
      @QueryParam("metric") String metric,
      @QueryParam("range") String range,
      @QueryParam("instance") String instance) {
    if (metric == null || metric.isBlank()) {
      throw Refusal.invalid("metric", "metric is required");
    }
    Range chosen =
        range == null || range.isBlank()
            ? Range.H24
            : Range.parse(range)
                .orElseThrow(
                    () ->
                        Refusal.invalid(
                            "range",
                            "range must be one of "
                                + java.util.Arrays.stream(Range.values())
                                    .map(Range::label)
                                    .toList()));
    String of = instance == null || instance.isBlank() ? sampler.instance() : instance.trim();
    Instant now = Instant.now();
    List<TimePoint> points = series.trendPoints(metric.trim(), of, chosen, now);
    TrendResult trend = MetricSeries.trendOf(points);
    var list = JSON.createArrayBuilder();
    points.forEach(
        p ->
            list.add(
                JSON.createObjectBuilder().add("at", p.at().toString()).add("value", p.value())));
    return JSON.createObjectBuilder()
        .add("metric", metric.trim())
        .add("range", chosen.label())
        .add("instance", of)
        .add("trend", trend.trend().name())
        .add("relativeChange", Double.isFinite(trend.relativeChange()) ? trend.relativeChange() : 0)
        .add("points", list)
        .build();
  }

  @GET
  @Path("rollups")
  public List<RollupView> rollups(
      @QueryParam("period") String period,
      @QueryParam("metric") String metric,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Instant end = Fields.instant("to", to, Instant.now());
    Instant start = Fields.instant("from", from, end.minus(Duration.ofDays(1)));
    return runner.list(period(period), metric, start, end);
  }

  /** Rolls up one period now, under the cluster lock; {@code ran} is false when another held it. */
  @POST
  @Path("rollups/run")
  @RolesAllowed(Role.ADMIN_NAME)
  public Rollups.Outcome runRollup(
      @QueryParam("period") String period, @QueryParam("start") String start) {
    Instant at = Fields.instant("start", start, null);
    Period kind = period(period);
    return at == null ? rollups.catchUp(kind, Instant.now()) : rollups.runOnce(kind, at);
  }

  @POST
  @Path("retention/run")
  @RolesAllowed(Role.ADMIN_NAME)
  public JsonObject runRetention() {
    return JSON.createObjectBuilder().add("deleted", retention.run(Instant.now())).build();
  }

  /** Takes a round of samples now (also evaluating the alert rules) instead of waiting. */
  @POST
  @Path("samples/run")
  @RolesAllowed(Role.ADMIN_NAME)
  public List<Sample> sampleNow() {
    return sampler.sample(Instant.now());
  }

  @POST
  @Path("events/flush")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response flushEvents() {
    events.flush();
    return Response.noContent().build();
  }

  @GET
  @Path("heatmap")
  public List<HeatmapCell> heatmap(
      @QueryParam("location") String location,
      @QueryParam("days") Integer days,
      @QueryParam("zone") String zone) {
    Instant now = Instant.now();
    return gym.heatmap(
            location, now.minus(Duration.ofDays(limit("days", days, 365, 7))), now, zone(zone))
        .cells();
  }

  @GET
  @Path("peak-hours")
  public List<HeatmapCell> peakHours(
      @QueryParam("location") String location,
      @QueryParam("days") Integer days,
      @QueryParam("zone") String zone) {
    Instant now = Instant.now();
    return gym.heatmap(
            location, now.minus(Duration.ofDays(limit("days", days, 365, 7))), now, zone(zone))
        .peakHours(5);
  }

  @GET
  @Path("denials")
  public JsonObject denials(
      @QueryParam("location") String location, @QueryParam("days") Integer days) {
    Instant now = Instant.now();
    var result = JSON.createObjectBuilder();
    gym.denialsByReason(location, now.minus(Duration.ofDays(limit("days", days, 365, 7))), now)
        .forEach(result::add);
    return result.build();
  }

  @GET
  @Path("average-stay")
  public JsonObject averageStay(
      @QueryParam("location") String location, @QueryParam("days") Integer days) {
    Instant now = Instant.now();
    return JSON.createObjectBuilder()
        .add(
            "minutes",
            gym.averageStayMinutes(
                location, now.minus(Duration.ofDays(limit("days", days, 365, 7))), now))
        .build();
  }

  @GET
  @Path("absent-members")
  public List<GymAnalytics.AbsentMember> absent(@QueryParam("days") Integer days) {
    if (days == null || days < 1) {
      throw Refusal.invalid("days", "days must be 1 or more");
    }
    return gym.notSeenFor(days, 500);
  }

  @GET
  @Path("forecast/{location}")
  public Forecasts.LocationForecast forecast(@PathParam("location") String location) {
    return forecasts.forecast(location, Instant.now());
  }

  @GET
  @Path("alert-rules")
  public List<AlertRuleView> alertRules() {
    return rules.all();
  }

  @POST
  @Path("alert-rules")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response createRule(AlertRuleInput input, @Context SecurityContext caller) {
    AlertRuleView created = rules.create(input);
    userEvent("alert-rule.created", caller, created.name());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @PUT
  @Path("alert-rules/{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  public AlertRuleView updateRule(
      @PathParam("id") long id, AlertRuleInput input, @Context SecurityContext caller) {
    AlertRuleView updated = rules.update(id, input);
    userEvent("alert-rule.updated", caller, updated.name());
    return updated;
  }

  @DELETE
  @Path("alert-rules/{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response deleteRule(@PathParam("id") long id, @Context SecurityContext caller) {
    rules.delete(id);
    userEvent("alert-rule.deleted", caller, "rule " + id);
    return Response.noContent().build();
  }

  @GET
  @Path("alerts")
  public List<AlertView> alerts(@QueryParam("state") String state) {
    AlertState wanted = null;
    if (state != null && !state.isBlank()) {
      try {
        wanted = AlertState.valueOf(state.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("state", "state must be FIRING or RESOLVED");
      }
    }
    return alerts.list(wanted, 200);
  }

  @POST
  @Path("alerts/{id}/ack")
  public AlertView acknowledge(@PathParam("id") long id, @Context SecurityContext caller) {
    AlertView alert = alerts.acknowledge(id, caller.getUserPrincipal().getName());
    userEvent("alert.acknowledged", caller, alert.rule() + " " + alert.subject());
    return alert;
  }

  private void userEvent(String type, SecurityContext caller, String details) {
    events.record(
        EventCategory.USER, type, caller.getUserPrincipal().getName(), Severity.INFO, details);
  }

  static EventCategory category(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return EventCategory.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          "category", "category must be one of CONNECTION, PERFORMANCE, ERROR, POOL, USER");
    }
  }

  static Period period(String text) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid("period", "period is required: HOUR or DAY");
    }
    try {
      return Period.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("period", "period must be HOUR or DAY");
    }
  }

  /** The zone asked for, or null: each check-in counted in its own location's zone. */
  private static ZoneId zone(String text) {
    return text == null || text.isBlank() ? null : Fields.zone("zone", text);
  }

  private static int limit(String field, Integer value, int max, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < 1 || value > max) {
      throw Refusal.invalid(field, field + " must be 1 to " + max);
    }
    return value;
  }
}
