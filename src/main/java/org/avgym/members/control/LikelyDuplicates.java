package org.avgym.members.control;

import java.util.ArrayList;
import java.util.List;
import org.avgym.members.entity.Member;

/**
 * Which existing members a new sign-up probably repeats: the same e-mail, the same phone number
 * (digits compared, so "+386 41 123 456" and "38641123456" match) or a very similar name ({@link
 * NameSimilarity}). The candidates come from a query that finds everyone who could match; this
 * decides who does, and says why.
 */
public final class LikelyDuplicates {

  /** Phone numbers with fewer digits than this are never compared: too many would match. */
  static final int MIN_PHONE_DIGITS = 6;

  /** A member the sign-up may repeat, and every reason to think so. */
  public record Match(Member member, List<String> reasons) {}

  private LikelyDuplicates() {}

  public static List<Match> among(
      List<Member> candidates, String name, String email, String phone, Long except) {
    String wantedEmail = email == null || email.isBlank() ? null : email.trim().toLowerCase();
    String wantedPhone = digits(phone);
    List<Match> matches = new ArrayList<>();
    for (Member candidate : candidates) {
      if (except != null && except.equals(candidate.getId())) {
        continue;
      }
      List<String> reasons = new ArrayList<>();
      if (wantedEmail != null && wantedEmail.equals(candidate.getEmail())) {
        reasons.add("same e-mail");
      }
      if (wantedPhone.length() >= MIN_PHONE_DIGITS
          && wantedPhone.equals(digits(candidate.getPhone()))) {
        reasons.add("same phone");
      }
      if (NameSimilarity.similar(name, candidate.getName())) {
        reasons.add("similar name");
      }
      if (!reasons.isEmpty()) {
        matches.add(new Match(candidate, List.copyOf(reasons)));
      }
    }
    return matches;
  }

  /** The digits of a phone number, which is how two numbers are compared. */
  public static String digits(String phone) {
    return phone == null ? "" : phone.replaceAll("[^0-9]", "");
  }

  /**
   * A LIKE pattern that finds a phone number with these digits whatever separators it was typed
   * with ({@code %4%1%1%2%}); the exact comparison is {@link #among}'s. Null when too short.
   */
  public static String phonePattern(String phone) {
    String digits = digits(phone);
    if (digits.length() < MIN_PHONE_DIGITS) {
      return null;
    }
    StringBuilder pattern = new StringBuilder("%");
    for (char digit : digits.toCharArray()) {
      pattern.append(digit).append('%');
    }
    return pattern.toString();
  }
}
