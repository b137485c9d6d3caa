package org.avgym.demo.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Plausible member names for the demo chain, drawn from first and last names of the places the
 * locations are in (and a few more), with non-ASCII letters on purpose: screens, search, JSON and
 * the database must all show Žana Čeh and Zoë as they are.
 */
public final class Names {

  static final List<String> FIRST =
      List.of(
          "Ana",
          "Žana",
          "Luka",
          "Nina",
          "Matej",
          "Špela",
          "Jure",
          "Maja",
          "Tina",
          "Urška",
          "Nejc",
          "Katja",
          "Gašper",
          "Eva",
          "Miha",
          "Zoë",
          "José",
          "María",
          "Sofía",
          "Chloé",
          "Björn",
          "Ingrid",
          "Søren",
          "Ayşe",
          "Emily",
          "Michael",
          "Olivia",
          "James",
          "Ava",
          "Daniel",
          "Grace",
          "Ethan",
          "Mia",
          "Noah",
          "Chen",
          "Yuki",
          "Haruto",
          "Sakura",
          "Ren",
          "Aoi",
          "Priya",
          "Arjun",
          "Fatima",
          "Omar",
          "Łukasz",
          "Zoltán",
          "Renée",
          "François",
          "Noémie",
          "Jiří");
  static final List<String> LAST =
      List.of(
          "Novak",
          "Čeh",
          "Horvat",
          "Kovačič",
          "Krajnc",
          "Zupančič",
          "Potočnik",
          "Kos",
          "Vidmar",
          "Golob",
          "Turk",
          "Žagar",
          "Mlakar",
          "Smith",
          "Johnson",
          "Williams",
          "Brown",
          "García",
          "Rodríguez",
          "Martínez",
          "O'Brien",
          "Müller",
          "Schröder",
          "Jensen",
          "Øster",
          "Dubois",
          "Lefèvre",
          "Rossi",
          "Yılmaz",
          "Kowalski",
          "Nováková",
          "Sato",
          "Suzuki",
          "Takahashi",
          "Tanaka",
          "Watanabe",
          "Kim",
          "Nguyen",
          "Patel",
          "Singh",
          "Haddad",
          "Nagy",
          "Popescu",
          "Andersson",
          "Walker",
          "Thompson",
          "Lee",
          "Baker",
          "Ramos",
          "Costa");

  private Names() {}

  /** {@code count} distinct "First Last" names, always the same for the same random seed. */
  public static List<String> generate(Random random, int count) {
    if (count > FIRST.size() * LAST.size()) {
      throw new IllegalArgumentException("at most " + FIRST.size() * LAST.size() + " names");
    }
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      names.add(
          FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size())));
    }
    return new ArrayList<>(names);
  }

  /** An address under example.org (never delivered), in ASCII: "Žana Čeh" → "zana.ceh.7@…". */
  public static String email(String name, int number) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("ł", "l")
            .replace("Ł", "L")
            .replace("ı", "i")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", ".")
            .replaceAll("(^\\.|\\.$)", "");
    return ascii + "." + number + "@example.org";
  }
}
