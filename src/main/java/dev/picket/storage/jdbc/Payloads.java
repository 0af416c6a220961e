package dev.picket.storage.jdbc;

import com.github.luben.zstd.Zstd;

/** Event payloads are stored zstd-compressed; the {@code size} column keeps the plain length. */
final class Payloads {
  private static final int LEVEL = 3;

  private Payloads() {}

  static byte[] compress(byte[] plain) {
    return Zstd.compress(plain, LEVEL);
  }

  static byte[] decompress(byte[] compressed, int plainSize) {
    return Zstd.decompress(compressed, plainSize);
  }
}
