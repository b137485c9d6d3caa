package org.avgym.pools.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.avgym.pools.entity.Candidate;

/**
 * The power of two random choices: sample two different connections and keep the better. Nearly as
 * good as scanning for the best, but without every caller herding onto the same momentary best, and
 * O(1) per pick. Ties go to the first sampled, which is random, so equals share evenly.
 */
final class TwoChoices {

  private TwoChoices() {}

  /**
   * @param sampling how likely each connection is to be sampled (relative; all zero means uniform)
   * @param better orders the better connection first
   */
  static Optional<Candidate> pick(
      List<Candidate> candidates,
      RandomGenerator random,
      ToDoubleFunction<Candidate> sampling,
      Comparator<Candidate> better) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    if (candidates.size() == 1) {
      return Optional.of(candidates.get(0));
    }
    double[] weights = candidates.stream().mapToDouble(sampling).toArray();
    int first = sample(weights, -1, random);
    int second = sample(weights, first, random);
    Candidate a = candidates.get(first);
    Candidate b = candidates.get(second);
    return Optional.of(better.compare(a, b) <= 0 ? a : b);
  }

  private static int sample(double[] weights, int excluded, RandomGenerator random) {
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += i == excluded ? 0 : weights[i];
    }
    if (total <= 0) {
      int index = random.nextInt(weights.length - (excluded < 0 ? 0 : 1));
      return excluded >= 0 && index >= excluded ? index + 1 : index;
    }
    double point = random.nextDouble(total);
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (i == excluded || weights[i] <= 0) {
        continue;
      }
      last = i;
      point -= weights[i];
      if (point < 0) {
        return i;
      }
    }
    return last;
  }
}
