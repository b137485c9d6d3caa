/**
 * Connection pools: outbound WebSocket connections to downstream systems (door-controller gateways,
 * other sites, partner ingests, signage). Each event of a pool's topics goes out through one
 * connection, chosen by a load-balancing strategy among the connections in rotation. Every
 * connection carries a health score (latency, errors, stability) and a state; unhealthy ones are
 * ejected, recovered ones rejoin through slow start, dropped ones reconnect with backoff, and a
 * pool in panic spreads over all connected endpoints rather than none. The rules are plain Java in
 * {@code control}; see {@code docs/pool-health-score.md} for the score.
 */
package org.avgym.pools;
