package dev.picket.storage;

import static dev.picket.storage.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link QuotaStore} must show; subclassed once per backend. */
public abstract class QuotaStoreContract {
  protected abstract Storage storage();

  /** A second storage on the same database (another process or node); may be the same one. */
  protected abstract Storage anotherNode();

  @Test
  void incrementCountsWithinAWindowAndRestartsInTheNext() {
    String counter = unique("key");
    QuotaStore quotas = storage().quotas();
    assertThat(quotas.increment(counter, 1000)).isEqualTo(1);
    assertThat(quotas.increment(counter, 1000)).isEqualTo(2);
    assertThat(quotas.increment(counter, 1060)).isEqualTo(1);
    assertThat(quotas.increment(unique("other"), 1060)).isEqualTo(1);
  }

  @Test
  void concurrentIncrementsFromTwoNodesAreExact() throws Exception {
    String counter = unique("shared");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        QuotaStore quotas = (i % 2 == 0 ? storage() : anotherNode()).quotas();
        results.add(pool.submit(() -> quotas.increment(counter, 5000)));
      }
      List<Long> counts = new ArrayList<>();
      for (Future<Long> result : results) {
        counts.add(result.get());
      }
      assertThat(counts).doesNotHaveDuplicates().hasSize(200);
      assertThat(storage().quotas().increment(counter, 5000)).isEqualTo(201);
    } finally {
      pool.shutdownNow();
    }
  }
}
