package org.avgym.members.control;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether two names are probably the same person's, as a front desk would judge a second sign-up:
 * case, accents, punctuation and word order do not matter ("Ana-Marija Novak", "novak ana marija"),
 * and one or two typing slips do not either ("Jon Smith", "John Smith"). Short names allow one
 * slip, so that "Ana" and "Ina" are not flagged over and over.
 */
public final class NameSimilarity {

  /** Names this short (normalised) tolerate one slip; longer ones two. */
  static final int SHORT_NAME = 8;

  private NameSimilarity() {}

  public static boolean similar(String a, String b) {
    String x = normalised(a);
    String y = normalised(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    int allowed = Math.min(x.length(), y.length()) <= SHORT_NAME ? 1 : 2;
    return distance(x, y, allowed) <= allowed;
  }

  /** Lower case without accents or punctuation, words sorted: the form names are compared in. */
  public static String normalised(String name) {
    return String.join(" ", words(name).stream().sorted().toList());
  }

  /** The words of a name in lower case without accents, in their order. */
  public static List<String> words(String name) {
    if (name == null) {
      return List.of();
    }
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .trim();
    return plain.isEmpty()
        ? List.of()
        : Arrays.stream(plain.split(" ")).collect(Collectors.toList());
  }

  /**
   * Levenshtein distance, giving up (returning {@code limit + 1}) once it exceeds {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
