package dev.picket.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes read through it and fails with 413 as soon as more than {@code limit} have passed,
 * so a decompression bomb stops at the limit instead of after inflating everything. Closing it
 * does not close the wrapped stream. I/O failures of the wrapped stream are rethrown as {@link
 * SourceIOException} so they can be told apart from corrupt encoded data.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final boolean marksSourceErrors;
  private long count;

  LimitedInputStream(InputStream in, long limit, boolean marksSourceErrors) {
    super(in);
    this.limit = limit;
    this.marksSourceErrors = marksSourceErrors;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, (int) Math.min(len, limit - count + 1));
    } catch (IOException e) {
      throw marksSourceErrors && !(e instanceof SourceIOException) ? new SourceIOException(e) : e;
    }
    if (n > 0) {
      count += n;
      if (count > limit) {
        throw ProtocolException.tooLarge(BodyDecoder.TOO_LARGE);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() {
    // The caller owns the wrapped stream.
  }

  /** An I/O failure of the request body itself (e.g. the client went away), not of decoding. */
  static final class SourceIOException extends IOException {
    private static final long serialVersionUID = 1L;

    SourceIOException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
