package dev.picket.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.normalize.TestFixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frame components of newstyle:2023-01-11 (§6.4): contributing values per platform. */
class NewstyleFramesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "python module beats filename, context line collapsed | python | {'module': 'a.b', 'filename': 'a/b.py', 'function': 'f', 'context_line': '  x  =  1 '} | a.b,f,x = 1",
      "filename lower-cased basename | python | {'filename': 'C:\\\\App\\\\Foo.PY', 'function': 'f'} | foo.py,f",
      "java lambda function ignored | java | {'module': 'com.acme.Svc', 'function': 'lambda$run$0'} | com.acme.Svc",
      "java generated accessor reduced | java | {'module': 'sun.reflect.GeneratedMethodAccessor12', 'function': 'invoke'} | sun.reflect.GeneratedMethodAccessor,invoke",
      "java cglib marker | java | {'module': 'com.acme.Svc$$EnhancerByCGLIB$$1a2b3c', 'function': 'run'} | com.acme.Svc$$EnhancerByCGLIB$$<auto>,run",
      "java no context line | java | {'module': 'a.B', 'function': 'f', 'context_line': 'x();'} | a.B,f",
      "javascript url filename ignored, last function segment | javascript | {'abs_path': 'https://x.io/app.js', 'filename': '/app.js', 'function': 'Foo.bar', 'context_line': 'go()'} | bar,go()",
      "javascript anonymous function ignored | javascript | {'filename': 'app.js', 'abs_path': 'app.js', 'function': '<anonymous>'} | app.js",
      "ruby block | ruby | {'filename': 'a.rb', 'function': 'block in foo'} | a.rb,block",
      "php anonymous class method | php | {'filename': 'a.php', 'function': 'class@anonymous\\u0000/x.php0x1::run'} | a.php,run",
      "native drops filename when function present | native | {'filename': 'main.cpp', 'function': 'foo::bar(int)'} | foo::bar",
      "native unknown function ignored | native | {'filename': 'main.cpp', 'function': '<unknown>'} | main.cpp",
      "csharp prefers raw function | csharp | {'module': 'App.Svc', 'function': 'Run', 'raw_function': 'Run (int x)'} | App.Svc,Run (int x)"})
  void frame_contributingValues(String name, String platform, String frameJson, String expected) {
    JsonNode frame = TestFixtures.json(frameJson);
    GroupingComponent c = NewstyleFrames.frame(frame, platform, false);
    assertThat(c.flatValues()).as(name).isEqualTo(Arrays.asList(expected.split(",")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "foo::bar(int) const | foo::bar",
      "std::vector<int>::push_back(int&&) | std::vector<T>::push_back",
      "unsigned int whatever(char*) | whatever",
      "<Foo as Bar>::baz | <Foo as Bar>::baz",
      "log_demo::main::h1234567890abcdef | log_demo::main",
      "-[NSObject foo:] | -[NSObject foo:]",
      "@objc ViewController.causeCrash(Any) -> () | ViewController.causeCrash"})
  void trimNative(String in, String out) {
    assertThat(FunctionNames.trimNative(in, true)).isEqualTo(out);
    assertThat(List.of(out)).isNotEmpty();
  }
}
