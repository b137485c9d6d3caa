package org.avgym.platform.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * An RFC 9457 problem document: the body of every API error. {@code errors} names the fields of a
 * validation failure.
 */
@JsonbNillable(false)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public record FieldError(String field, String message) {}

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null);
  }

  public static Problem validation(String detail, List<FieldError> errors) {
    return new Problem("urn:avgym:problem:validation", "Invalid request", 400, detail, errors);
  }
}
