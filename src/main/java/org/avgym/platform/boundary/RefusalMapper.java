package org.avgym.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.avgym.platform.control.Refusal;

/** A {@link Refusal} becomes the matching problem+json: 400 naming the field, 404 or 409. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

  @Override
  public Response toResponse(Refusal refusal) {
    return switch (refusal.kind()) {
      case INVALID -> Problems.badRequest(refusal.field(), refusal.getMessage()).getResponse();
      case NOT_FOUND -> Problems.notFound(refusal.getMessage()).getResponse();
      case CONFLICT -> Problems.conflict(refusal.getMessage()).getResponse();
    };
  }
}
