package dev.picket.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixture corpus ({@code ../shared/fixtures}), located through Maven's property. */
public final class SharedFixtures {
  private SharedFixtures() {}

  public static Path root() {
    String property = System.getProperty("picket.fixtures");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    Path sibling = Path.of("..", "shared", "fixtures");
    if (Files.isDirectory(sibling)) {
      return sibling;
    }
    return Path.of("/work/shared/fixtures");
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }
}
