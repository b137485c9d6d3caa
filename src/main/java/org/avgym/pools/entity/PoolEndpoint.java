package org.avgym.pools.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One downstream endpoint of a pool: the pool keeps one connection open to it while enabled. */
@Entity
@Table(name = "pool_endpoint")
public class PoolEndpoint {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "pool_id", nullable = false)
  private Pool pool;

  @Column(nullable = false, length = 512)
  private String url;

  @Column(nullable = false)
  private int weight;

  @Column(nullable = false)
  private boolean enabled;

  protected PoolEndpoint() {}

  PoolEndpoint(Pool pool, String url, int weight, boolean enabled) {
    this.pool = pool;
    this.url = url;
    this.weight = weight;
    this.enabled = enabled;
  }

  /** A new weight or state: disabled, the pool closes its connection (maintenance). */
  public void change(int weight, boolean enabled) {
    this.weight = weight;
    this.enabled = enabled;
  }

  public String url() {
    return url;
  }

  public int weight() {
    return weight;
  }

  public boolean enabled() {
    return enabled;
  }
}
