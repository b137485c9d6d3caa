package org.avgym.dashboard.boundary;

import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads a value once per request: a page reads a bean's getter several times while rendering (and a
 * view-scoped bean outlives the request), so what a getter queries is kept in the request's
 * attributes under {@code key} and computed again on the next request (the next poll).
 */
final class Memo {

  private static final String PREFIX = Memo.class.getName() + ".";

  private Memo() {}

  @SuppressWarnings("unchecked")
  static <T> T of(String key, Supplier<T> load) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces == null) {
      return load.get();
    }
    Map<Object, Object> request = faces.getAttributes();
    Object value = request.get(PREFIX + key);
    if (value == null) {
      value = load.get();
      request.put(PREFIX + key, value);
    }
    return (T) value;
  }

  /** Forgets what was loaded under {@code key}: an action changed it, the render reads it anew. */
  static void forget(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null) {
      faces.getAttributes().remove(PREFIX + key);
    }
  }
}
