package org.avgym.platform.control;

import jakarta.ejb.ApplicationException;

/**
 * A request the API turns down: bad input naming its field, an unknown id, or a conflict with what
 * is stored. An application exception, so it leaves a {@code @Stateless} bean unwrapped (and rolls
 * its transaction back) and reaches the caller as problem+json without an error in the log.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of refusal, with its HTTP status. */
  public enum Kind {
    INVALID(400),
    NOT_FOUND(404),
    CONFLICT(409);

    public final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  private final Kind kind;
  private final String field;

  private Refusal(Kind kind, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  public static Refusal invalid(String field, String message) {
    return new Refusal(Kind.INVALID, field, message);
  }

  public static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, null, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, for {@link Kind#INVALID}; null otherwise. */
  public String field() {
    return field;
  }
}
