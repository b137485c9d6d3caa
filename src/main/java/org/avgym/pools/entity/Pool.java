package org.avgym.pools.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A stored pool definition: the topics it carries, its limits and its endpoints. */
@Entity
@Table(name = "connection_pool")
@NamedQuery(name = Pool.ALL, query = "select p from Pool p order by p.name")
@NamedQuery(name = Pool.BY_NAME, query = "select p from Pool p where p.name = :name")
public class Pool {

  public static final String ALL = "Pool.all";
  public static final String BY_NAME = "Pool.byName";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  /** Comma-separated topic wire names. */
  @Column(nullable = false, length = 256)
  private String topics;

  @Column(name = "max_connections", nullable = false)
  private int maxConnections;

  @Column(name = "health_check_interval_ms", nullable = false)
  private long healthCheckIntervalMs;

  @Column(name = "reconnect_attempts", nullable = false)
  private int reconnectAttempts;

  @Column(nullable = false, length = 32)
  private String strategy;

  @Column(name = "ack_timeout_min_ms", nullable = false)
  private long ackTimeoutMinMs;

  @Column(name = "ack_timeout_max_ms", nullable = false)
  private long ackTimeoutMaxMs;

  @Column(name = "outbox_limit", nullable = false)
  private int outboxLimit;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  @OneToMany(mappedBy = "pool", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<PoolEndpoint> endpoints = new ArrayList<>();

  protected Pool() {}

  public Pool(String name, PoolSettings settings) {
    this.name = name;
    this.createdAt = Instant.now();
    configure(settings);
  }

  /** Applies new settings; the caller has validated them against the endpoints in use. */
  public void configure(PoolSettings settings) {
    this.topics = String.join(",", settings.topics());
    this.maxConnections = settings.maxConnections();
    this.healthCheckIntervalMs = settings.healthCheckInterval().toMillis();
    this.reconnectAttempts = settings.reconnectAttempts();
    this.strategy = settings.strategy().wire();
    this.ackTimeoutMinMs = settings.ackTimeoutMin().toMillis();
    this.ackTimeoutMaxMs = settings.ackTimeoutMax().toMillis();
    this.outboxLimit = settings.outboxLimit();
  }

  public PoolEndpoint addEndpoint(String url, int weight, boolean enabled) {
    PoolEndpoint endpoint = new PoolEndpoint(this, url, weight, enabled);
    endpoints.add(endpoint);
    return endpoint;
  }

  public Optional<PoolEndpoint> endpoint(String url) {
    return endpoints.stream().filter(e -> e.url().equals(url)).findFirst();
  }

  public void removeEndpoint(PoolEndpoint endpoint) {
    endpoints.remove(endpoint);
  }

  public String name() {
    return name;
  }

  public List<PoolEndpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  public int maxConnections() {
    return maxConnections;
  }

  public PoolSettings settings() {
    Set<String> topicSet = new LinkedHashSet<>(Arrays.asList(topics.split(",")));
    topicSet.remove("");
    return new PoolSettings(
        topicSet,
        maxConnections,
        Duration.ofMillis(healthCheckIntervalMs),
        reconnectAttempts,
        StrategyName.parse(strategy),
        Duration.ofMillis(ackTimeoutMinMs),
        Duration.ofMillis(ackTimeoutMaxMs),
        outboxLimit);
  }

  /** The immutable definition the supervisor runs. */
  public PoolDefinition definition() {
    return new PoolDefinition(
        name,
        settings(),
        endpoints.stream()
            .map(e -> new EndpointDefinition(e.url(), e.weight(), e.enabled()))
            .toList());
  }
}
