package org.avgym.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void sameSeedGivesTheSameNames() {
    assertEquals(Names.generate(new Random(7), 500), Names.generate(new Random(7), 500));
    assertNotEquals(Names.generate(new Random(7), 50), Names.generate(new Random(8), 50));
  }

  @Test
  void namesAreDistinctAndIncludeNonAsciiLetters() {
    List<String> names = Names.generate(new Random(20261128), 500);
    assertEquals(500, new HashSet<>(names).size());
    assertTrue(names.stream().anyMatch(n -> !n.chars().allMatch(c -> c < 128)));
  }

  @Test
  void emailIsAsciiAndUnique() {
    assertEquals("zana.ceh.7@example.org", Names.email("Žana Čeh", 7));
    assertEquals("zoe.o.brien.12@example.org", Names.email("Zoë O'Brien", 12));
    assertEquals("soren.oster.3@example.org", Names.email("Søren Øster", 3));
  }
}
