package org.avgym.pools.entity;

/**
 * One live connection as the API and the dashboard show it.
 *
 * @param url the endpoint (never a metric label)
 * @param effectiveWeight the weight strategies use now: below {@code weight} during slow start
 * @param rttMillis peak-EWMA latency of pongs and acks, 0 before the first measurement
 */
public record ConnectionView(
    String url,
    int weight,
    double effectiveWeight,
    String state,
    int score,
    double rttMillis,
    int inFlight,
    long sent,
    long acked,
    long errors,
    long timeouts,
    int reconnects) {

  /** This view with {@code shown} as its URL (a redacted one, for staff). */
  public ConnectionView withUrl(String shown) {
    return new ConnectionView(
        shown,
        weight,
        effectiveWeight,
        state,
        score,
        rttMillis,
        inFlight,
        sent,
        acked,
        errors,
        timeouts,
        reconnects);
  }
}
