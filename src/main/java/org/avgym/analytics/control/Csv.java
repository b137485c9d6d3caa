package org.avgym.analytics.control;

import java.util.List;

/**
 * RFC 4180 CSV: a field containing a comma, a double quote, CR or LF is enclosed in double quotes
 * with each inner quote doubled; records end with CRLF. A null field is empty.
 */
public final class Csv {

  private Csv() {}

  public static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
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
