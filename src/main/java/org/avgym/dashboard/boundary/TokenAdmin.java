package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avgym.platform.control.Refusal;
import org.avgym.security.control.ApiScopes;
import org.avgym.security.control.ApiTokens;
import org.avgym.security.entity.ApiTokenView;
import org.avgym.security.entity.IssuedToken;
import org.avgym.security.entity.Role;

/**
 * Administrators issue API tokens for integrations, see when each was last used, and revoke them. A
 * new token's secret is shown once, right after it is issued.
 */
@Named
@ViewScoped
public class TokenAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String FORM = "token-form:";
  private static final Map<String, String> FIELDS =
      Map.of(
          "name", FORM + "name",
          "role", FORM + "role",
          "resources", FORM + "resources",
          "topics", FORM + "topics",
          "days", FORM + "days");

  @Inject ApiTokens tokens;
  @Inject CurrentUser user;

  private List<ApiTokenView> list;
  private String name;
  private Role role = Role.STAFF;
  private List<String> full = new ArrayList<>();
  private List<String> readOnly = new ArrayList<>();
  private List<String> topics = new ArrayList<>();
  private Integer days = 90;
  private String secret;
  private String issuedName;

  public List<ApiTokenView> getList() {
    if (list == null) {
      list = tokens.all();
    }
    return list;
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public List<String> getResourceNames() {
    return ApiScopes.RESOURCES.stream().sorted().toList();
  }

  public List<String> getTopicNames() {
    return ApiScopes.TOPICS.stream().sorted().toList();
  }

  /** Scopes as one short line: "all" when there are none. */
  public String scopes(java.util.Collection<String> scopes) {
    return scopes == null || scopes.isEmpty() ? "all" : String.join(", ", scopes);
  }

  public void issue() {
    List<String> resources = new ArrayList<>(full);
    readOnly.stream().filter(r -> !full.contains(r)).map(r -> r + ":read").forEach(resources::add);
    try {
      IssuedToken issued = tokens.issue(name, role, resources, topics, null, days, user.getName());
      secret = issued.secret();
      issuedName = issued.token().name();
      Feedback.done("Token issued", issuedName + ": copy it now, it is not shown again");
      name = null;
      full = new ArrayList<>();
      readOnly = new ArrayList<>();
      topics = new ArrayList<>();
      list = null;
    } catch (Refusal refusal) {
      Feedback.refused("Token not issued", refusal, FIELDS);
    }
  }

  public void revoke(ApiTokenView token) {
    try {
      tokens.revoke(token.id(), user.getName());
      Feedback.done("Token revoked", token.name() + " no longer works");
    } catch (Refusal refusal) {
      Feedback.refused("Token not revoked", refusal, Map.of());
    }
    list = null;
  }

  /** Forgets the secret shown after issuing. */
  public void dismissSecret() {
    secret = null;
    issuedName = null;
  }

  public String getSecret() {
    return secret;
  }

  public String getIssuedName() {
    return issuedName;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public List<String> getFull() {
    return full;
  }

  public void setFull(List<String> full) {
    this.full = full == null ? new ArrayList<>() : full;
  }

  public List<String> getReadOnly() {
    return readOnly;
  }

  public void setReadOnly(List<String> readOnly) {
    this.readOnly = readOnly == null ? new ArrayList<>() : readOnly;
  }

  public List<String> getTopics() {
    return topics;
  }

  public void setTopics(List<String> topics) {
    this.topics = topics == null ? new ArrayList<>() : topics;
  }

  public Integer getDays() {
    return days;
  }

  public void setDays(Integer days) {
    this.days = days;
  }
}
