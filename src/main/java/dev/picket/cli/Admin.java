package dev.picket.cli;

import dev.picket.App;
import dev.picket.admin.AdminService;
import dev.picket.config.Config;
import dev.picket.storage.Storage;
import java.util.function.Function;

/** Runs one admin operation against the configured storage, opened only for that operation. */
final class Admin {
  private Admin() {}

  static <T> T run(ConfigOptions options, Function<AdminService, T> operation) {
    Config config = options.load();
    try (Storage storage = App.openStorage(config)) {
      return operation.apply(new AdminService(storage.projects(), storage.auth(), config.baseUrl()));
    }
  }
}
