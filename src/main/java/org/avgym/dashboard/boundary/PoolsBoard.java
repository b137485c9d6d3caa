package org.avgym.dashboard.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.boundary.PoolSupervisor;
import org.avgym.pools.boundary.Pools;
import org.avgym.pools.control.PoolRules;
import org.avgym.pools.entity.EndpointInput;
import org.avgym.pools.entity.PoolInput;
import org.avgym.pools.entity.PoolView;

/**
 * The Connection Pools tab: the system health overview and each pool's live state from the
 * supervisor, and the administrator's forms, whose refusals are shown as faces messages.
 */
@Named
@ViewScoped
public class PoolsBoard implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PoolSupervisor supervisor;
  @Inject Pools pools;
  @Inject CurrentUser currentUser;

  private String name;
  private String topics;
  private String strategy = "health-weighted";
  private Integer maxConnections = 8;
  private Long intervalMs = 5000L;
  private String pool;
  private String url;

  public List<PoolView> getPools() {
    return supervisor.views();
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

  public void create() {
    if (!admin()) {
      return;
    }
    try {
      pools.create(
          new PoolInput(
              name,
              topics == null || topics.isBlank()
                  ? null
                  : Arrays.stream(topics.split("[,\\s]+")).filter(t -> !t.isBlank()).toList(),
              maxConnections,
              intervalMs,
              null,
              strategy,
              null,
              null,
              null,
              null));
      info("Pool " + name + " created");
      pool = name;
      name = null;
    } catch (Refusal e) {
      error(e);
    }
  }

  /** Applies the form's strategy, size and interval to the pool named in the form. */
  public void reconfigure() {
    if (!admin()) {
      return;
    }
    try {
      if (name == null || name.isBlank()) {
        throw Refusal.invalid("name", "enter the name of the pool to change");
      }
      String poolName = name.trim();
      pools.reconfigure(
          poolName,
          new PoolInput(
              null, null, maxConnections, intervalMs, null, strategy, null, null, null, null));
      info("Pool " + poolName + " reconfigured");
    } catch (Refusal e) {
      error(e);
    }
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
      if (pool == null || pool.isBlank()) {
        throw Refusal.invalid("pool", "choose a pool");
      }
      pools.addEndpoint(pool, new EndpointInput(url, 1, true));
      info("Connection " + url.trim() + " added to " + pool);
      url = null;
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

  private boolean admin() {
    if (!currentUser.isAdmin()) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR, "Only administrators can change pools", null));
      return false;
    }
    return true;
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(Refusal refusal) {
    String field = refusal.field() == null ? "" : refusal.field() + ": ";
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR, field + refusal.getMessage(), refusal.getMessage()));
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
