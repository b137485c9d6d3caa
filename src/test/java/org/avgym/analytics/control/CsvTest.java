package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void plainFieldsAreLeftAlone() {
    assertEquals("login", Csv.field("login"));
    assertEquals("Žana Čeh", Csv.field("Žana Čeh"));
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedWithInnerQuotesDoubled() {
    assertEquals("\"a,b\"", Csv.field("a,b"));
    assertEquals("\"Žana \"\"Z\"\", Čeh\"", Csv.field("Žana \"Z\", Čeh"));
    assertEquals("\"one\ntwo\"", Csv.field("one\ntwo"));
    assertEquals("\"one\r\ntwo\"", Csv.field("one\r\ntwo"));
  }

  @Test
  void nullIsAnEmptyFieldAndRecordsEndWithCrLf() {
    assertEquals("1,,\"x,y\"\r\n", Csv.record(Arrays.asList("1", null, "x,y")));
    assertEquals("\r\n", Csv.record(List.of()));
  }

  @Test
  void formulasAreWrittenAsTextButNumbersStayNumbers() {
    assertEquals("'=1+1", Csv.field("=1+1"));
    assertEquals(
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
        Csv.field("=HYPERLINK(\"http://evil.example\",\"x\")"));
    assertEquals("'+cmd|' /C calc'!A0", Csv.field("+cmd|' /C calc'!A0"));
    assertEquals("'-2+3", Csv.field("-2+3"));
    assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
    assertEquals("'\t=1", Csv.field("\t=1"));
    assertEquals("\"'\r=1\"", Csv.field("\r=1"));
    assertEquals("-5", Csv.field("-5"));
    assertEquals("+3.5", Csv.field("+3.5"));
    assertEquals("-1.5E3", Csv.field("-1.5E3"));
    assertEquals("a=b", Csv.field("a=b"));
  }
}
