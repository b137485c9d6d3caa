package org.avgym.security.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.avgym.platform.boundary.Problems;
import org.avgym.security.control.ApiScopes;
import org.avgym.security.control.LoginMetrics;
import org.avgym.security.entity.TokenCaller;

/**
 * Holds a request made with an API token to the token's resource scopes: a call outside them, or to
 * the tokens themselves, is refused with 403 before the resource runs. The role is checked by
 * {@code @RolesAllowed} as for everyone, after this filter.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class TokenScopeFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(TokenScopeFilter.class.getName());

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(servletRequest.getAttribute(StaffAuthentication.TOKEN_CALLER)
        instanceof TokenCaller token)) {
      return;
    }
    String path = request.getUriInfo().getPath();
    String method = request.getMethod();
    String refusal = null;
    if (ApiScopes.TOKENS.equals(ApiScopes.resourceOf(path))) {
      refusal = "API tokens are managed by a signed-in administrator, not with a token";
    } else if (!ApiScopes.allows(token.resources(), method, path)) {
      refusal =
          "this API token's scopes "
              + token.resources()
              + " do not allow "
              + method
              + " on "
              + ApiScopes.resourceOf(path);
    }
    if (refusal != null) {
      CDI.current().select(LoginMetrics.class).get().scopeRefused();
      String why = refusal;
      LOG.info(
          () -> "Refused " + method + " /api/" + path + " to " + token.principal() + ": " + why);
      request.abortWith(Problems.response(403, "Forbidden", refusal));
    }
  }
}
