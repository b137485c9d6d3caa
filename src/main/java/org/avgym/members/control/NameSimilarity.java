package org.avgym.members.control;

import java.text.Normalizer;
import java.util.ArrayList;
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
    return distance(x, y, allowed) <= allowed
        || pairedDistance(words(a), words(b), allowed) <= allowed;
  }

  /** Words a name may have for every pairing of them to be tried. */
  static final int MAX_PAIRED_WORDS = 6;

  /**
   * The fewest slips between the words of two names paired one to one in any order: a slip can
   * change where a word sorts ("Dana Dc36" and "Dena Dc36" sort differently), so sorting alone
   * would miss it. More than {@link #MAX_PAIRED_WORDS} words, or different counts: {@code limit +
   * 1}.
   */
  static int pairedDistance(List<String> a, List<String> b, int limit) {
    if (a.size() != b.size() || a.isEmpty() || a.size() > MAX_PAIRED_WORDS) {
      return limit + 1;
    }
    return best(a, 0, new ArrayList<>(b), limit);
  }

  private static int best(List<String> a, int i, List<String> left, int limit) {
    if (i == a.size()) {
      return 0;
    }
    int best = limit + 1;
    for (int j = 0; j < left.size(); j++) {
      int here = distance(a.get(i), left.get(j), limit);
      if (here > limit) {
        continue;
      }
      List<String> rest = new ArrayList<>(left);
      rest.remove(j);
      best = Math.min(best, here + best(a, i + 1, rest, limit - here));
    }
    return best;
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
