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
}
