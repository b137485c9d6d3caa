package org.avgym.dashboard.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.avgym.checkin.boundary.Checkins;
import org.avgym.checkin.entity.CheckinFilter;
import org.avgym.checkin.entity.CheckinView;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.ReasonCode;
import org.avgym.dashboard.control.CheckinLogQuery;
import org.avgym.devices.boundary.DeviceRegistry;
import org.avgym.devices.entity.DeviceView;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;
import org.avgym.locations.entity.LocationView;

/**
 * The check-in log: every check-in, newest first, filtered by club, device, member, decision,
 * reason, direction, override and time. The filters live in the page's address (bookmarkable, and
 * the CSV export reads the same ones); pages go back in time by keyset, and check-ins arriving on
 * the live channel are read in while the newest page is shown.
 */
@Named
@ViewScoped
public class CheckinLog implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per page. */
  static final int PAGE = 50;

  @Inject Checkins checkins;
  @Inject Locations locations;
  @Inject DeviceRegistry devices;

  // The filters as the address carries them.
  private String location;
  private String device;
  private String member;
  private String name;
  private String decision;
  private String reason;
  private String direction;
  private String override;
  private String from;
  private String to;

  private CheckinFilter filter;
  private String problem;
  private List<CheckinView> rows = List.of();
  private boolean more;
  private final Deque<CheckinFilter.Cursor> before = new ArrayDeque<>();
  private CheckinFilter.Cursor current;
  private Set<Long> fresh = Set.of();
  private List<LocationView> locationChoices;
  private List<String> deviceChoices;

  /** Reads the filters from the address and loads the newest page, once per view. */
  public void load() {
    if (locationChoices == null) {
      locationChoices = locations.all().stream().map(LocationView::of).toList();
      deviceChoices = devices.all().stream().map(DeviceView::code).sorted().toList();
    }
    CheckinLogQuery.Parsed parsed =
        CheckinLogQuery.parse(
            parameters(),
            code -> locations.find(code).map(Location::getId),
            ZoneId.systemDefault());
    filter = parsed.filter();
    problem = parsed.ok() ? null : parsed.problem();
    if (!parsed.ok()) {
      Feedback.error("Filter not understood", null, parsed.problem(), Map.of());
    }
    newest();
  }

  /** Applies the filters by opening the log at its new address. */
  public String apply() {
    String query =
        CheckinLogQuery.of(parameters()).entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return "/checkins?faces-redirect=true" + (query.isEmpty() ? "" : "&" + query);
  }

  public String clear() {
    return "/checkins?faces-redirect=true";
  }

  public void newest() {
    before.clear();
    current = null;
    read();
  }

  public void older() {
    if (more && !rows.isEmpty()) {
      before.push(current == null ? new CheckinFilter.Cursor(null, 0) : current);
      CheckinView last = rows.get(rows.size() - 1);
      current = new CheckinFilter.Cursor(last.at(), last.id());
      read();
    }
  }

  public void newer() {
    if (!before.isEmpty()) {
      CheckinFilter.Cursor previous = before.pop();
      current = previous.at() == null ? null : previous;
      read();
    }
  }

  /**
   * New check-ins arrived on the live channel: on the newest page, reads it again and marks the
   * rows that were not there; on older pages nothing moves.
   */
  public void live() {
    if (current != null) {
      return;
    }
    Set<Long> shown = rows.stream().map(CheckinView::id).collect(Collectors.toSet());
    read();
    Set<Long> added = new HashSet<>();
    for (CheckinView row : rows) {
      if (!shown.contains(row.id())) {
        added.add(row.id());
      }
    }
    fresh = added;
  }

  private void read() {
    CheckinFilter.Slice slice = checkins.log(filter, current, PAGE);
    rows = slice.items();
    more = slice.more();
    fresh = Set.of();
  }

  private Map<String, String> parameters() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("location", location);
    values.put("device", device);
    values.put("member", member);
    values.put("name", name);
    values.put("decision", decision);
    values.put("reason", reason);
    values.put("direction", direction);
    values.put("override", override);
    values.put("from", from);
    values.put("to", to);
    return values;
  }

  /** The CSV export of the same filters (every page, newest first). */
  public String getExportUrl() {
    String query =
        CheckinLogQuery.of(parameters()).entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/checkins.csv"
        + (query.isEmpty() ? "" : "?" + query);
  }

  public String rowClass(CheckinView row) {
    return "avgym-log-row decision-row-"
        + row.decision()
        + (fresh.contains(row.id()) ? " avgym-row-new" : "");
  }

  /** A row's reasons as the table shows them: the codes, comma-separated. */
  public String reasonsOf(CheckinView row) {
    return row.reasons().stream().map(Enum::name).collect(Collectors.joining(", "));
  }

  public boolean isNewest() {
    return current == null;
  }

  public boolean isMore() {
    return more;
  }

  public boolean isFiltered() {
    return !CheckinLogQuery.of(parameters()).isEmpty();
  }

  public String getProblem() {
    return problem;
  }

  public List<CheckinView> getRows() {
    return rows;
  }

  public List<LocationView> getLocations() {
    return locationChoices;
  }

  public List<String> getDevices() {
    return deviceChoices;
  }

  public Decision[] getDecisions() {
    return Decision.values();
  }

  public ReasonCode[] getReasons() {
    return ReasonCode.values();
  }

  public LocalDateTime getFromTime() {
    return parse(from);
  }

  public void setFromTime(LocalDateTime time) {
    from = time == null ? null : time.truncatedTo(ChronoUnit.MINUTES).toString();
  }

  public LocalDateTime getToTime() {
    return parse(to);
  }

  public void setToTime(LocalDateTime time) {
    to = time == null ? null : time.truncatedTo(ChronoUnit.MINUTES).toString();
  }

  private static LocalDateTime parse(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDateTime.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }

  public String getMember() {
    return member;
  }

  public void setMember(String member) {
    this.member = member;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getDirection() {
    return direction;
  }

  public void setDirection(String direction) {
    this.direction = direction;
  }

  public String getOverride() {
    return override;
  }

  public void setOverride(String override) {
    this.override = override;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
