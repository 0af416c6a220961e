package dev.picket.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterizationTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "testing testing 1, 2, 3 | testing testing <int>, <int>, <int>",
      "mail foo.bar@example.com now | mail <email> now",
      "see https://example.com/a?b=1 ok | see <url> ok",
      "from 127.0.0.1 | from <ip>",
      "via 2001:0db8:85a3:0000:0000:8a2e:0370:7334 and ::1 | via <ip> and <ip>",
      "Class::method stays | Class::method stays",
      "id 88ee7c66-29a9-4a4a-bc26-c72d76c5de14 | id <uuid>",
      "sha da39a3ee5e6b4b0d3255bfef95601890afd80709 | sha <sha1>",
      "md5 d41d8cd98f00b204e9800998ecf8427e | md5 <md5>",
      "at 2019-04-17T20:29:05Z | at <date>",
      "on Wed Apr 17 22:31:45 2019: x | on <date>: x",
      "took 3000ms | took <duration>",
      "offset 0xfeedbeef | offset <hex>",
      "spent 1234.33 | spent <float>",
      "minus -42 | minus <int>",
      "host api.example.com down | host <hostname> down",
      "user=42 | user=<int>",
      "plain words only | plain words only"})
  void parameterize_replacesVariableParts(String in, String out) {
    assertThat(Parameterization.parameterize(in)).isEqualTo(out);
  }

  @Test
  void trimLines_keepsTwoNonBlankLinesAndMarksTheCut() {
    assertThat(Parameterization.trimLines("Error\n\n  detail a\nmore")).isEqualTo("Error\n  detail a...");
    assertThat(Parameterization.trimLines("one\ntwo")).isEqualTo("one\ntwo");
    assertThat(Parameterization.trimLines("one\r\ntwo")).isEqualTo("one\ntwo...");
  }

  @Test
  void normalize_fixtureWhistles() {
    String in = "Wed Apr 17 22:31:45 2019: foobar.bazblafasel@example.invalid logged in (error 42)"
        + " time spent 1234.33 --- correlation id 88ee7c66-29a9-4a4a-bc26-c72d76c5de14, checksum"
        + " da39a3ee5e6b4b0d3255bfef95601890afd80709 (md5 d41d8cd98f00b204e9800998ecf8427e);"
        + " payload timestamp 2019-04-17T20:29:05Z (submitted from 127.0.0.1 via"
        + " 2001:0db8:85a3:0000:0000:8a2e:0370:7334 via ::1) at offset 0xfeedbeef";
    assertThat(Parameterization.normalize(in)).isEqualTo("<date>: <email> logged in (error <int>)"
        + " time spent <float> --- correlation id <uuid>, checksum <sha1> (md5 <md5>); payload"
        + " timestamp <date> (submitted from <ip> via <ip> via <ip>) at offset <hex>");
  }
}
