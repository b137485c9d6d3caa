package org.avgym.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the hostile-input suite saw, counted per kind from many threads, and every finding (a 500, a
 * stack trace, a session that did not close) with the evidence, so a failure says what went wrong.
 */
final class AbuseTally {

  /**
   * Traces of a leaked exception: an exception or error class name, a stack frame, or a qualified
   * class name of the JDK, the container or the application (a package, then a capital: not the
   * pages' {@code jakarta.faces.resource} URLs nor the {@code jakarta.faces.ViewState} field).
   */
  static final Pattern LEAK =
      Pattern.compile(
          "[A-Za-z]\\w*(?:Exception|Error)\\b"
              + "|\\.java:\\d+\\)"
              + "|\\bat [a-z][\\w$]*(?:\\.[\\w$]+)+\\("
              + "|\\b(?:java|javax|jakarta|sun|com\\.sun|org\\.glassfish|org\\.eclipse|fish\\.payara"
              + "|org\\.postgresql|org\\.h2|org\\.avgym)\\.(?!faces\\.ViewState)(?:[a-z]\\w*\\.)+[A-Z]");

  /**
   * PrimeFaces' client settings on a Faces page: {@code errorPages:{'…Exception':'/login.xhtml'}}.
   */
  private static final Pattern FACES_ERROR_PAGES = Pattern.compile("errorPages:\\{[^}]*\\}");

  /** Script elements of an HTML page, contents included. */
  private static final Pattern SCRIPTS =
      Pattern.compile("<script\\b[^>]*>.*?</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z.]+)\"");
  private static final int MAX_FINDINGS = 50;

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final List<String> findings = new ArrayList<>();
  private int moreFindings;

  void count(String what) {
    count(what, 1);
  }

  void count(String what, long n) {
    counts.computeIfAbsent(what, k -> new LongAdder()).add(n);
  }

  long get(String what) {
    LongAdder adder = counts.get(what);
    return adder == null ? 0 : adder.sum();
  }

  synchronized void finding(String what) {
    if (findings.size() < MAX_FINDINGS) {
      findings.add(what);
    } else {
      moreFindings++;
    }
  }

  synchronized List<String> findings() {
    List<String> all = new ArrayList<>(findings);
    if (moreFindings > 0) {
      all.add("… and " + moreFindings + " more");
    }
    return all;
  }

  /**
   * Counts a text frame the server sent on {@code channel} by type and error code, and records a
   * finding when it carries an exception's traces.
   */
  void serverFrame(String channel, String text) {
    leak(channel + " frame", text);
    Matcher type = TYPE.matcher(text);
    String name = type.find() ? type.group(1) : "?";
    if (name.equals("error")) {
      Matcher code = CODE.matcher(text);
      count(channel + " error frames " + (code.find() ? code.group(1) : "?"));
    } else {
      count(channel + " answers " + name);
    }
  }

  /** Records a finding when {@code text} carries an exception's traces. */
  void leak(String where, String text) {
    // A Faces page's PrimeFaces settings name the exception its error page is for; not a leak.
    // A page's scripts are the page's code, not error output: PrimeFaces' settings name the
    // exceptions its handlers are for. A stack trace would be in the page's text.
    Matcher leak =
        LEAK.matcher(
            SCRIPTS
                .matcher(FACES_ERROR_PAGES.matcher(text).replaceAll("errorPages:{}"))
                .replaceAll("<script></script>"));
    if (leak.find()) {
      int from = Math.max(0, leak.start() - 80);
      int to = Math.min(text.length(), leak.end() + 80);
      finding("stack trace or exception in " + where + ": …" + text.substring(from, to) + "…");
    }
  }

  /** Every count, sorted by name, one per line. */
  String report() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(counts).forEach((k, v) -> out.append(String.format("%-60s %,12d%n", k, v.sum())));
    return out.toString();
  }
}
