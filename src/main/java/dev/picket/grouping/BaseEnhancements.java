package dev.picket.grouping;

/**
 * The built-in stack-trace rules of {@code newstyle:2023-01-11} (enhancement base
 * {@code all-platforms:2023-01-11}), written by us in Sentry's rule syntax: only the rules whose
 * effect the reference fixtures show or the reference (§6.2) documents. Frozen with the config.
 */
final class BaseEnhancements {
  static final Enhancements ALL_PLATFORMS_2023_01_11 = Enhancements.parse(String.join("\n",
      "# generic vendored code",
      "path:**/vendor/** -app",
      "# python",
      "family:other path:**/site-packages/** -app",
      "family:other path:**/dist-packages/** -app",
      "# javascript",
      "family:javascript path:**/node_modules/** -app",
      "family:javascript module:@babel/** -app -group",
      "family:javascript module:core-js/** -app -group",
      "family:javascript module:regenerator-runtime/** -app -group",
      "family:javascript module:tslib/** -app -group",
      "# java",
      "family:other module:io.sentry.* -app -group",
      "family:other module:java.lang.Thread function:run -group",
      "family:other module:java.util.concurrent.ThreadPoolExecutor* -group",
      "family:other module:org.apache.tomcat.util.threads.* -group",
      "family:other module:java.lang.reflect.Method function:invoke -group",
      "family:other module:org.springframework.* -app",
      "family:other module:org.apache.* -app",
      "family:other module:com.sun.* -app",
      "family:other module:sun.* -app",
      "family:other module:jdk.* -app",
      "family:other module:java.* -app",
      "family:other module:javax.* -app",
      "# go",
      "family:other path:**/go/pkg/mod/** -app",
      ""));

  private BaseEnhancements() {}
}
