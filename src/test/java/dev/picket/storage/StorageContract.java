package dev.picket.storage;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The behaviour of the whole {@link Storage}; subclassed once per backend. */
public abstract class StorageContract {
  protected abstract Storage storage();

  @Test
  void checkPassesOnAWorkingDatabase() {
    assertThatCode(() -> storage().check()).doesNotThrowAnyException();
  }
}
