package org.avgym.analytics.control;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV: a field containing a comma, a double quote, CR or LF is enclosed in double quotes
 * with each inner quote doubled; records end with CRLF. A null field is empty.
 *
 * <p>Spreadsheets run a cell that starts with {@code = + - @}, a tab or CR as a formula (CSV
 * injection: {@code =HYPERLINK(…)} in a login name typed by anyone). Such a field is written with a
 * leading apostrophe, which spreadsheets show as text; a plain number such as {@code -5} or {@code
 * +3.5} is left as it is.
 */
public final class Csv {

  private Csv() {}

  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  public static String field(String value) {
    if (value == null) {
      return "";
    }
    value = neutralized(value);
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** The value, with a leading apostrophe when a spreadsheet would take it for a formula. */
  static String neutralized(String value) {
    if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
      return value;
    }
    return NUMBER.matcher(value).matches() ? value : "'" + value;
  }

  public static String record(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    return line.append("\r\n").toString();
  }
}
