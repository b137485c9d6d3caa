package org.avgym.dashboard.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.avgym.analytics.boundary.MetricSeries;
import org.avgym.analytics.control.ChartJs;
import org.avgym.analytics.entity.Range;
import org.avgym.analytics.entity.TimePoint;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.boundary.PoolSupervisor;
import org.avgym.pools.boundary.Pools;
import org.avgym.pools.control.PoolRules;
import org.avgym.pools.entity.ConnectionView;
import org.avgym.pools.entity.EndpointDefinition;
import org.avgym.pools.entity.EndpointInput;
import org.avgym.pools.entity.PoolInput;
import org.avgym.pools.entity.PoolSettings;
import org.avgym.pools.entity.PoolView;

/**
 * The Connection Pools tab: the system health overview, each pool's live state from the supervisor
 * with its health over the chosen range, and the administrator's forms (every pool setting, an
 * endpoint's weight and maintenance switch), whose refusals are shown as faces messages at the
 * field they name.
 */
@Named
@ViewScoped
public class PoolsBoard implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The form field of each setting a refusal can name (PoolRules' field names). */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("name", "pools-name"),
          Map.entry("topics", "pools-topics"),
          Map.entry("strategy", "pools-strategy"),
          Map.entry("maxConnections", "pools-max"),
          Map.entry("healthCheckIntervalMs", "pools-interval"),
          Map.entry("reconnectAttempts", "pools-reconnects"),
          Map.entry("ackTimeoutMinMs", "pools-ack-min"),
          Map.entry("ackTimeoutMaxMs", "pools-ack-max"),
          Map.entry("outboxLimit", "pools-outbox"),
          Map.entry("pool", "pools-target"),
          Map.entry("url", "pools-url"),
          Map.entry("weight", "pools-weight"));

  private static final String VIEWS = "pools.views";
  private static final int MAX_POINTS = 120;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

  @Inject PoolSupervisor supervisor;
  @Inject Pools pools;
  @Inject CurrentUser currentUser;
  @Inject MetricSeries series;

  private String name;
  private String topics;
  private String strategy;
  private Integer maxConnections;
  private Long intervalMs;
  private Integer reconnectAttempts;
  private Long ackMinMs;
  private Long ackMaxMs;
  private Integer outboxLimit;
  private String pool;
  private String url;
  private Integer weight = 1;
  private boolean enabled = true;
  private String range = Range.H1.label();

  public PoolsBoard() {
    fill(PoolRules.DEFAULTS);
  }

  public List<PoolView> getPools() {
    return Memo.of(VIEWS, supervisor::views);
  }

  /** The pools a connection can be added to, by name. */
  public List<String> getPoolNames() {
    return getPools().stream().map(PoolView::name).sorted().toList();
  }

  public String join(List<String> values) {
    return String.join(", ", values);
  }

  public int count(String state) {
    return getPools().stream().mapToInt(p -> p.states().getOrDefault(state, 0)).sum();
  }

  public int getHealthy() {
    return count("healthy");
  }

  public int getDegraded() {
    return count("degraded");
  }

  public int getUnhealthy() {
    return count("unhealthy") + count("reconnecting") + count("failed") + count("connecting");
  }

  /** Share of connections healthy or degraded, in percent. */
  public int getHealthRatio() {
    int all = getHealthy() + getDegraded() + getUnhealthy();
    return all == 0 ? 100 : Math.round(100f * (getHealthy() + getDegraded()) / all);
  }

  /** CSS class for a health value in percent: good, warn or bad. */
  public String level(int percent) {
    return percent >= 80 ? "avgym-good" : percent >= 50 ? "avgym-warn" : "avgym-bad";
  }

  public String stateClass(String state) {
    return "avgym-pool-state avgym-pool-state-" + state;
  }

  /**
   * An endpoint of a pool with its open connection, if it has one (none while disabled or not yet
   * connected), as a row of the pool's table.
   */
  public record Row(EndpointDefinition endpoint, ConnectionView connection) {
    public String getUrl() {
      return endpoint.url();
    }

    public int getWeight() {
      return endpoint.weight();
    }

    public boolean isEnabled() {
      return endpoint.enabled();
    }

    /** The connection's state; "disabled" in maintenance, "connecting" before it has one. */
    public String getState() {
      return !endpoint.enabled()
          ? "disabled"
          : connection == null ? "connecting" : connection.state();
    }

    public String getStateText() {
      return endpoint.enabled() ? getState() : "disabled (maintenance)";
    }

    public String getScore() {
      return connection == null ? "–" : Integer.toString(connection.score());
    }

    public String getRtt() {
      return connection == null ? "–" : Double.toString(connection.rttMillis());
    }

    public String getInFlight() {
      return connection == null ? "–" : Integer.toString(connection.inFlight());
    }

    public String getErrors() {
      return connection == null ? "–" : Long.toString(connection.errors() + connection.timeouts());
    }
  }

  /** Every endpoint of the pool, enabled or not, with its live connection. */
  public List<Row> rows(PoolView view) {
    return view.endpoints().stream()
        .map(
            e ->
                new Row(
                    e,
                    view.connections().stream()
                        .filter(c -> c.url().equals(e.url()))
                        .findFirst()
                        .orElse(null)))
        .toList();
  }

  /**
   * The pool's health score over the chosen range as a line chart: every instance's samples, so the
   * line goes on when another instance takes the pool over.
   */
  public String healthChart(String poolName) {
    List<TimePoint> points =
        Memo.of(
            "pools.health." + poolName + "." + range,
            () ->
                series.chart(
                    "poolHealth",
                    poolName,
                    null,
                    Range.parse(range).orElse(Range.H1),
                    Instant.now(),
                    MAX_POINTS));
    return ChartJs.line(
        points.stream().map(p -> TIME.format(p.at())).toList(),
        List.of(
            new ChartJs.Series(
                "Health of " + poolName, points.stream().map(TimePoint::value).toList())),
        true);
  }

  public List<String> getRanges() {
    return Arrays.stream(Range.values()).map(Range::label).toList();
  }

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = Range.parse(range).map(Range::label).orElse(Range.H1.label());
  }

  /** Puts the pool's settings in the form, to change them with Apply. */
  public void edit(String poolName) {
    Optional<PoolView> view = getPools().stream().filter(p -> p.name().equals(poolName)).findAny();
    if (view.isEmpty()) {
      message(FacesMessage.SEVERITY_ERROR, null, "Pool " + poolName + " no longer exists");
      return;
    }
    PoolView p = view.get();
    name = p.name();
    topics = join(p.topics());
    strategy = p.strategy();
    maxConnections = p.maxConnections();
    intervalMs = p.healthCheckIntervalMs();
    reconnectAttempts = p.reconnectAttempts();
    ackMinMs = p.ackTimeoutMinMs();
    ackMaxMs = p.ackTimeoutMaxMs();
    outboxLimit = p.outboxLimit();
  }

  /** Puts an endpoint in the connection form, to change its weight or state. */
  public void editConnection(String poolName, EndpointDefinition endpoint) {
    pool = poolName;
    url = endpoint.url();
    weight = endpoint.weight();
    enabled = endpoint.enabled();
  }

  public void create() {
    if (!admin()) {
      return;
    }
    try {
      pools.create(input(name));
      info("Pool " + name + " created");
      pool = name;
      name = null;
    } catch (Refusal e) {
      error(e);
    }
  }

  /** Applies every setting of the form to the pool named in it, live. */
  public void reconfigure() {
    if (!admin()) {
      return;
    }
    try {
      if (name == null || name.isBlank()) {
        throw Refusal.invalid("name", "enter the name of the pool to change");
      }
      String poolName = name.trim();
      pools.reconfigure(poolName, input(null));
      info("Pool " + poolName + " reconfigured");
    } catch (Refusal e) {
      error(e);
    }
  }

  private PoolInput input(String poolName) {
    return new PoolInput(
        poolName,
        topics == null || topics.isBlank()
            ? null
            : Arrays.stream(topics.split("[,\\s]+")).filter(t -> !t.isBlank()).toList(),
        maxConnections,
        intervalMs,
        reconnectAttempts,
        strategy,
        ackMinMs,
        ackMaxMs,
        outboxLimit,
        null);
  }

  public void destroy(String poolName) {
    if (!admin()) {
      return;
    }
    try {
      pools.destroy(poolName);
      info("Pool " + poolName + " destroyed");
    } catch (Refusal e) {
      error(e);
    }
  }

  public void addConnection() {
    if (!admin()) {
      return;
    }
    try {
      pools.addEndpoint(requirePool(), new EndpointInput(url, weight, enabled));
      info("Connection " + url.trim() + " added to " + pool);
      url = null;
    } catch (Refusal e) {
      error(e);
    }
  }

  /** Applies the connection form's weight and state to the endpoint with its URL. */
  public void changeConnection() {
    if (!admin()) {
      return;
    }
    try {
      String poolName = requirePool();
      if (url == null || url.isBlank()) {
        throw Refusal.invalid("url", "enter the URL of the connection to change");
      }
      pools.changeEndpoint(poolName, url.trim(), new EndpointInput(null, weight, enabled));
      info("Connection changed in " + poolName + (enabled ? "" : ": disabled for maintenance"));
    } catch (Refusal e) {
      error(e);
    }
  }

  /** Takes an endpoint out of rotation (maintenance) or brings it back, keeping its weight. */
  public void toggle(String poolName, EndpointDefinition endpoint) {
    if (!admin()) {
      return;
    }
    try {
      boolean on = !endpoint.enabled();
      pools.changeEndpoint(poolName, endpoint.url(), new EndpointInput(null, null, on));
      info("Connection " + (on ? "enabled" : "disabled for maintenance") + " in " + poolName);
    } catch (Refusal e) {
      error(e);
    }
  }

  public void removeConnection(String poolName, String endpoint) {
    if (!admin()) {
      return;
    }
    try {
      pools.removeEndpoint(poolName, endpoint);
      info("Connection removed from " + poolName);
    } catch (Refusal e) {
      error(e);
    }
  }

  private String requirePool() {
    if (pool == null || pool.isBlank()) {
      throw Refusal.invalid("pool", "choose a pool");
    }
    return pool;
  }

  private void fill(PoolSettings settings) {
    strategy = settings.strategy().wire();
    maxConnections = settings.maxConnections();
    intervalMs = settings.healthCheckInterval().toMillis();
    reconnectAttempts = settings.reconnectAttempts();
    ackMinMs = settings.ackTimeoutMin().toMillis();
    ackMaxMs = settings.ackTimeoutMax().toMillis();
    outboxLimit = settings.outboxLimit();
  }

  private boolean admin() {
    if (!currentUser.isAdmin()) {
      message(FacesMessage.SEVERITY_ERROR, null, "Only administrators can change pools");
      return false;
    }
    return true;
  }

  /** A change succeeded: says so, and the page shows the pools as they are now. */
  private static void info(String text) {
    Memo.forget(VIEWS);
    message(FacesMessage.SEVERITY_INFO, null, text);
  }

  /** The refusal, shown in the messages and at the field it names. */
  private static void error(Refusal refusal) {
    String field = refusal.field() == null ? "" : refusal.field() + ": ";
    String component = FIELDS.get(refusal.field());
    message(
        FacesMessage.SEVERITY_ERROR,
        component == null ? null : "tabs:pool-board:" + component,
        field + refusal.getMessage());
  }

  private static void message(FacesMessage.Severity severity, String clientId, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
  }

  public Integer getReconnectAttempts() {
    return reconnectAttempts;
  }

  public void setReconnectAttempts(Integer reconnectAttempts) {
    this.reconnectAttempts = reconnectAttempts;
  }

  public Long getAckMinMs() {
    return ackMinMs;
  }

  public void setAckMinMs(Long ackMinMs) {
    this.ackMinMs = ackMinMs;
  }

  public Long getAckMaxMs() {
    return ackMaxMs;
  }

  public void setAckMaxMs(Long ackMaxMs) {
    this.ackMaxMs = ackMaxMs;
  }

  public Integer getOutboxLimit() {
    return outboxLimit;
  }

  public void setOutboxLimit(Integer outboxLimit) {
    this.outboxLimit = outboxLimit;
  }

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTopics() {
    return topics;
  }

  public void setTopics(String topics) {
    this.topics = topics;
  }

  public String getStrategy() {
    return strategy;
  }

  public void setStrategy(String strategy) {
    this.strategy = strategy;
  }

  public Integer getMaxConnections() {
    return maxConnections;
  }

  public void setMaxConnections(Integer maxConnections) {
    this.maxConnections = maxConnections;
  }

  public Long getIntervalMs() {
    return intervalMs;
  }

  public void setIntervalMs(Long intervalMs) {
    this.intervalMs = intervalMs;
  }

  public String getPool() {
    return pool;
  }

  public void setPool(String pool) {
    this.pool = pool;
  }

  /** An endpoint URL as the page shows it: query values hidden (tokens stay off screens). */
  public String shown(String url) {
    return PoolRules.shown(url);
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}
