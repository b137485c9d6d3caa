package org.avgym.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a POST that created something: 201, its address under /api, and the thing. */
public final class Created {

  private Created() {}

  /** 201 with {@code Location: /api/<collection>/<key>} and {@code entity} as the body. */
  public static Response at(UriInfo uri, String collection, Object key, Object entity) {
    return Response.created(
            uri.getBaseUriBuilder().path(collection).path(String.valueOf(key)).build())
        .entity(entity)
        .build();
  }
}
