package org.avgym.notify.control;

/**
 * How one attempt to send a notification went: {@code delivered}, or not with a short reason.
 * {@code status} is the webhook's HTTP status, null when there was no answer (or for e-mail).
 */
public record Attempt(boolean delivered, Integer status, String error) {

  public static Attempt delivered(Integer status) {
    return new Attempt(true, status, null);
  }

  public static Attempt failed(Integer status, String error) {
    return new Attempt(false, status, error);
  }
}
