package org.avgym.openapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ApiResourcesTest {

  @Test
  void listsEveryResourceClassTheBuildProduced() throws IOException {
    java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
    Set<String> found = new TreeSet<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
        try {
          Class<?> type = Class.forName(name, false, getClass().getClassLoader());
          if (type.isAnnotationPresent(Path.class)) {
            found.add(name);
          }
        } catch (ClassNotFoundException | LinkageError unloadable) {
          // not a resource: classes needing the container at load time are not @Path classes here
        }
      }
    }
    Set<String> listed =
        ApiResources.CLASSES.stream()
            .map(Class::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertFalse(found.isEmpty());
    assertEquals(found, listed, "ApiResources.CLASSES must name every @Path class");
  }

  @Test
  void everyResourceButTheTokensThemselvesCanBeAnApiTokensScope() {
    Set<String> resources =
        new ApiResources()
            .all().stream()
                .map(e -> org.avgym.security.control.ApiScopes.resourceOf(e.path().substring(5)))
                .collect(Collectors.toCollection(TreeSet::new));
    Set<String> scopes = new TreeSet<>(org.avgym.security.control.ApiScopes.RESOURCES);
    scopes.add(org.avgym.security.control.ApiScopes.TOKENS);
    assertEquals(resources, scopes, "ApiScopes.RESOURCES must name every resource under /api");
  }

  @Test
  void operationIdsAreUniqueAndEveryExampleNamesOne() {
    List<ApiResources.Endpoint> endpoints = new ApiResources().all();
    Set<String> ids = new HashSet<>();
    for (ApiResources.Endpoint endpoint : endpoints) {
      assertTrue(ids.add(ApiDescription.operationId(endpoint)), endpoint.key());
    }
    for (String id : ApiDescription.EXAMPLES.keySet()) {
      assertTrue(ids.contains(id), "an example for an unknown operation: " + id);
    }
  }

  @Test
  void keysPathsAsTheDocumentDoes() {
    ApiResources resources = new ApiResources();
    ApiResources.Endpoint credential =
        resources.find("POST", "/api/members/{id}/credentials").orElseThrow();
    assertEquals("issueCredential", credential.method().getName());
    assertEquals("membersIssueCredential", ApiDescription.operationId(credential));
    assertEquals("members", ApiDescription.tag(credential));
    assertEquals(List.of("ADMIN", "STAFF"), ApiDescription.roles(credential));
    ApiResources.Endpoint register = resources.find("POST", "/api/devices").orElseThrow();
    assertEquals(List.of("ADMIN"), ApiDescription.roles(register));
    assertEquals("/api/x/{id}", ApiResources.normalized("/api/x/{id: [0-9]+}/"));
  }

  @Test
  void onlyPortablePatternsAreDocumented() {
    assertTrue(BodySchemas.portable("[a-z0-9-]{2,32}"));
    assertFalse(BodySchemas.portable("(?i)card|qr|nfc"));
    assertFalse(BodySchemas.portable("\\p{Graph}{1,128}"));
  }
}
