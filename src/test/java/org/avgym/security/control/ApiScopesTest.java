package org.avgym.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.avgym.live.entity.Topic;
import org.avgym.platform.control.Refusal;
import org.junit.jupiter.api.Test;

class ApiScopesTest {

  @Test
  void noScopesAllowWhateverTheRoleAllows() {
    assertTrue(ApiScopes.allows(Set.of(), "DELETE", "members/12"));
    assertTrue(ApiScopes.allowsTopics(Set.of(), Set.of("alerts")));
  }

  @Test
  void aResourceScopeAllowsItsResourceOnly() {
    Set<String> scopes = ApiScopes.resources(List.of("checkins", "Occupancy:read"));
    assertEquals(Set.of("checkins", "occupancy:read"), scopes);
    assertTrue(ApiScopes.allows(scopes, "POST", "checkins/manual"));
    assertTrue(ApiScopes.allows(scopes, "GET", "/occupancy"));
    assertTrue(ApiScopes.allows(scopes, "HEAD", "occupancy/A"));
    assertFalse(ApiScopes.allows(scopes, "POST", "occupancy"));
    assertFalse(ApiScopes.allows(scopes, "GET", "members"));
    assertFalse(ApiScopes.allows(scopes, "GET", "checkinsx"));
    assertFalse(ApiScopes.allows(scopes, "GET", ""));
  }

  @Test
  void unknownScopesAreRefusedNamingTheField() {
    Refusal resource =
        assertThrows(Refusal.class, () -> ApiScopes.resources(List.of("members", "doors")));
    assertEquals("resources", resource.field());
    assertTrue(resource.getMessage().contains("doors"), resource.getMessage());
    assertThrows(Refusal.class, () -> ApiScopes.resources(List.of("members:write")));
    assertThrows(Refusal.class, () -> ApiScopes.resources(Arrays.asList((String) null)));
    assertThrows(Refusal.class, () -> ApiScopes.resources(List.of(ApiScopes.TOKENS)));
    Refusal topic = assertThrows(Refusal.class, () -> ApiScopes.topics(List.of("everything")));
    assertEquals("topics", topic.field());
    List<String> many = IntStream.range(0, 40).mapToObj(i -> "members").toList();
    assertEquals(Set.of("members"), ApiScopes.resources(many), "duplicates are one scope");
  }

  @Test
  void topicScopesAreTheLiveChannelsTopics() {
    Set<String> topics = Arrays.stream(Topic.values()).map(Topic::wire).collect(Collectors.toSet());
    assertEquals(topics, ApiScopes.TOPICS);
    Set<String> scopes = ApiScopes.topics(List.of("occupancy", "CHECKINS"));
    assertTrue(ApiScopes.allowsTopics(scopes, Set.of("occupancy")));
    assertFalse(ApiScopes.allowsTopics(scopes, new TreeSet<>(List.of("occupancy", "alerts"))));
  }
}
