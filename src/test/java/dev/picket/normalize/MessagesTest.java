package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "python-sdk: message string   | {'message': 'hello'}                                       | {'message':'hello'}",
    "java-sdk: message.formatted  | {'message': {'formatted': 'hello'}}                        | {'message':'hello'}",
    "sentry-cli: logentry.message | {'logentry': {'message': 'hello'}}                         | {'message':'hello'}",
    "legacy alias                 | {'sentry.interfaces.Message': {'message': 'hi %s', 'params': ['x']}} | {'message':'hi %s','params':['x'],'formatted':'hi x'}",
    "logentry wins over message   | {'message': 'a', 'logentry': {'message': 'b'}}             | {'message':'b'}",
    "percent named                | {'logentry': {'message': 'u %(n)s', 'params': {'n': 'bob'}}} | {'message':'u %(n)s','params':{'n':'bob'},'formatted':'u bob'}",
    "percent digits               | {'logentry': {'message': '%d items', 'params': [3]}}       | {'message':'%d items','params':[3],'formatted':'3 items'}",
    "curly positional             | {'logentry': {'message': '{} and {}', 'params': ['a','b']}} | {'message':'{} and {}','params':['a','b'],'formatted':'a and b'}",
    "curly indexed                | {'logentry': {'message': '{1}{0}', 'params': ['a','b']}}   | {'message':'{1}{0}','params':['a','b'],'formatted':'ba'}",
    "curly named                  | {'logentry': {'message': 'hi {who}', 'params': {'who': 'x'}}} | {'message':'hi {who}','params':{'who':'x'},'formatted':'hi x'}",
    "too few params: no formatted | {'logentry': {'message': '%s %s', 'params': ['a']}}        | {'message':'%s %s','params':['a']}",
    "formatted kept when differs  | {'logentry': {'message': 'a %s', 'formatted': 'a b'}}      | {'message':'a %s','formatted':'a b'}",
    "formatted dropped when equal | {'logentry': {'message': 'a', 'formatted': 'a'}}           | {'message':'a'}",
  })
  void messages_normalizeToTemplateParamsFormatted(String name, String input, String expected) {
    ObjectNode e = TestFixtures.normalize(input);
    assertThat(e.get("logentry")).isEqualTo(TestFixtures.json(expected));
    assertThat(e.get("errors")).isEmpty();
  }

  @Test
  void messages_keepOddParams_ravenRuby() {
    ObjectNode e = TestFixtures.normalize("{'message': 'boom', 'logentry': {'message': 'boom', 'params': ['boom', []]}}");
    assertThat(e.get("logentry")).isEqualTo(TestFixtures.json("{'message':'boom','params':['boom',[]]}"));
    assertThat(e.at("/metadata/title").asText()).isEqualTo("boom");
  }

  @Test
  void messages_ignoreEmptyMessageOnErrorEvents_rubySdk() {
    ObjectNode e = TestFixtures.normalize("{'message': '', 'exception': {'values': [{'type': 'E', 'value': 'v'}]}}");
    assertThat(e.has("logentry")).isFalse();
    assertThat(e.get("errors")).isEmpty();
  }

  @Test
  void messages_recordLogentryWithoutText() {
    ObjectNode e = TestFixtures.normalize("{'logentry': {'params': ['a']}}");
    assertThat(e.has("logentry")).isFalse();
    assertThat(e.at("/errors/0/reason").asText()).isEqualTo("no message present");
  }

  @Test
  void messages_titleIsFirstLineCutAt100() {
    ObjectNode e = TestFixtures.normalize("{'message': '" + "x".repeat(150) + "\\nsecond'}");
    assertThat(e.at("/metadata/title").asText()).hasSize(100).endsWith("...");
    assertThat(e.get("title").asText()).isEqualTo(e.at("/metadata/title").asText());
  }

  @Test
  void messages_untitledEventGetsPlaceholder() {
    assertThat(TestFixtures.normalize("{}").get("title").asText()).isEqualTo("<unlabeled event>");
  }
}
